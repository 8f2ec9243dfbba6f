import { describe, expect, it } from 'vitest'
import type { VisitRow } from '../../../src/data/visits'
import { DEFAULT_CLINICAL_SETTINGS as settings } from '../../../src/domain/clinical-settings'
import { type Count, type PwsReport, pwsMonth, type Ratio } from '../../../src/domain/pws'
import type { Household, Member } from '../../../src/protocol/records'
import type { FollowUp } from '../../../src/protocol/visits'
import { makeHousehold, makeInput, makeMember, makeVisit } from './builders'
import { MARCH } from './fixture'

// Every number below was counted by hand in fixture.ts's header.
const report = pwsMonth(MARCH)

const ids = (c: Count) => c.memberIds
const frac = (r: Ratio) => [r.numerator.value, r.denominator.value]

describe('pwsMonth: the hand-counted March 2024 area', () => {
  it('reads everything on the month’s last day', () => {
    expect(report.month).toBe('2024-03')
    expect(report.referenceDate).toBe('2024-03-31')
  })

  it('counts households, not the deleted one', () => {
    expect(report.households).toEqual({ value: 5, householdIds: ['hh1', 'hh2', 'hh3', 'hh4', 'hh5'] })
  })

  it('counts sasaran per stage and overlay', () => {
    const { stages, overlays, total } = report.sasaran
    expect(total.value).toBe(30)
    expect(ids(stages.bayi_baru_lahir)).toEqual(['b13'])
    expect(ids(stages.bayi)).toEqual(['b06', 'b12'])
    expect(ids(stages.balita)).toEqual([
      'b01',
      'b02',
      'b03',
      'b04',
      'b05',
      'b07',
      'b08',
      'b09',
      'b10',
      'b11',
      'b14',
    ])
    expect(ids(stages.prasekolah)).toEqual(['p01'])
    expect(ids(stages.usia_sekolah_remaja)).toEqual(['r1', 's1'])
    expect(ids(stages.dewasa)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'm1', 'm2', 'm3', 'n1'])
    expect(ids(stages.lansia)).toEqual(['l1', 'l2'])
    expect(ids(overlays.ibu_hamil)).toEqual(['m1', 'm2', 'm3'])
    expect(ids(overlays.ibu_nifas)).toEqual(['n1'])
    const stageSum = Object.values(stages).reduce((sum, c) => sum + c.value, 0)
    expect(stageSum).toBe(total.value)
  })

  it('leaves out deleted households and members, and everyone in them', () => {
    const everyone = JSON.stringify(report)
    expect(everyone).not.toContain('x01')
    expect(everyone).not.toContain('z01')
  })

  describe('SKDN', () => {
    const { skdn } = report

    it('S, K, D, N, T, O, B', () => {
      expect(skdn.S.value).toBe(14)
      expect(ids(skdn.K)).toEqual(['b01', 'b02', 'b03', 'b05', 'b06', 'b07', 'b09', 'b10', 'b11', 'b12'])
      expect(ids(skdn.kiaBookUnrecorded)).toEqual(['b13', 'b14'])
      expect(ids(skdn.D)).toEqual([
        'b01',
        'b02',
        'b03',
        'b04',
        'b05',
        'b06',
        'b07',
        'b09',
        'b10',
        'b11',
        'b12',
        'b13',
      ])
      expect(ids(skdn.N)).toEqual(['b01', 'b06', 'b09', 'b10', 'b11'])
      expect(ids(skdn.T)).toEqual(['b02', 'b03', 'b07', 'b12'])
      expect(ids(skdn.O)).toEqual(['b04'])
      expect(ids(skdn.B)).toEqual(['b05', 'b13'])
    })

    it('D = N + T + O + B, and D′ = D − O − B', () => {
      expect(skdn.D.value).toBe(skdn.N.value + skdn.T.value + skdn.O.value + skdn.B.value)
      expect([...ids(skdn.N), ...ids(skdn.T), ...ids(skdn.O), ...ids(skdn.B)].sort()).toEqual(ids(skdn.D))
      expect(skdn.Dprime.value).toBe(skdn.D.value - skdn.O.value - skdn.B.value)
      expect(skdn.Dprime.value).toBe(9)
    })

    it('BGM, 2T and the balita not weighed', () => {
      expect(ids(skdn.BGM)).toEqual(['b09'])
      expect(ids(skdn.twoT)).toEqual(['b03'])
      expect(ids(skdn.notWeighed)).toEqual(['b08', 'b14'])
    })

    it('ratios', () => {
      const r = skdn.ratios
      expect(frac(r.KS)).toEqual([10, 14])
      expect(frac(r.DS)).toEqual([12, 14])
      expect(frac(r.ND)).toEqual([5, 12])
      expect(frac(r.NDprime)).toEqual([5, 9])
      expect(r.NDprime.value).toBeCloseTo(5 / 9)
      expect(frac(r.DK)).toEqual([12, 10])
      expect(frac(r.NS)).toEqual([5, 14])
      expect(frac(r.BGMD)).toEqual([1, 12])
    })

    it('a weighing on the 1st and on the last day count; the 29 February and 1 April ones do not', () => {
      expect(ids(skdn.D)).toContain('b06') // 01-03
      expect(ids(skdn.T)).toContain('b07') // 31-03, against 29-02
    })

    it('a child turning 60 months mid-month is an anak prasekolah: outside S and D though weighed at 59 months', () => {
      expect(ids(skdn.S)).not.toContain('p01')
      expect(ids(skdn.D)).not.toContain('p01')
      expect(ids(report.coverage.stages.prasekolah.numerator)).toEqual(['p01'])
    })

    it('reads a corrected weighing, not the one it supersedes', () => {
      expect(ids(skdn.T)).toContain('b12')
      expect(ids(skdn.N)).not.toContain('b12')
    })
  })

  it('screening coverage per stage and overlay', () => {
    const { stages, overlays } = report.coverage
    expect(frac(stages.bayi_baru_lahir)).toEqual([1, 1])
    expect(frac(stages.bayi)).toEqual([2, 2])
    expect(frac(stages.balita)).toEqual([10, 11])
    expect(ids(stages.balita.numerator)).not.toContain('b14')
    expect(frac(stages.prasekolah)).toEqual([1, 1])
    expect(frac(stages.usia_sekolah_remaja)).toEqual([1, 2])
    expect(ids(stages.dewasa.numerator)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5'])
    expect(frac(stages.dewasa)).toEqual([5, 11])
    expect(frac(stages.lansia)).toEqual([2, 2])
    expect(frac(overlays.ibu_hamil)).toEqual([3, 3])
    expect(frac(overlays.ibu_nifas)).toEqual([1, 1])
  })

  describe('at risk, from the latest measurement in the month', () => {
    const { risks } = report

    it('stunting, wasting, underweight (balita part, members of S)', () => {
      expect(ids(risks.stunting.numerator)).toEqual(['b10'])
      expect(ids(risks.stunting.denominator)).toEqual(['b10', 'b11'])
      expect(ids(risks.wasting.numerator)).toEqual(['b11'])
      expect(ids(risks.wasting.denominator)).toEqual(['b10', 'b11'])
      expect(ids(risks.underweight.numerator)).toEqual(['b09', 'b11'])
      expect(risks.underweight.denominator).toEqual(report.skdn.D)
    })

    it('KEK: the latest LiLA of the month decides, 23.5 is not KEK', () => {
      expect(ids(risks.kek.numerator)).toEqual(['m1'])
      expect(ids(risks.kek.denominator)).toEqual(['m1', 'm2', 'm3'])
    })

    it('hipertensi ≥ 140/90 on either reading; a superseded or deleted visit does not count', () => {
      expect(ids(risks.hipertensi.numerator)).toEqual(['d1', 'd3', 'd4', 'l2'])
      expect(ids(risks.hipertensi.denominator)).toEqual(['d1', 'd2', 'd3', 'd4', 'l1', 'l2'])
    })

    it('gula darah sewaktu ≥ 200, terduga TBC, SKILAS positive', () => {
      expect(frac(risks.gulaDarahTinggi)).toEqual([2, 3])
      expect(ids(risks.gulaDarahTinggi.numerator)).toEqual(['d1', 'l1'])
      expect(frac(risks.terdugaTbc)).toEqual([1, 2])
      expect(ids(risks.terdugaTbc.numerator)).toEqual(['d5'])
      expect(frac(risks.skilasPositif)).toEqual([1, 2])
      expect(ids(risks.skilasPositif.numerator)).toEqual(['l1'])
    })
  })

  it('visits by place', () => {
    expect(report.visits.posyandu.value).toBe(20)
    expect(report.visits.rumah.value).toBe(7)
    expect(report.visits.rumah.memberIds).toEqual(['b06', 'b08', 'b13', 'd5', 'm2', 'm3', 'n1'])
    expect(report.visits.total.value).toBe(27)
    expect(report.visits.total.memberIds).toHaveLength(26)
    expect(report.visits.total.visitIds).not.toContain('v-b12-03') // superseded
    expect(report.visits.total.visitIds).not.toContain('v-d4-03d') // deleted
    expect(report.visits.total.visitIds).not.toContain('v-b07-04') // April
  })

  it('referrals made, closed and open', () => {
    const { made, closed, open } = report.referrals
    expect(ids(made)).toEqual(['b02', 'b07', 'b10', 'b11', 'b12', 'd1', 'd3', 'd4', 'd5', 'l1', 'l2'])
    expect(ids(closed)).toEqual(['b03', 'd1', 'd6'])
    expect(ids(open)).toEqual(['b02', 'b07', 'b09', 'b10', 'b11', 'b12', 'd3', 'd4', 'd5', 'd7', 'l1', 'l2'])
    expect(ids(open).filter((id) => ids(closed).includes(id))).toEqual([])
  })

  it('the register: one row per person with a flag, by address, with the findings behind each flag', () => {
    expect(report.register.map((r) => r.memberId).sort()).toEqual(
      [
        'b02',
        'b03',
        'b07',
        'b09',
        'b10',
        'b11',
        'b12',
        'm1',
        'd1',
        'd3',
        'd4',
        'd5',
        'd6',
        'd7',
        'l1',
        'l2',
      ].sort(),
    )
    const b03 = report.register.find((r) => r.memberId === 'b03')
    expect(b03?.flags).toEqual(['T', '2T', 'referralClosed'])
    expect(b03?.findings.map((f) => f.code)).toEqual(['kms.t', 'kms.2t'])
    expect(b03?.household).toEqual({ id: 'hh2', headName: 'Agus', dusun: 'Krajan', rw: '001', rt: '002' })
    const d6 = report.register.find((r) => r.memberId === 'd6')
    expect(d6?.flags).toEqual(['referralClosed'])
    expect(d6?.findings.map((f) => f.code)).toEqual(['td.hipertensi'])
    // Krajan before Wetan; within an RT, by head of household.
    const dusuns = report.register.map((r) => r.household.dusun)
    expect(dusuns.indexOf('Wetan')).toBe(dusuns.lastIndexOf('Krajan') + 1)
  })

  it('every id behind a figure is a sasaran of the month', () => {
    const sasaran = new Set(ids(report.sasaran.total))
    const all: Count[] = [
      ...Object.values(report.sasaran.stages),
      ...Object.values(report.skdn).filter((c): c is Count => 'memberIds' in c),
      ...Object.values(report.risks).flatMap((r) => [r.numerator, r.denominator]),
      ...Object.values(report.referrals),
    ]
    for (const c of all) {
      expect(c.value).toBe(c.memberIds.length)
      for (const id of c.memberIds) expect(sasaran.has(id)).toBe(true)
    }
  })

  it('says in its notes how many balita have no Buku KIA/KMS answer recorded', () => {
    const note = report.notes.find((n) => n.code === 'kia-book')
    expect(note?.message.id).toContain('2 balita belum dicatat')
    const allRecorded = pwsMonth({
      ...MARCH,
      members: MARCH.members.map((m) => ({ ...m, hasKiaBook: false })),
    })
    expect(allRecorded.notes.map((n) => n.code)).not.toContain('kia-book')
    expect(allRecorded.skdn.K.value).toBe(0)
  })
})

