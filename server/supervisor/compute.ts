// The wilayah binaan's figures of one area, computed from its synced records (store.ts) with the same pure domain
// code the kader's phone runs (src/domain/pws), and kept per area and month until that area's records change
// (AreaRecords.version) or its targets do. Clinical settings are the defaults: a phone's own settings (JE endemic,
// …) are not synced.
import { DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import {
  householdsWithoutGps,
  type OverdueItem,
  type PwsFollowUp,
  type PwsHousehold,
  type PwsIndicators,
  type PwsInput,
  type PwsMember,
  type PwsTargets,
  type PwsVisit,
  type SupervisionMonth,
  supervisionMonth,
} from '../../src/domain/pws'
import type { NamedPerson, YearIndicator } from '../../src/protocol/supervisor'
import type { AreaRecords } from './store'

export type AreaMonth = SupervisionMonth

export interface AreaToday {
  overdue: OverdueItem[]
  noGps: string[]
}

/** The stored records satisfy the domain's input types: the server checked them against the shared schemas. */
export function inputOf(records: AreaRecords): Omit<PwsInput, 'month'> {
  return {
    households: [...records.households.values()] as unknown as PwsHousehold[],
    members: [...records.members.values()] as unknown as PwsMember[],
    visits: [...records.visits.values()] as unknown as PwsVisit[],
    followUps: [...records.followUps.values()] as unknown as PwsFollowUp[],
    settings: DEFAULT_CLINICAL_SETTINGS,
  }
}

/**
 * Area-months kept: a month's figures hold every id list (1.3 MB as JSON for a 10,000-record area of the bench
 * data), so months looked at once do not stay for ever; 256 is 8 months of a puskesmas' 30 areas.
 */
const MAX_CACHED = 256

interface Cached<T> {
  version: number
  key: string
  value: T
}

export class AreaFigures {
  private readonly months = new Map<string, Cached<AreaMonth>>()
  private readonly gps = new Map<string, Cached<string[]>>()

  /**
   * The month's report and indicators (against the area's targets for that year), its implausible values and, for
   * the current month, the referrals overdue on `today` — one reading of the area for all of them.
   */
  month(records: AreaRecords, month: string, targets: PwsTargets, today: string): AreaMonth {
    const current = today.slice(0, 7) === month
    return this.cached(
      this.months,
      records,
      month,
      `${JSON.stringify(targets)}\n${current ? today : ''}`,
      () => supervisionMonth({ ...inputOf(records), month }, targets, today),
    )
  }

  /** What is due on `today`: overdue referrals (read with this month's figures), households without GPS. */
  today(records: AreaRecords, today: string, targets: PwsTargets): AreaToday {
    const { overdue } = this.month(records, today.slice(0, 7), targets, today)
    const noGps = this.cached(this.gps, records, 'gps', '', () =>
      householdsWithoutGps([...records.households.values()] as unknown as PwsHousehold[]),
    )
    return { overdue: overdue ?? [], noGps }
  }

  private cached<T>(
    map: Map<string, Cached<T>>,
    records: AreaRecords,
    slot: string,
    key: string,
    compute: () => T,
  ): T {
    const id = `${records.area.id}\n${slot}`
    const hit = map.get(id)
    // Least recently used last out: a hit moves to the end of the map's order.
    map.delete(id)
    if (hit && hit.version === records.version && hit.key === key) {
      map.set(id, hit)
      return hit.value
    }
    const value = compute()
    map.set(id, { version: records.version, key, value })
    if (map.size > MAX_CACHED) map.delete(map.keys().next().value as string)
    return value
  }
}

/** Every cumulative indicator's standing in the reported month. */
export function yearIndicators(indicators: PwsIndicators): YearIndicator[] {
  return Object.values(indicators.series).map((s) => {
    const point = s.months.at(-1)
    return {
      id: s.id,
      cumulative: point?.cumulative ?? 0,
      sasaran: s.sasaran.value,
      coverage: point?.cumulativeCoverage ?? null,
      expected: point?.expected ?? 0,
      status: s.status,
    }
  })
}

/**
 * A member (or, without memberId, a household) of the area by name, with the household head and where they live:
 * the supervisor's list row.
 */
export function named(
  records: AreaRecords,
  by: { memberId: string } | { householdId: string },
): NamedPerson | undefined {
  const member = 'memberId' in by ? records.members.get(by.memberId) : undefined
  const household = records.households.get('memberId' in by ? String(member?.householdId) : by.householdId)
  if (!household || ('memberId' in by && !member)) return undefined
  const address = (household.address ?? {}) as { dusun?: string; rw?: string; rt?: string }
  return {
    areaId: records.area.id,
    householdId: household.id,
    ...(member ? { memberId: member.id } : {}),
    name: String(member?.name ?? household.headName),
    headName: String(household.headName),
    ...(address.dusun ? { dusun: address.dusun } : {}),
    ...(address.rw ? { rw: address.rw } : {}),
    ...(address.rt ? { rt: address.rt } : {}),
  }
}

/** The report and indicators with every id list emptied and without the register: figures only. */
export function figuresOnly<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      key === 'memberIds' || key === 'householdIds' || key === 'visitIds'
        ? []
        : key === 'register'
          ? undefined
          : v,
    ),
  ) as T
}
