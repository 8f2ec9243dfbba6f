import { describe, expect, it } from 'vitest'
import { DATA_TODAY, generate, KADER } from '../../../bench/generate'
import { DEFAULT_CLINICAL_SETTINGS } from '../../../src/domain/clinical-settings'
import type { PwsFollowUp, PwsHousehold, PwsMember, PwsTargets, PwsVisit } from '../../../src/domain/pws'
import { type AreaRecordsInput, areaShares, shareOf, sharesOf } from '../../../src/domain/pws/area-shares'
import { AreaSum, figuresOnly } from '../../../src/domain/pws/area-sum'
import { overdueOn, supervisionMonth, supervisionPart } from '../../../src/domain/pws/supervision'

// An area's month kept as the sum of its households' shares, updated one household at a time after each edit, must
// equal the whole area computed at once — on generated data (a small kader area), through edits, deletions, a member
// moving house and moving out of the area, a correction, a follow-up, and across a year boundary with targets.
const settings = DEFAULT_CLINICAL_SETTINGS
const data = generate({ ...KADER, households: 30, members: 110, visits: 700 })

type Entity = 'households' | 'members' | 'visits' | 'followUps'
interface Area extends AreaRecordsInput {
  households: Map<string, PwsHousehold>
  members: Map<string, PwsMember>
  visits: Map<string, PwsVisit>
  followUps: Map<string, PwsFollowUp>
}

const area: Area = {
  households: new Map(data.households.map((h) => [h.id, h as unknown as PwsHousehold])),
  members: new Map(data.members.map((m) => [m.id, m as unknown as PwsMember])),
  visits: new Map(data.visits.map((v) => [v.id, v as unknown as PwsVisit])),
  followUps: new Map(),
}

const MONTHS = [
  { month: '2025-12', today: '2025-12-20', targets: {} },
  {
    month: '2026-01',
    today: '2026-01-25',
    targets: { 'kia.k1': { sasaran: 9 }, 'ptm.skrining': { percent: 80 } },
  },
  { month: '2026-10', today: DATA_TODAY, targets: { 'imunisasi.idl': { sasaran: 4, percent: 95 } } },
] as const

/** Households grouped by their id's last character, as the server groups a few into one share. */
const byHousehold = (h: string) => h.slice(-1)

const none = (month: string) =>
  supervisionPart({ households: [], members: [], visits: [], followUps: [], month, settings })

const sums = new Map(
  MONTHS.map(({ month }) => {
    const sum = new AreaSum(none(month))
    for (const [h, share] of areaShares(area, byHousehold))
      sum.set(h, supervisionPart({ ...share, month, settings }))
    return [month, sum]
  }),
)

/** Applies an edit, then computes again only the households it touched — as the server does after a push. */
function edit(entity: Entity, id: string, record: Record<string, unknown> | undefined) {
  const map = area[entity] as Map<string, unknown>
  const old = map.get(id) as Record<string, unknown> | undefined
  const touched = new Set(old ? sharesOf(area, entity, old) : [])
  if (record) map.set(id, record)
  else map.delete(id)
  if (record) for (const h of sharesOf(area, entity, record)) touched.add(h)
  for (const [month, sum] of sums)
    for (const h of new Set([...touched].map(byHousehold))) {
      const share = shareOf(area, byHousehold, h)
      const empty = Object.values(share).every((list) => list.length === 0)
      sum.set(h, empty ? undefined : supervisionPart({ ...share, month, settings }))
    }
}

function expectSameAsWhole() {
  const input = {
    households: [...area.households.values()],
    members: [...area.members.values()],
    visits: [...area.visits.values()],
    followUps: [...area.followUps.values()],
    settings,
  }
  for (const { month, today, targets } of MONTHS) {
    const whole = figuresOnly(supervisionMonth({ ...input, month }, targets as PwsTargets, today))
    const sum = (sums.get(month) as AreaSum).figures(targets as PwsTargets)
    expect(sum.report).toEqual(whole.report)
    expect(sum.indicators).toEqual(whole.indicators)
    expect(sum.implausible).toEqual(whole.implausible)
    expect(overdueOn(sum.open, today)).toEqual(whole.overdue)
  }
}