describe('pwsMonth: month boundaries', () => {
  it('February 2024 (leap year) counts the 1st and the 29th', () => {
    const feb = pwsMonth({ ...MARCH, month: '2024-02' })
    expect(feb.referenceDate).toBe('2024-02-29')
    expect(ids(feb.skdn.D)).toContain('b06') // 01-02
    expect(ids(feb.skdn.B)).toContain('b07') // 29-02, his first weighing
    expect(ids(feb.skdn.T)).toEqual(['b03'])
    // Born 20-03-2024: not yet a sasaran in February.
    expect(ids(feb.sasaran.total)).not.toContain('b13')
    // p01 is 59 months on 29-02: still in S.
    expect(ids(feb.skdn.S)).toContain('p01')
  })

  it('April reads the 1 April weighing against 31 March', () => {
    const april = pwsMonth({ ...MARCH, month: '2024-04' })
    expect(ids(april.skdn.D)).toEqual(['b07'])
    expect(ids(april.skdn.N)).toEqual(['b07']) // 12.1 → 12.6: +500 ≥ 200
  })

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => pwsMonth({ ...MARCH, month: '2024-13' })).toThrow(RangeError)
    expect(() => pwsMonth({ ...MARCH, month: '2024-3' })).toThrow(RangeError)
  })

  it('gives null ratios, not NaN, for an empty area', () => {
    const empty: PwsReport = pwsMonth(makeInput())
    expect(empty.skdn.ratios.DS.value).toBeNull()
    expect(empty.coverage.stages.lansia.value).toBeNull()
    expect(empty.risks.stunting.value).toBeNull()
  })

  it('ignores a visit dated before the birth date and a member not yet born', () => {
    const input = makeInput({
      households: [makeHousehold('h')],
      members: [makeMember('a', 'h', 'L', '2024-03-20'), makeMember('u', 'h', 'P', '2024-04-02')],
      visits: [
        makeVisit('v1', 'a', '2024-03-10', { balita: { weightKg: 3 } }),
        makeVisit('v2', 'u', '2024-03-10', { balita: { weightKg: 3 } }),
      ],
    })
    const r = pwsMonth(input)
    expect(ids(r.sasaran.total)).toEqual(['a'])
    expect(r.skdn.D.value).toBe(0)
    expect(r.visits.total.value).toBe(0)
  })
})

