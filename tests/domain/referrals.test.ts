import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Finding, FindingLevel } from '../../src/domain/findings'
import {
  compareReferrals,
  defaultDestination,
  memberReferrals,
  problemItemOf,
  type Referral,
  type ReferralFollowUp,
  type ReferralVisit,
  referralDaysWaiting,
  referralHistory,
  referralState,
} from '../../src/domain/referrals'

const f = (code: string, level: FindingLevel = 'rujuk', urgent = false): Finding => ({
  code,
  level,
  message: { id: code, en: code },
  source: 'test',
  ...(urgent ? { urgent: true as const } : {}),
})

const visit = (id: string, date: string, findings: Finding[], extra: Partial<ReferralVisit> = {}) =>
  ({ id, memberId: 'M', date, findings, ...extra }) satisfies ReferralVisit

const followUp = (
  visitId: string,
  problem: string,
  date: string,
  outcome: ReferralFollowUp['outcome'],
): ReferralFollowUp => ({ visitId, problem, date, outcome })

const summary = (referrals: Referral[]) =>
  referrals.map((r) => ({
    problem: r.problem,
    openedBy: r.openedBy,
    closed: r.closed ? `${r.closed.by}@${r.closed.on}` : 'open',
  }))

describe('problemItemOf', () => {
  it('places one blood pressure in one problem whichever part read it', () => {
    expect(problemItemOf('td.hipertensi')).toEqual({ problem: 'tekanan_darah', item: 'td' })
    expect(problemItemOf('bumil.td.tinggi')).toEqual({ problem: 'tekanan_darah', item: 'td' })
    expect(problemItemOf('bumil.preeklampsia')).toEqual({ problem: 'tekanan_darah', item: 'td' })
  })

  it('keeps each growth index and each SKILAS domain as its own item of one problem', () => {
    expect(problemItemOf('bbu.sangat-kurang')).toEqual({ problem: 'gizi', item: 'bbu' })
    expect(problemItemOf('kms.bgm')).toEqual({ problem: 'gizi', item: 'bbu' })
    expect(problemItemOf('tbu.pendek')).toEqual({ problem: 'gizi', item: 'tbu' })
    expect(problemItemOf('kms.2t')).toEqual({ problem: 'gizi', item: 'kenaikan' })
    expect(problemItemOf('skilas.kognitif.positif')).toEqual({ problem: 'skilas', item: 'kognitif' })
  })

  it('maps nothing a later visit cannot re-measure: implausible values, O/B, unrelated findings', () => {
    for (const code of ['bbu.tidak-wajar', 'tbu.posisi-salah', 'kms.o', 'kms.b', 'imunisasi.mr_1.terlambat'])
      expect(problemItemOf(code)).toBeUndefined()
  })
})

