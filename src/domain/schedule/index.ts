// The kader's visit schedule: every home-visit task of a work area on `today`, computed from the members, their
// visits and the referral follow-ups — the time-based triggers of clinical-rules.md §3.1 ("kunjungan khusus"). Pure:
// the same records and `today` give the same tasks on every device, and a task resolves itself (state 'done') as
// soon as the visit that does it is recorded, so nothing about a task is ever stored.
//
// Rules (each file cites its source): balita not weighed and bumil not seen this month (monthly.ts); ANC per
// trimester (anc.ts); KN1–3 and KF1–4 (postnatal.ts); referral follow-up (referral.ts); TBC household contacts
// (tbc.ts); overdue immunisation and the vitamin A round (child.ts); yearly dewasa/lansia screening (yearly.ts).
// Priorities: task.ts PRIORITY.
//
// Cost: visits are grouped by member once (O(visits log visits)); every rule then reads only its member's visits.
// keeper.ts keeps that grouping and each member's tasks between runs, so that an edit recomputes one member.

import { ScheduleKeeper } from './keeper'
import type { ScheduleInput, Task } from './types'

/**
 * The tasks on `today`, most urgent first (task.ts compareTasks): due and overdue ones, those opening within a week
 * (upcoming), and those done or expired in the last week. Deleted members and visits are skipped; a visit another
 * visit supersedes, and any record dated after `today`, does not count.
 */
export function visitTasks(input: ScheduleInput): Task[] {
  const keeper = new ScheduleKeeper()
  keeper.putMembers(input.members)
  keeper.putVisits(input.visits)
  keeper.putFollowUps(input.followUps)
  return keeper.tasks(input)
}

export { posyanduDay } from './calendar'
export { ScheduleKeeper, type ScheduleOptions } from './keeper'
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