const memberWith = (test: (m: PwsMember, visits: PwsVisit[]) => boolean) => {
  for (const m of area.members.values()) {
    const visits = [...area.visits.values()].filter((v) => v.memberId === m.id && !v.deleted)
    if (!m.deleted && test(m, visits)) return { member: m, visits }
  }
  throw new Error('no such member in the generated data')
}

describe('an area month as the sum of its households', () => {
  it('equals the whole area computed at once, as generated', () => {
    expect((sums.get('2026-10') as AreaSum).size).toBe(
      new Set([...area.households.keys()].map(byHousehold)).size,
    )
    expectSameAsWhole()
  })

  it('stays equal through edits, deletions, moves, a correction and a follow-up', () => {
    const child = memberWith((m, visits) => m.birthDate > '2023-06-01' && visits.length > 3)
    const weighing = child.visits.findLast((v) => v.parts.balita?.weightKg !== undefined) as PwsVisit
    // A weighing corrected down (T instead of N), another visit deleted.
    edit('visits', weighing.id, {
      ...weighing,
      parts: { ...weighing.parts, balita: { ...weighing.parts.balita, weightKg: 6.1 } },
    })
    const other = child.visits[0] as PwsVisit
    edit('visits', other.id, { ...other, deleted: true })
    expectSameAsWhole()

    // An adult referred for blood pressure in January 2026; one referral followed up, one corrected away.
    const adult = memberWith((m) => m.birthDate < '1980-01-01')
    const bp = (id: string, date: string, systolicMmHg: number): PwsVisit => ({
      id,
      memberId: adult.member.id,
      date,
      place: 'posyandu',
      parts: { dewasa: { systolicMmHg, diastolicMmHg: 95 } },
    })
    edit('visits', 'bp-1', bp('bp-1', '2026-01-05', 150) as never)
    edit('visits', 'bp-2', bp('bp-2', '2025-12-03', 165) as never)
    edit('followUps', 'fu-1', {
      id: 'fu-1',
      visitId: 'bp-2',
      problem: 'tekanan_darah',
      date: '2025-12-09',
      outcome: 'sampai',
    })
    edit('visits', 'bp-4', bp('bp-4', '2026-01-06', 170) as never)
    edit('visits', 'bp-3', { ...bp('bp-3', '2026-01-06', 120), supersedes: 'bp-4' } as never)
    expectSameAsWhole()
    const january = (sums.get('2026-01') as AreaSum).figures({})
    expect(overdueOn(january.open, '2026-01-25').map((o) => o.memberId)).toContain(adult.member.id)
    const december = (sums.get('2025-12') as AreaSum).figures({})
    expect(december.indicators.series['ptm.hipertensiDilayani']?.months.at(-1)?.cumulative).toBeGreaterThan(0)

    // A member moves to another household of the area, then another member leaves the area altogether (the server
    // drops a record that moved out of the area; her visits stay behind, counted for nobody).
    const mover = memberWith((m, visits) => visits.length > 2 && m.birthDate > '2000-01-01')
    const elsewhere = [...area.households.keys()].find((h) => h !== mover.member.householdId) as string
    edit('members', mover.member.id, { ...mover.member, householdId: elsewhere })
    const leaver = memberWith((m, visits) => m.id !== mover.member.id && visits.length > 2)
    edit('members', leaver.member.id, undefined)
    expectSameAsWhole()

    // A member deleted, a household deleted, and a new household with a newborn weighed in January.
    const gone = memberWith((m) => m.id !== mover.member.id && m.sex === 'P')
    edit('members', gone.member.id, { ...gone.member, deleted: true })
    const home = [...area.households.values()].at(-1) as PwsHousehold
    edit('households', home.id, { ...home, deleted: true })
    edit('households', 'h-new', { id: 'h-new', headName: 'Baru', address: { rw: '001' } })
    edit('members', 'm-new', {
      id: 'm-new',
      householdId: 'h-new',
      name: 'Bayi',
      sex: 'L',
      birthDate: '2025-12-10',
      hasKiaBook: true,
    })
    edit('visits', 'v-new', {
      id: 'v-new',
      memberId: 'm-new',
      date: '2026-01-12',
      place: 'posyandu',
      parts: { balita: { weightKg: 4.2, lengthCm: 53, position: 'lying', immunizations: [] } },
    })
    expectSameAsWhole()
  })
})