describe('memberReferrals', () => {
  it('a later visit that did not measure the problem leaves it open (weight only after a BP referral)', () => {
    const refs = memberReferrals(
      [
        visit('v1', '2026-03-01', [f('td.hipertensi'), f('gds.tinggi'), f('skilas.kognitif.positif')]),
        visit('v2', '2026-03-20', [f('imt.normal', 'normal')]),
      ],
      [],
    )
    expect(summary(refs)).toEqual([
      { problem: 'tekanan_darah', openedBy: 'v1', closed: 'open' },
      { problem: 'gula_darah', openedBy: 'v1', closed: 'open' },
      { problem: 'skilas', openedBy: 'v1', closed: 'open' },
    ])
  })

  it('closes when a later visit re-measures the item and it no longer refers', () => {
    const refs = memberReferrals(
      [
        visit('v1', '2026-03-01', [f('td.hipertensi')]),
        visit('v2', '2026-03-20', [f('td.normal', 'normal')]),
      ],
      [],
    )
    expect(summary(refs)).toEqual([
      { problem: 'tekanan_darah', openedBy: 'v1', closed: 'remeasured@2026-03-20' },
    ])
  })

  it('stays open until every item that referred has been re-measured as no longer referring', () => {
    const v1 = visit('v1', '2026-03-01', [f('bbu.sangat-kurang'), f('kms.bgm'), f('tbu.pendek')])
    const weightOnly = visit('v2', '2026-04-01', [f('bbu.normal', 'normal')])
    const lengthToo = visit('v3', '2026-05-01', [f('bbu.normal', 'normal'), f('tbu.normal', 'normal')])
    const partly = memberReferrals([v1, weightOnly], [])
    expect(summary(partly)).toEqual([{ problem: 'gizi', openedBy: 'v1', closed: 'open' }])
    expect(partly[0]?.findings.map((x) => x.code)).toEqual(['tbu.pendek'])
    expect(summary(memberReferrals([v1, weightOnly, lengthToo], []))).toEqual([
      { problem: 'gizi', openedBy: 'v1', closed: 'remeasured@2026-05-01' },
    ])
  })

  it('a visit still referring joins the open referral instead of opening a second one', () => {
    const refs = memberReferrals(
      [visit('v1', '2026-03-01', [f('td.hipertensi')]), visit('v2', '2026-04-01', [f('td.hipertensi')])],
      [],
    )
    expect(refs).toHaveLength(1)
    expect(refs[0]?.visitIds).toEqual(['v1', 'v2'])
  })

  it('closes by a follow-up with a closing outcome; "belum berangkat" keeps it open', () => {
    const visits = [visit('v1', '2026-03-01', [f('td.hipertensi')])]
    const notYet = followUp('v1', 'tekanan_darah', '2026-03-03', 'belum_berangkat')
    const arrived = followUp('v1', 'tekanan_darah', '2026-03-05', 'sampai')
    expect(summary(memberReferrals(visits, [notYet]))).toEqual([
      { problem: 'tekanan_darah', openedBy: 'v1', closed: 'open' },
    ])
    const refs = memberReferrals(visits, [notYet, arrived])
    expect(summary(refs)).toEqual([
      { problem: 'tekanan_darah', openedBy: 'v1', closed: 'followUp@2026-03-05' },
    ])
    expect(refs[0]?.followUps).toEqual([notYet, arrived])
  })

  it('closes by menolak, pindah and meninggal, and by the outcomes recorded before "sampai"', () => {
    for (const outcome of [
      'menolak',
      'pindah',
      'meninggal',
      'sudah_ke_pustu',
      'sudah_ke_puskesmas',
    ] as const) {
      const refs = memberReferrals(
        [visit('v1', '2026-03-01', [f('td.hipertensi')])],
        [followUp('v1', 'tekanan_darah', '2026-03-02', outcome)],
      )
      expect(refs[0]?.closed?.by).toBe('followUp')
    }
  })

  it('reads a follow-up recorded before problems existed by its finding code', () => {
    const refs = memberReferrals(
      [visit('v1', '2026-03-01', [f('kms.t'), f('bbu.kurang', 'perhatian')])],
      [{ visitId: 'v1', findingCode: 'kms.t', date: '2026-03-05', outcome: 'sudah_ke_puskesmas' }],
    )
    expect(refs[0]?.closed?.by).toBe('followUp')
  })

  it('a follow-up on the day of a referring visit closes that day too; a later referring visit opens a new one', () => {
    const refs = memberReferrals(
      [
        visit('v1', '2026-03-01', [f('td.hipertensi')]),
        visit('v2', '2026-03-10', [f('td.hipertensi')]),
        visit('v3', '2026-04-10', [f('td.hipertensi')]),
      ],
      [followUp('v1', 'tekanan_darah', '2026-03-10', 'sampai')],
    )
    expect(summary(refs)).toEqual([
      { problem: 'tekanan_darah', openedBy: 'v1', closed: 'followUp@2026-03-10' },
      { problem: 'tekanan_darah', openedBy: 'v3', closed: 'open' },
    ])
  })

  it('a follow-up of a referral already closed stays with it as history and closes nothing else', () => {
    const refs = memberReferrals(
      [
        visit('v1', '2026-03-01', [f('td.hipertensi')]),
        visit('v2', '2026-03-10', [f('td.normal', 'normal')]),
        visit('v3', '2026-04-10', [f('td.hipertensi')]),
      ],
      [followUp('v1', 'tekanan_darah', '2026-04-20', 'sampai')],
    )
    expect(summary(refs)).toEqual([
      { problem: 'tekanan_darah', openedBy: 'v1', closed: 'remeasured@2026-03-10' },
      { problem: 'tekanan_darah', openedBy: 'v3', closed: 'open' },
    ])
    expect(refs[0]?.followUps).toHaveLength(1)
  })

  it('closes everything open on the date a case is closed', () => {
    const refs = memberReferrals([visit('v1', '2026-03-01', [f('td.hipertensi')])], [], {
      date: '2026-03-04',
      reason: 'pindah',
    })
    expect(summary(refs)).toEqual([{ problem: 'tekanan_darah', openedBy: 'v1', closed: 'case@2026-03-04' }])
  })

  it('segera: follow-up due the same day and the next; biasa: from the next day for 7 days', () => {
    const [urgent] = memberReferrals(
      [visit('v1', '2026-03-01', [f('bumil.tanda_bahaya.perdarahan', 'rujuk', true)])],
      [],
    )
    expect(urgent).toMatchObject({ urgency: 'segera', dueFrom: '2026-03-01', dueTo: '2026-03-02' })
    expect(urgent?.destination).toBe('puskesmas')
    const [routine] = memberReferrals([visit('v1', '2026-03-01', [f('td.hipertensi')])], [])
    expect(routine).toMatchObject({ urgency: 'biasa', dueFrom: '2026-03-02', dueTo: '2026-03-08' })
    expect(routine?.destination).toBe('pustu')
  })

  it('becomes segera from the visit that found it urgent', () => {
    const [r] = memberReferrals(
      [
        visit('v1', '2026-03-01', [f('bumil.td.tinggi')]),
        visit('v2', '2026-03-05', [f('bumil.td.tinggi', 'rujuk', true)]),
      ],
      [],
    )
    expect(r).toMatchObject({ urgency: 'segera', dueFrom: '2026-03-05', dueTo: '2026-03-06' })
  })

  it('keeps the destination the kader chose on the opening visit', () => {
    const [r] = memberReferrals(
      [
        visit('v1', '2026-03-01', [f('td.hipertensi')], {
          referrals: [{ problem: 'tekanan_darah', destination: 'posyandu_nakes' }],
        }),
      ],
      [],
    )
    expect(r?.destination).toBe('posyandu_nakes')
  })
})

