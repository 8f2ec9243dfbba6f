// Who the posyandu expects on its open day (hari buka, clinical-rules.md §1.1), and at which table: the life-cycle
// groups of the service package (§1.2). Pure: the same records and date give the same list on every phone.
import { memberStages } from '../lifecycle'
import { monthStart, shiftMonth } from '../schedule/calendar'
import type { OpenDayMember } from './types'

/** What the expectation reads of a visit (a stored visit, or the schedule's). */
type PlacedVisit = { date: string; place?: string }

/** The open day's groups, in the order of the screen: the stage's service package (clinical-rules.md §1.2). */
export const OPEN_DAY_GROUPS = ['anak', 'ibu_hamil', 'nifas', 'remaja', 'dewasa_lansia'] as const
export type OpenDayGroup = (typeof OPEN_DAY_GROUPS)[number]

/**
 * Why a member is expected: `timbang` — a child 0–71 months, weighed every month (SKDN, §3.2; the anak prasekolah
 * package has the same measures, §1.2); `hamil` and `nifas` — served at every open day (§1.2); `rutin` — a remaja,
 * dewasa or lansia who came to the posyandu in the last REGULAR_MONTHS months.
 */
export type ExpectedReason = 'timbang' | 'hamil' | 'nifas' | 'rutin'

/**
 * Project rule: a remaja, dewasa or lansia who came to an open day in the 3 months before this one is expected
 * again (their PTM, TBC or jiwa follow-up is monthly at the posyandu, §1.2); one who has not come for longer is
 * found by search, and the yearly screening of the schedule invites them (yearly.ts).
 */
export const REGULAR_MONTHS = 3

/** The table that serves the member on `date`: pregnancy and nifas first (a pregnant remaja is an ibu hamil). */
export function openDayGroup(member: OpenDayMember, date: string): OpenDayGroup | undefined {
  const stages = memberStages(member, date)
  if (!stages) return undefined
  if (stages.overlays.includes('ibu_hamil')) return 'ibu_hamil'
  if (stages.overlays.includes('ibu_nifas')) return 'nifas'
  switch (stages.stage) {
    case 'usia_sekolah_remaja':
      return 'remaja'
    case 'dewasa':
    case 'lansia':
      return 'dewasa_lansia'
    default:
      return 'anak'
  }
}

/**
 * Why the member is expected at the open day `openDay`, or undefined. `visits`: the member's current visits (not
 * deleted, not superseded), any order.
 */
export function expectedReason(
  member: OpenDayMember,
  visits: readonly PlacedVisit[],
  openDay: string,
): ExpectedReason | undefined {
  if (member.deleted) return undefined
  const group = openDayGroup(member, openDay)
  if (group === undefined) return undefined
  if (group === 'anak') return 'timbang'
  if (group === 'ibu_hamil') return 'hamil'
  if (group === 'nifas') return 'nifas'
  return cameRecently(visits, openDay) ? 'rutin' : undefined
}

/** A posyandu visit in the REGULAR_MONTHS calendar months before the month of `openDay`. */
function cameRecently(visits: readonly PlacedVisit[], openDay: string): boolean {
  const from = `${shiftMonth(openDay, -REGULAR_MONTHS)}-01`
  const to = monthStart(openDay)
  return visits.some((v) => v.place === 'posyandu' && v.date >= from && v.date < to)
}
