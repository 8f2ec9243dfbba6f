// The wilayah binaan's figures of one area, computed from its synced records (store.ts) with the same pure domain
// code the kader's phone runs (src/domain/pws): each month of an area is kept as the sum of its households' shares
// (area-sum.ts), and after a push only the households it touched are computed again (AreaRecords.touchedSince).
// What the supervisor's screens show of an area is built here (AreaCard, AreaPage); figures-db.ts stores it.
import type { ClinicalSettings } from '../../src/domain/clinical-settings'
import {
  householdsWithoutGps,
  type PwsFollowUp,
  type PwsHousehold,
  type PwsIndicators,
  type PwsInput,
  type PwsMember,
  type PwsTargets,
  type PwsVisit,
} from '../../src/domain/pws'
import {
  type AreaRecordsInput,
  areaShares,
  type ShareInput,
  type ShareKey,
  shareOf,
} from '../../src/domain/pws/area-shares'
import { type AreaMonthFigures, AreaSum } from '../../src/domain/pws/area-sum'
import { supervisionPart } from '../../src/domain/pws/supervision'
import type {
  AreaSummary,
  BinaanAreaResponse,
  NamedPerson,
  OverdueReferral,
  QualityFlag,
  YearIndicator,
} from '../../src/protocol/supervisor'
import type { AreaRecords } from './store'

/** The stored records satisfy the domain's input types: the server checked them against the shared schemas. */
export function inputOf(records: AreaRecords): Omit<PwsInput, 'month' | 'settings'> {
  return {
    households: [...records.households.values()] as unknown as PwsHousehold[],
    members: [...records.members.values()] as unknown as PwsMember[],
    visits: [...records.visits.values()] as unknown as PwsVisit[],
    followUps: [...records.followUps.values()] as unknown as PwsFollowUp[],
  }
}

/**
 * Area-months kept in memory (the figures themselves are in the database): a share's counts are a few hundred
 * numbers, an area's month ≈ 0.1 MB; 96 is three months of a puskesmas' 30 areas.
 */
const MAX_KEPT = 96

/**
 * Households per share: computing a share costs ≈ 2 ms however small it is (≈ 1 ms for a household's own records),
 * so an area is computed in groups of about 8 households — 50 shares for a kader's 400 — and a push that touches
 * one household computes its group again.
 */
const HOUSEHOLDS_PER_SHARE = 8

interface Kept {
  version: number
  sum: AreaSum
  keyOf: ShareKey
}

export class AreaFigures {
  private readonly months = new Map<string, Kept>()
  /** Shares computed so far (tests: a push computes only those it touched). */
  computed = 0

  constructor(private readonly settings: ClinicalSettings) {}

  /** The area's month, brought up to its records' version. */
  month(records: AreaRecords, month: string): AreaSum {
    const id = `${records.area.id}\n${month}`
    const kept = this.months.get(id)
    // Least recently used last out: a hit moves to the end of the map's order.
    this.months.delete(id)
    const touched = kept && records.touchedSince(kept.version)
    const entry = kept && touched ? kept : this.whole(records, month)
    for (const key of new Set([...(touched ?? [])].map(entry.keyOf)))
      entry.sum.set(key, this.part(shareOf(area(records), entry.keyOf, key), month))
    entry.version = records.version
    this.months.set(id, entry)
    if (this.months.size > MAX_KEPT) this.months.delete(this.months.keys().next().value as string)
    return entry.sum
  }

  private whole(records: AreaRecords, month: string): Kept {
    const none = { households: [], members: [], visits: [], followUps: [], month, settings: this.settings }
    const sum = new AreaSum(supervisionPart(none))
    // The grouping stays with the kept month: households added later join the groups there are.
    const groups = Math.max(1, Math.round(records.households.size / HOUSEHOLDS_PER_SHARE))
    const keyOf = (householdId: string) => String(hash(householdId) % groups)
    for (const [key, share] of areaShares(area(records), keyOf)) sum.set(key, this.part(share, month))
    return { version: records.version, sum, keyOf }
  }

  /** A share's figures; none when it holds no live household (then its members count nowhere). */
  private part(share: ShareInput, month: string) {
    if (!share.households.some((h) => !h.deleted)) return undefined
    this.computed += 1
    return supervisionPart({ ...share, month, settings: this.settings })
  }
}

/** FNV-1a of a string: a household's group, the same in every process. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

const area = (records: AreaRecords) => records as unknown as AreaRecordsInput

/** The overview's card of an area, without what is read on each request (area, kaders, NIKs, today). */
export type AreaCard = Omit<AreaSummary, 'area' | 'kaders' | 'overdue' | 'quality'> & {
  /** The follow-up deadlines of the referrals open at the end of the current month: overdue after them. */
  openDue: string[]
  quality: Omit<AreaSummary['quality'], 'duplicateNik'>
}

/** The area's page, without what is read on each request: its NIKs, and which open referrals are overdue today. */
export type AreaPage = Pick<BinaanAreaResponse, 'report' | 'indicators' | 'quality'> & {
  /** By name, the referrals open at the end of the current month, by deadline. */
  open: OverdueReferral[]
}

/** The month's card and page of an area; `current`: the current month's figures, for its open referrals. */
export function cardAndPage(
  records: AreaRecords,
  month: AreaSum,
  current: AreaSum,
  targets: PwsTargets,
): { card: AreaCard; page: AreaPage } {
  const { report, indicators, implausible, open: openNow } = month.figures(targets)
  const open: OverdueReferral[] = []
  for (const o of openByDeadline(current === month ? openNow : current.figures({}).open)) {
    const who = named(records, { memberId: o.memberId })
    if (who)
      open.push({ ...who, problem: o.problem, openedOn: o.openedOn, dueTo: o.dueTo, urgency: o.urgency })
  }
  const noGps = householdsWithoutGps([...records.households.values()] as unknown as PwsHousehold[])
  const quality: QualityFlag[] = []
  const flag = (kind: QualityFlag['kind'], who: NamedPerson | undefined, detail?: string) => {
    if (who) quality.push({ ...who, kind, ...(detail === undefined ? {} : { detail }) })
  }
  for (const i of implausible) flag('implausible', named(records, { memberId: i.memberId }), i.date)
  for (const h of noGps) flag('noGps', named(records, { householdId: h }))
  const s = report.skdn
  const card: AreaCard = {
    households: report.households.value,
    month: {
      S: s.S.value,
      K: s.K.value,
      D: s.D.value,
      N: s.N.value,
      DS: s.ratios.DS.value,
      ND: s.ratios.ND.value,
      visits: report.visits.total.value,
      referralsOpen: report.referrals.open.value,
    },
    year: yearIndicators(indicators),
    openDue: open.map((o) => o.dueTo),
    quality: { implausible: implausible.length, noGps: noGps.length },
  }
  return { card, page: { report, indicators, open, quality } }
}

/** Open referrals by deadline, then member (supervision.ts overdueOn's order, which only filters them by day). */
function openByDeadline(open: AreaMonthFigures['open']) {
  return [...open].sort((a, b) => compare(a.dueTo, b.dueTo) || compare(a.memberId, b.memberId))
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

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