describe('referralHistory', () => {
  it('leaves out visits superseded by a correction, either way round', () => {
    const visits: ReferralVisit[] = [
      { ...visit('a1', '2026-03-01', [f('kms.t')]), memberId: 'A', supersededBy: 'a1b' },
      { ...visit('a1b', '2026-03-01', [f('kms.n', 'normal')]), memberId: 'A' },
      { ...visit('b1', '2026-03-01', [f('kms.t')]), memberId: 'B' },
      { ...visit('b1b', '2026-03-01', [f('kms.n', 'normal')]), memberId: 'B', supersedes: 'b1' },
    ]
    expect(referralHistory(visits, [])).toEqual([])
  })

  it('matches follow-ups to members through their visits', () => {
    const visits: ReferralVisit[] = [
      { ...visit('a1', '2026-03-01', [f('td.hipertensi')]), memberId: 'A' },
      { ...visit('b1', '2026-03-01', [f('td.hipertensi')]), memberId: 'B' },
    ]
    const refs = referralHistory(visits, [followUp('b1', 'tekanan_darah', '2026-03-02', 'sampai')])
    expect(refs.map((r) => [r.memberId, r.closed ? 'closed' : 'open'])).toEqual([
      ['A', 'open'],
      ['B', 'closed'],
    ])
  })
})

describe('ordering and state', () => {
  const make = (id: string, urgency: Referral['urgency'], dueTo: string, closedOn?: string): Referral => ({
    id,
    memberId: id,
    problem: 'tekanan_darah',
    openedOn: '2026-03-01',
    openedBy: id,
    urgency,
    destination: defaultDestination('tekanan_darah', urgency === 'segera'),
    findings: [],
    visitIds: [id],
    measuredOn: '2026-03-01',
    dueFrom: '2026-03-01',
    dueTo,
    followUps: [],
    ...(closedOn ? { closed: { on: closedOn, by: 'remeasured' as const, visitId: 'x' } } : {}),
  })

  it('lists open ones first, segera before biasa, most overdue first; then Selesai, latest closed first', () => {
    const list = [
      make('closed-early', 'biasa', '2026-03-08', '2026-03-05'),
      make('biasa-late', 'biasa', '2026-03-20'),
      make('closed-late', 'biasa', '2026-03-08', '2026-03-09'),
      make('segera', 'segera', '2026-03-30'),
      make('biasa-early', 'biasa', '2026-03-08'),
    ].sort(compareReferrals)
    expect(list.map((r) => r.id)).toEqual([
      'segera',
      'biasa-early',
      'biasa-late',
      'closed-late',
      'closed-early',
    ])
  })

  it('is overdue the day after its window', () => {
    const r = make('r', 'biasa', '2026-03-08')
    expect(referralState(r, '2026-03-08')).toBe('open')
    expect(referralState(r, '2026-03-09')).toBe('overdue')
    expect(referralDaysWaiting(r, '2026-03-09')).toBe(8)
    expect(referralDaysWaiting(r, '2026-02-20')).toBe(0)
  })
})

// ——— The property of the issue: for random visit histories, a referral is open exactly until a follow-up closes
// it or a later visit re-measures the item as non-referring. ———

