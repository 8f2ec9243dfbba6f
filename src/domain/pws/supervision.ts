// What the wilayah binaan lists besides the PWS figures (issue 15 §3): the referrals whose follow-up is overdue, and
// the data-quality flags a bidan checks with the kader — values outside the plausible range that the kader
// confirmed (plausibility.ts, clinical-rules.md §6.7: the visit form saves such a value only after "Ya, nilainya
// benar", so every stored one was confirmed), households without a GPS point, and a NIK registered in two areas.
// Pure; the server runs it over each area's synced records.
import { extremeValues, type PartPayloads } from '../plausibility'
import type { Urgency } from '../referrals'
import { SCREENING_PARTS } from '../screening'
import { indicatorsOf, type PwsIndicators, type PwsTargets } from './indicators'
import { indexMonth, type Month } from './month'
import { monthReferrals } from './referrals'
import { reportOf } from './report'
import type { PwsHousehold, PwsInput, PwsMember, PwsReport } from './types'

export interface OverdueItem {
  memberId: string
  problem: string
  openedOn: string
  dueTo: string
  urgency: Urgency
}

/**
 * Referrals open on `today` whose follow-up window (referrals/history.ts) ended before it, most overdue first.
 * Reads every visit up to today; `input.month` is ignored.
 */
export function overdueReferrals(input: Omit<PwsInput, 'month'>, today: string): OverdueItem[] {
  return overdueIn(indexMonth({ ...input, month: today.slice(0, 7) }), input.followUps, today)
}

function overdueIn(month: Month, followUps: PwsInput['followUps'], today: string): OverdueItem[] {
  return overdueOn(openIn(month, followUps), today)
}

/** The referrals still open at the month's end, as the overdue list names them. */
function openIn(month: Month, followUps: PwsInput['followUps']): OverdueItem[] {
  return monthReferrals(month, followUps)
    .filter((r) => !r.closed)
    .map((r) => ({
      memberId: r.memberId,
      problem: r.problem,
      openedOn: r.openedOn,
      dueTo: r.dueTo,
      urgency: r.urgency,
    }))
}

/** Of the open referrals, those overdue on `today` (referrals/history.ts referralState), most overdue first. */
export function overdueOn(open: readonly OverdueItem[], today: string): OverdueItem[] {
  return open
    .filter((r) => today > r.dueTo)
    .sort((a, b) => compare(a.dueTo, b.dueTo) || compare(a.memberId, b.memberId))
}

export interface ImplausibleItem {
  memberId: string
  visitId: string
  date: string
  /** '<part>.<field>' of each extreme value, in part and field order. */
  fields: string[]
}

/** The month's current visits holding a value outside the plausible range (confirmed when saved). */
export function confirmedImplausible(input: PwsInput): ImplausibleItem[] {
  return implausibleIn(indexMonth(input))
}

function implausibleIn(month: Month): ImplausibleItem[] {
  const items: ImplausibleItem[] = []
  for (const [memberId, person] of month.people) {
    for (const v of person.inMonth) {
      const fields: string[] = []
      for (const part of SCREENING_PARTS) {
        const payload = v.parts[part]
        if (!payload) continue
        const extremes = extremeValues(part, payload as PartPayloads[typeof part], person.member, v.date)
        for (const e of extremes) fields.push(`${part}.${e.field}`)
      }
      if (fields.length > 0)
        items.push({ memberId, visitId: v.id, date: v.date, fields: [...new Set(fields)] })
    }
  }
  return items.sort(implausibleOrder)
}

/** Implausible values by date, then visit. */
export const implausibleOrder = (a: ImplausibleItem, b: ImplausibleItem) =>
  compare(a.date, b.date) || compare(a.visitId, b.visitId)

export interface SupervisionMonth {
  report: PwsReport
  indicators: PwsIndicators
  implausible: ImplausibleItem[]
  /** Only when `today` falls in the month: the referrals overdue on it. */
  overdue?: OverdueItem[]
}

/**
 * The month's report, indicators and implausible values, and — for the current month — the overdue referrals, from
 * ONE index of the area: every visit's findings are read once for all of them (the server recomputes an area after
 * each push of its kader).
 */
export function supervisionMonth(input: PwsInput, targets: PwsTargets, today: string): SupervisionMonth {
  const month = indexMonth(input)
  const report = reportOf(month, input)
  return {
    report,
    indicators: indicatorsOf(month, report.skdn, input, targets),
    implausible: implausibleIn(month),
    ...(today.slice(0, 7) === input.month ? { overdue: overdueIn(month, input.followUps, today) } : {}),
  }
}

/** What supervisionPart gives: the month without `today`, and the referrals open at its end. */
export interface SupervisionPart extends Omit<SupervisionMonth, 'overdue'> {
  open: OverdueItem[]
}

/**
 * supervisionMonth without `today`: the referrals open at the month's end instead of those overdue, so that the
 * overdue ones are found on any day (overdueOn). The server computes each household of an area with it and adds
 * them up (area-sum.ts).
 */
export function supervisionPart(input: PwsInput): SupervisionPart {
  const month = indexMonth(input)
  const report = reportOf(month, input)
  return {
    report,
    indicators: indicatorsOf(month, report.skdn, input, {}),
    implausible: implausibleIn(month),
    open: openIn(month, input.followUps),
  }
}

/** Live households with no GPS point, by id. */
export function householdsWithoutGps(
  households: readonly (PwsHousehold & { location?: unknown })[],
): string[] {
  return households
    .filter((h) => !h.deleted && h.location === undefined)
    .map((h) => h.id)
    .sort(compare)
}

export interface AreaPeople {
  areaId: string
  households: readonly Pick<PwsHousehold, 'id' | 'deleted'>[]
  members: readonly (Pick<PwsMember, 'id' | 'householdId' | 'deleted'> & { nik?: string })[]
}

export interface DuplicateNik {
  areaId: string
  memberId: string
  /** The other areas (of those given) where the same NIK is registered, sorted. */
  otherAreaIds: string[]
}

/**
 * Live members whose NIK is registered in a live household of another of the given areas. Within one area a
 * repeated NIK is the member form's own check (member-checks.ts); across areas only the server sees it.
 */
export function niksInSeveralAreas(areas: readonly AreaPeople[]): DuplicateNik[] {
  const byNik = new Map<string, { areaId: string; memberId: string }[]>()
  for (const a of areas) {
    const live = new Set(a.households.filter((h) => !h.deleted).map((h) => h.id))
    for (const m of a.members) {
      if (m.deleted || !m.nik || !live.has(m.householdId)) continue
      const list = byNik.get(m.nik) ?? []
      list.push({ areaId: a.areaId, memberId: m.id })
      byNik.set(m.nik, list)
    }
  }
  const found: DuplicateNik[] = []
  for (const list of byNik.values()) {
    const areaIds = new Set(list.map((e) => e.areaId))
    if (areaIds.size < 2) continue
    for (const e of list)
      found.push({ ...e, otherAreaIds: [...areaIds].filter((id) => id !== e.areaId).sort(compare) })
  }
  return found.sort((a, b) => compare(a.areaId, b.areaId) || compare(a.memberId, b.memberId))
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
