import { describe, expect, it } from 'vitest'
import { DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import type { Finding } from '../../src/domain/findings'
import {
  attendanceOf,
  currentVisits,
  expectedReason,
  measureSlots,
  nextInQueue,
  type OpenDayMember,
  type OpenDayVisit,
  openDayGroup,
  openDayQueue,
  openDayRekap,
  servicePlan,
  suggestedTopics,
} from '../../src/domain/openday'
import { checkVisit } from '../../src/domain/visit-checks'

const DAY = '2025-08-12' // the second Tuesday of August: a vitamin A month

const member = (id: string, overrides: Partial<OpenDayMember> = {}): OpenDayMember => ({
  id,
  householdId: 'h1',
  birthDate: '1990-01-01',
  sex: 'P',
  ...overrides,
})

let seq = 0
const visit = (m: OpenDayMember, date: string, overrides: Partial<OpenDayVisit> = {}): OpenDayVisit => {
  seq += 1
  return {
    id: `v${String(seq).padStart(4, '0')}`,
    memberId: m.id,
    date,
    place: 'posyandu',
    createdAt: `${date}T0${seq % 10}:00:00.000Z`,
    parts: {},
    ...overrides,
  }
}

const balita = member('adi', { sex: 'L', birthDate: '2023-05-02' })
const bumil = member('siti', { birthDate: '1996-05-14', hpht: '2025-04-01' })
const nifasIbu = member('rina', { birthDate: '1994-02-01', deliveryDate: '2025-08-01' })
const remaja = member('dewi', { birthDate: '2009-03-03' })
const lansia = member('sarinah', { birthDate: '1958-01-10' })
const dewasa = member('budi', { sex: 'L', birthDate: '1985-01-05' })

describe('who is expected', () => {
  it('puts each person at the table of their stage, pregnancy and nifas first', () => {
    expect(openDayGroup(balita, DAY)).toBe('anak')
    expect(openDayGroup(member('apras', { birthDate: '2020-01-01' }), DAY)).toBe('anak') // 67 months
    expect(openDayGroup(bumil, DAY)).toBe('ibu_hamil')
    expect(openDayGroup(member('remaja-hamil', { birthDate: '2008-01-01', hpht: '2025-05-01' }), DAY)).toBe(
      'ibu_hamil',
    )
    expect(openDayGroup(nifasIbu, DAY)).toBe('nifas')
    expect(openDayGroup(remaja, DAY)).toBe('remaja')
    expect(openDayGroup(lansia, DAY)).toBe('dewasa_lansia')
    expect(openDayGroup(member('unborn', { birthDate: '2025-09-01' }), DAY)).toBeUndefined()
  })

  it('expects every child, ibu hamil and nifas; adults and remaja only when they came in the last 3 months', () => {
    expect(expectedReason(balita, [], DAY)).toBe('timbang')
    expect(expectedReason(bumil, [], DAY)).toBe('hamil')
    expect(expectedReason(nifasIbu, [], DAY)).toBe('nifas')
    expect(expectedReason(lansia, [], DAY)).toBeUndefined()
    expect(expectedReason(lansia, [visit(lansia, '2025-05-13')], DAY)).toBe('rutin')
    expect(expectedReason(lansia, [visit(lansia, '2025-04-30')], DAY)).toBeUndefined() // 4 months back
    expect(expectedReason(lansia, [visit(lansia, '2025-07-08', { place: 'rumah' })], DAY)).toBeUndefined()
    // This month's visit does not make her a regular of this month.
    expect(expectedReason(dewasa, [visit(dewasa, '2025-08-02')], DAY)).toBeUndefined()
    expect(
      expectedReason(member('gone', { deleted: true, birthDate: '2024-01-01' }), [], DAY),
    ).toBeUndefined()
  })
})

describe('the queue', () => {
  it('lists the expected and whoever came, with their step, and takes the next by arrival', () => {
    const walkIn = member('walk-in', { birthDate: '1979-03-03' })
    const visits = new Map<string, OpenDayVisit[]>([
      [balita.id, [visit(balita, DAY, { checkedIn: true, createdAt: `${DAY}T01:10:00.000Z` })]],
      [bumil.id, [visit(bumil, DAY, { checkedIn: true, createdAt: `${DAY}T01:05:00.000Z` })]],
      [
        walkIn.id,
        [
          visit(walkIn, DAY, {
            parts: { dewasa: { systolicMmHg: 150, diastolicMmHg: 95 } },
            topics: ['ptm_hipertensi_diabetes'],
            createdAt: `${DAY}T01:00:00.000Z`,
          }),
        ],
      ],
      [lansia.id, [visit(lansia, '2025-07-08')]],
    ])
    const queue = openDayQueue(
      [balita, bumil, nifasIbu, remaja, lansia, walkIn],
      (id) => visits.get(id) ?? [],
      DAY,
    )
    expect(queue.map((e) => [e.memberId, e.group, e.reason, e.attendance])).toEqual([
      ['adi', 'anak', 'timbang', 'hadir'],
      ['siti', 'ibu_hamil', 'hamil', 'hadir'],
      ['rina', 'nifas', 'nifas', 'belum'],
      ['sarinah', 'dewasa_lansia', 'rutin', 'belum'],
      ['walk-in', 'dewasa_lansia', undefined, 'selesai'],
    ])
    expect(nextInQueue(queue)?.memberId).toBe('siti') // checked in first
    expect(nextInQueue(queue, 'siti')?.memberId).toBe('adi')
  })

  it("reads a person's step from the union of the day's visits, whichever phone made them", () => {
    expect(attendanceOf([])).toBe('belum')
    expect(attendanceOf([visit(balita, DAY, { checkedIn: true })])).toBe('hadir')
    const weighed = visit(balita, DAY, { parts: { balita: { weightKg: 11.2 } } })
    expect(attendanceOf([visit(balita, DAY, { checkedIn: true }), weighed])).toBe('diukur')
    expect(attendanceOf([weighed, visit(balita, DAY, { services: ['pmt'] })])).toBe('selesai')
  })

  it('counts a visit only while no other supersedes it', () => {
    const checkIn = visit(balita, DAY, { checkedIn: true })
    const measured = {
      ...visit(balita, DAY, { parts: { balita: { weightKg: 11 } } }),
      supersedes: checkIn.id,
    }
    const otherPhone = { ...visit(balita, DAY, { services: ['oralit'] }), supersedes: checkIn.id }
    expect(currentVisits([checkIn, measured, otherPhone]).map((v) => v.id)).toEqual([
      measured.id,
      otherPhone.id,
    ])
  })
})

describe('measures', () => {
  const keys = (m: OpenDayMember) => measureSlots(m, DAY).map((s) => `${s.part}.${s.fields.join('+')}`)

  it('asks each stage for its package (§1.2), writing to the parts the rules read', () => {
    expect(keys(balita)).toEqual([
      'balita.weightKg',
      'balita.lengthCm+position',
      'balita.headCm',
      'balita.armCm',
    ])
    expect(keys(bumil)).toEqual([
      'dewasa.weightKg',
      'ibu_hamil.lilaCm',
      'ibu_hamil.systolicMmHg+diastolicMmHg',
    ])
    expect(keys(remaja)).toEqual([
      'remaja.weightKg',
      'remaja.heightCm',
      'remaja.systolicMmHg+diastolicMmHg',
      'remaja.gdsMgDl',
    ])
    expect(keys(member('sd', { birthDate: '2014-01-01' }))).toEqual(['remaja.weightKg', 'remaja.heightCm'])
    expect(keys(lansia)).toEqual([
      'lansia.weightKg',
      'lansia.heightCm',
      'lansia.waistCm',
      'lansia.systolicMmHg+diastolicMmHg',
      'lansia.gdsMgDl',
    ])
    expect(keys(nifasIbu)).toEqual(['dewasa.weightKg', 'dewasa.systolicMmHg+diastolicMmHg'])
  })
})

describe('services due (langkah 4)', () => {
  const settings = DEFAULT_CLINICAL_SETTINGS

  it("gives a child the round's vitamin A capsule, obat cacing and the doses due, once", () => {
    const plan = servicePlan(balita, [], DAY, settings)
    expect(plan.vitaminA).toBe('merah') // 27 months
    expect(plan.obatCacing).toBe(true)
    // Nothing recorded at 27 months: the doses are in the Buku KIA, copied in the full form, not offered here.
    expect(plan.immunizationUnrecorded).toBe(true)
    expect(plan.doses).toEqual([])
    expect(plan.offered).toEqual([
      { service: 'pmt', byDefault: false },
      { service: 'oralit', byDefault: false },
    ])
    const given = visit(balita, '2025-08-02', {
      parts: { balita: { vitaminA: true, obatCacing: true } },
    })
    const after = servicePlan(balita, [given], DAY, settings)
    expect(after.vitaminA).toBeUndefined()
    expect(after.obatCacing).toBe(false)
    expect(servicePlan(member('bayi', { birthDate: '2025-01-20' }), [], DAY, settings).vitaminA).toBe('biru')
    expect(servicePlan(balita, [], '2025-09-09', settings).vitaminA).toBeUndefined() // not a round month
  })

  it('offers the doses due today switched on, and an overdue one switched off', () => {
    const baby = member('bayi2', { sex: 'L', birthDate: '2025-06-05' })
    const given = [
      visit(baby, '2025-06-05', { parts: { balita: { immunizations: [{ antigen: 'HB0', dose: 1 }] } } }),
      visit(baby, '2025-07-05', {
        parts: { balita: { immunizations: [{ antigen: 'BCG', dose: 1 }] } },
      }),
    ]
    const plan = servicePlan(baby, given, DAY, settings)
    expect(plan.immunizationUnrecorded).toBe(false)
    expect(plan.doses).toContainEqual({ antigen: 'DPT-HB-Hib', dose: 1, byDefault: true })
    expect(plan.doses).toContainEqual({ antigen: 'OPV', dose: 1, byDefault: false }) // due at 1 month
  })

  it('switches PMT on for a child who did not gain, and for an ibu hamil with KEK', () => {
    const t: Finding = { code: 'kms.t', level: 'perhatian', message: { id: '', en: '' }, source: '' }
    expect(servicePlan(balita, [], DAY, settings, [t]).offered[0]).toEqual({
      service: 'pmt',
      byDefault: true,
    })
    const kek: Finding = { ...t, code: 'bumil.lila.kek' }
    const plan = servicePlan(bumil, [], DAY, settings, [kek])
    expect(plan.offered).toContainEqual({ service: 'pmt', byDefault: true })
    expect(plan.offered).toContainEqual({ service: 'ttd', byDefault: true })
  })

  it('gives TTD to remaja putri from 12, and a nifas mother two red capsules', () => {
    expect(servicePlan(remaja, [], DAY, settings).offered).toContainEqual({ service: 'ttd', byDefault: true })
    const boy = member('andi', { sex: 'L', birthDate: '2009-03-03' })
    expect(servicePlan(boy, [], DAY, settings).offered).toContainEqual({ service: 'ttd', byDefault: false })
    expect(servicePlan(nifasIbu, [], DAY, settings).vitaminA).toBe('merah')
    const twice = visit(nifasIbu, '2025-08-02', {
      parts: { nifas: { vitaminADates: ['2025-08-01', '2025-08-02'] } },
    })
    expect(servicePlan(nifasIbu, [twice], DAY, settings).vitaminA).toBeUndefined()
  })
})

describe('penyuluhan topics', () => {
  it("puts what today's findings call for first, then the group's usual topics", () => {
    const stunted: Finding = { code: 'tbu.pendek', level: 'rujuk', message: { id: '', en: '' }, source: '' }
    expect(suggestedTopics('anak', [stunted]).slice(0, 3)).toEqual(['stunting', 'gizi_seimbang', 'asi_mpasi'])
    expect(suggestedTopics('dewasa_lansia', [])[0]).toBe('ptm_hipertensi_diabetes')
    expect(new Set(suggestedTopics('remaja', [])).size).toBe(suggestedTopics('remaja', []).length)
  })
})

describe('rekap hari buka', () => {
  it('counts per group who came, who has a problem, who was referred, and lists who did not come', () => {
    const other = member('bayu', { sex: 'L', birthDate: '2024-02-02' })
    const visits = new Map<string, OpenDayVisit[]>([
      [balita.id, [visit(balita, DAY, { parts: { balita: { weightKg: 11 } } })]],
      [other.id, [visit(other, DAY, { parts: { balita: { weightKg: 9 } } })]],
      [bumil.id, [visit(bumil, DAY, { checkedIn: true })]],
    ])
    const queue = openDayQueue([balita, other, bumil, nifasIbu], (id) => visits.get(id) ?? [], DAY)
    const level = (id: string): Finding[] =>
      id === 'bayu' ? [{ code: 'tbu.pendek', level: 'rujuk', message: { id: '', en: '' }, source: '' }] : []
    const rekap = openDayRekap(DAY, queue, (e) =>
      e.memberId === 'adi'
        ? [{ code: 'kms.n', level: 'normal', message: { id: '', en: '' }, source: '' }]
        : level(e.memberId),
    )
    const row = (group: string) => rekap.rows.find((r) => r.group === group)
    expect(row('anak')).toMatchObject({ expected: 2, came: 2, absent: 0, normal: 1, problem: 1, referred: 1 })
    expect(row('ibu_hamil')).toMatchObject({ expected: 1, came: 1, unmeasured: 1 })
    expect(row('nifas')).toMatchObject({ expected: 1, came: 0, absent: 1 })
    expect(rekap.absent.map((e) => e.memberId)).toEqual(['rina'])
    expect(rekap.referred.map((e) => e.memberId)).toEqual(['bayu'])
    expect(rekap.total).toMatchObject({ expected: 4, came: 3, absent: 1, referred: 1 })
  })
})

describe('an open-day visit passes the visit checks of the phone and the server', () => {
  it('records a check-in alone at the posyandu, services or topics alone anywhere, never a check-in at home', () => {
    const base = { date: DAY, parts: {} }
    expect(checkVisit({ ...base, place: 'posyandu', checkedIn: true }, DAY)).toEqual([])
    expect(checkVisit({ ...base, place: 'posyandu', topics: ['kb'] }, DAY)).toEqual([])
    expect(checkVisit({ ...base, place: 'rumah', services: ['pmt'] }, DAY)).toEqual([])
    expect(checkVisit({ ...base, place: 'posyandu' }, DAY)).toEqual([{ field: 'parts', code: 'visit.empty' }])
    expect(checkVisit({ ...base, place: 'rumah', checkedIn: true }, DAY)).toEqual([
      { field: 'parts', code: 'visit.empty' },
      { field: 'checkedIn', code: 'visit.checkInAtHome' },
    ])
  })
})