/** Each item with its referring and non-referring code. */
const ITEMS = [
  { problem: 'tekanan_darah', item: 'td', yes: 'td.hipertensi', no: 'td.normal' },
  { problem: 'tekanan_darah', item: 'td', yes: 'bumil.td.tinggi', no: 'bumil.td.normal' },
  { problem: 'gizi', item: 'bbu', yes: 'bbu.sangat-kurang', no: 'bbu.normal' },
  { problem: 'gizi', item: 'tbu', yes: 'tbu.pendek', no: 'tbu.normal' },
  { problem: 'skilas', item: 'kognitif', yes: 'skilas.kognitif.positif', no: 'skilas.kognitif.negatif' },
  {
    problem: 'skilas',
    item: 'mobilisasi',
    yes: 'skilas.mobilisasi.positif',
    no: 'skilas.mobilisasi.negatif',
  },
] as const
const PROBLEMS = ['tekanan_darah', 'gizi', 'skilas'] as const
// Findings that say nothing about a referral problem: they must never open or close one.
const NOISE = [
  f('imunisasi.mr_1.terlambat', 'perhatian'),
  f('bbu.tidak-wajar', 'perhatian'),
  f('kms.o', 'normal'),
]

const DAYS = Array.from({ length: 12 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`)

const history = fc.record({
  visits: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: DAYS.length - 1 }),
      id: fc.string({ minLength: 4, maxLength: 4, unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }),
      // Per item: not measured, measured referring, measured not referring.
      items: fc.array(fc.constantFrom('none', 'yes', 'no'), {
        minLength: ITEMS.length,
        maxLength: ITEMS.length,
      }),
      noise: fc.boolean(),
    }),
    { maxLength: 10 },
  ),
  followUps: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: DAYS.length - 1 }),
      problem: fc.constantFrom(...PROBLEMS),
      outcome: fc.constantFrom('sampai', 'belum_berangkat', 'menolak', 'pindah'),
    }),
    { maxLength: 6 },
  ),
})

describe('property: open exactly until a closing follow-up or a non-referring re-measurement', () => {
  it('holds on every day of random histories', () => {
    fc.assert(
      fc.property(history, ({ visits: raw, followUps: rawFollowUps }) => {
        const seen = new Set<string>()
        const visits = raw
          .filter((v) => !seen.has(v.id) && seen.add(v.id))
          .map((v) =>
            visit(v.id, DAYS[v.day] as string, [
              ...ITEMS.flatMap((it, i) =>
                v.items[i] === 'yes' ? [f(it.yes)] : v.items[i] === 'no' ? [f(it.no, 'normal')] : [],
              ),
              ...(v.noise ? NOISE : []),
            ]),
          )
        const order = (a: ReferralVisit, b: ReferralVisit) =>
          a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
        const sorted = [...visits].sort(order)
        const refersTo = (v: ReferralVisit, problem: string) =>
          v.findings.some((x) => x.level === 'rujuk' && problemItemOf(x.code)?.problem === problem)
        // A kader follows up the referral she sees: the latest visit referring the problem on or before the day.
        const followUps = rawFollowUps.flatMap((r): ReferralFollowUp[] => {
          const date = DAYS[r.day] as string
          const named = sorted.filter((v) => v.date <= date && refersTo(v, r.problem)).at(-1)
          return named ? [followUp(named.id, r.problem, date, r.outcome)] : []
        })

        for (const today of DAYS) {
          const upToToday = visits.filter((v) => v.date <= today)
          const answered = followUps.filter((x) => x.date <= today)
          const open = new Set(
            memberReferrals(upToToday, answered)
              .filter((r) => !r.closed)
              .map((r) => r.problem),
          )
          for (const problem of PROBLEMS) {
            // The definition: an item's latest measurement refers, after the last closing follow-up's day.
            const lastClose = answered
              .filter((x) => x.problem === problem && x.outcome !== 'belum_berangkat')
              .map((x) => x.date)
              .sort()
              .at(-1)
            const expected = [
              ...new Set(ITEMS.filter((it) => it.problem === problem).map((it) => it.item)),
            ].some((item) => {
              const codes = ITEMS.filter((it) => it.item === item)
              const latest = sorted
                .filter((v) => v.date <= today)
                .filter((v) => v.findings.some((x) => codes.some((c) => c.yes === x.code || c.no === x.code)))
                .at(-1)
              if (!latest) return false
              const refers = latest.findings.some((x) => codes.some((c) => c.yes === x.code))
              return refers && (lastClose === undefined || latest.date > lastClose)
            })
            expect(open.has(problem), `${problem} on ${today}`).toBe(expected)
          }
        }
      }),
      { numRuns: 400 },
    )
  })
})