describe('pwsMonth: input', () => {
  it('takes the stored records as they are (protocol/records.ts satisfies the input types)', () => {
    const households: Household[] = []
    const members: Member[] = []
    const visits: VisitRow[] = []
    const followUps: FollowUp[] = []
    const r = pwsMonth({ households, members, visits, followUps, month: '2024-03', settings })
    expect(r.sasaran.total.value).toBe(0)
  })
})

describe('pwsMonth: a closed case (pindah, meninggal, tidak ditemukan)', () => {
  const close = (id: string, date: string) => ({
    ...MARCH,
    members: MARCH.members.map((m) =>
      m.id === id ? { ...m, closure: { date, reason: 'pindah' as const } } : m,
    ),
  })
  const closeB01 = (date: string) => close('b01', date)

  it('leaves the sasaran of the months after it closed, and stays in the month it closed', () => {
    expect(ids(report.skdn.S)).toContain('b01')
    expect(ids(pwsMonth(closeB01('2024-02-29')).skdn.S)).not.toContain('b01')
    expect(ids(pwsMonth(closeB01('2024-02-29')).sasaran.total)).not.toContain('b01')
    expect(ids(pwsMonth(closeB01('2024-03-01')).skdn.S)).toContain('b01')
    expect(ids(pwsMonth(closeB01('2024-03-31')).skdn.D)).toContain('b01')
  })

  it('closes the open referrals of a case closed in the month: d3 (hipertensi) moved away on 30 March', () => {
    const { closed, open } = pwsMonth(close('d3', '2024-03-30')).referrals
    expect(ids(open)).not.toContain('d3')
    expect(ids(closed)).toContain('d3')
  })
})
