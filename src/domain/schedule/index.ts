// The kader's visit schedule: every home-visit task of a work area on `today`, computed from the members, their
// visits and the referral follow-ups — the time-based triggers of ilp-domain.md §3.1 ("kunjungan khusus"). Pure:
// the same records and `today` give the same tasks on every device, and a task resolves itself (state 'done') as
// soon as the visit that does it is recorded, so nothing about a task is ever stored.
//
// Rules (each file cites its source): balita not weighed and bumil not seen this month (monthly.ts); ANC per
// trimester (anc.ts); KN1–3 and KF1–4 (postnatal.ts); referral follow-up (referral.ts); TBC household contacts
// (tbc.ts); overdue immunisation and the vitamin A round (child.ts); yearly dewasa/lansia screening (yearly.ts).
// Priorities: task.ts PRIORITY.
//
// Cost: visits are grouped by member once (O(visits log visits)); every rule then reads only its member's visits.

import { lifeStage } from '../lifecycle'
import { ancTasks } from './anc'
import { addDays, homeVisitWindow } from './calendar'
import { immunizationTasks, vitaminATasks } from './child'
import { balitaNotWeighed, bumilNotSeen } from './monthly'
import { kfTasks, knTasks } from './postnatal'
import { referralTasks } from './referral'
import {
  compareTasks,
  type MemberRule,
  RECENT_DAYS,
  type RuleContext,
  type TaskDraft,
  toTask,
  UPCOMING_HORIZON_DAYS,
} from './task'
import { type HouseholdMember, tbcContactTasks } from './tbc'
import type { ScheduleFollowUp, ScheduleInput, ScheduleVisit, Task } from './types'
import { yearlyScreeningTasks } from './yearly'

const MEMBER_RULES: readonly MemberRule[] = [
  referralTasks,
  knTasks,
  kfTasks,
  ancTasks,
  bumilNotSeen,
  balitaNotWeighed,
  immunizationTasks,
  vitaminATasks,
  yearlyScreeningTasks,
]

/**
 * The tasks on `today`, most urgent first (task.ts compareTasks): due and overdue ones, those opening within a week
 * (upcoming), and those done or expired in the last week. Deleted members and visits are skipped; a visit another
 * visit supersedes, and any record dated after `today`, does not count.
 */
export function visitTasks(input: ScheduleInput): Task[] {
  const { today } = input
  const visitsByMember = currentVisitsByMember(input.visits, today)
  const followUpsByVisit = new Map<string, ScheduleFollowUp[]>()
  for (const f of input.followUps) {
    if (f.deleted || f.date > today) continue
    const list = followUpsByVisit.get(f.visitId)
    if (list) list.push(f)
    else followUpsByVisit.set(f.visitId, [f])
  }
  const ctx: RuleContext = {
    today,
    horizon: addDays(today, UPCOMING_HORIZON_DAYS),
    recentFrom: addDays(today, -RECENT_DAYS),
    settings: input.settings,
    calendar: input.calendar,
    homeVisitWindow: memo((monthsFromToday) => homeVisitWindow(input.calendar, today, monthsFromToday)),
    jeEndemic: input.jeEndemic ?? false,
    followUpsByVisit,
  }

  const drafts: TaskDraft[] = []
  const households = new Map<string, HouseholdMember[]>()
  for (const member of input.members) {
    const stage = member.deleted ? undefined : lifeStage(member.birthDate, today)
    if (!stage) continue // deleted, or born after today
    const visits = visitsByMember.get(member.id) ?? []
    for (const rule of MEMBER_RULES) for (const d of rule(member, visits, ctx, stage)) drafts.push(d)
    const household = households.get(member.householdId)
    if (household) household.push({ member, visits })
    else households.set(member.householdId, [{ member, visits }])
  }
  for (const household of households.values()) for (const d of tbcContactTasks(household, ctx)) drafts.push(d)

  const tasks: Task[] = []
  for (const d of drafts) {
    const task = toTask(d, ctx)
    if (task) tasks.push(task)
  }
  return tasks.sort(compareTasks)
}

function memo<K, T>(compute: (key: K) => T): (key: K) => T {
  const cache = new Map<K, T>()
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key))
    return cache.get(key) as T
  }
}

/** Each member's visits that count, oldest first: date, then id (UUID v7 ids sort in creation order). */
function currentVisitsByMember(
  visits: readonly ScheduleVisit[],
  today: string,
): Map<string, ScheduleVisit[]> {
  const superseded = new Set<string>()
  for (const v of visits) {
    if (v.deleted) continue
    if (v.supersedes) superseded.add(v.supersedes)
    if (v.supersededBy) superseded.add(v.id)
  }
  const byMember = new Map<string, ScheduleVisit[]>()
  for (const v of visits) {
    if (v.deleted || superseded.has(v.id) || v.date > today) continue
    const list = byMember.get(v.memberId)
    if (list) list.push(v)
    else byMember.set(v.memberId, [v])
  }
  // Records usually come in that order already (read by id, and UUID v7 ids sort in creation order): check first.
  for (const list of byMember.values()) if (!isSorted(list)) list.sort(byDateThenId)
  return byMember
}

const byDateThenId = (a: ScheduleVisit, b: ScheduleVisit): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

function isSorted(list: readonly ScheduleVisit[]): boolean {
  for (let i = 1; i < list.length; i += 1) {
    if (byDateThenId(list[i - 1] as ScheduleVisit, list[i] as ScheduleVisit) > 0) return false
  }
  return true
}

export { posyanduDay } from './calendar'
export { REFERRAL_FOLLOW_UP_DAYS } from './referral'
export { PRIORITY, RECENT_DAYS, UPCOMING_HORIZON_DAYS } from './task'
export { TBC_CONTACT_DUE_DAYS, TBC_CONTACT_LAST_DAY } from './tbc'
export {
  type PosyanduCalendar,
  type ScheduleFollowUp,
  type ScheduleInput,
  type ScheduleMember,
  type ScheduleVisit,
  TASK_RULES,
  type Task,
  type TaskPriority,
  type TaskRule,
  type TaskState,
  type Weekday,
} from './types'
