// From a rule's window to a Task: the state on `today`, the priority, and whether the task is worth listing.

import type { ClinicalSettings } from '../clinical-settings'
import type { LifeStage } from '../lifecycle'
import type { Referral } from '../referrals'
import type { Bilingual } from '../text'
import type { HomeVisitWindow } from './calendar'
import type {
  PosyanduCalendar,
  ScheduleFollowUp,
  ScheduleMember,
  ScheduleVisit,
  Task,
  TaskPriority,
  TaskRule,
  TaskState,
} from './types'

/**
 * Priority by rule (1 most urgent):
 *   1 — referral follow-up (the member has a 'rujuk' finding: danger signs and the like; a segera one is listed
 *       first of all, compareTasks) and KN1/KF1, the first two days after birth, when most maternal and newborn
 *       deaths happen;
 *   2 — kunjungan khusus for a missed service (clinical-rules.md §3.1): balita not weighed, bumil not seen this month,
 *       someone else the open day expected who did not come,
 *       ANC short, KN2–3/KF2–4, immunisation overdue, TBC household contacts (screening people who may be
 *       infected; the index case's own referral is priority 1), and copying a new member's Buku KIA (registration.ts);
 *   3 — routine: yearly screening of dewasa/lansia and the vitamin A round.
 */
export const PRIORITY: Record<TaskRule, TaskPriority> = {
  rujukan_segera: 1,
  lapor_kematian: 1,
  rujukan: 1,
  kn1: 1,
  kf1: 1,
  balita_timbang: 2,
  bumil_kontak: 2,
  posyandu_absen: 2,
  anc_tm1: 2,
  anc_tm2: 2,
  anc_tm3: 2,
  kn2: 2,
  kn3: 2,
  kf2: 2,
  kf3: 2,
  kf4: 2,
  tbc_kontak: 2,
  imunisasi: 2,
  buku_kia: 2,
  vitamin_a: 3,
  skrining_dewasa: 3,
  skrining_lansia: 3,
}

// The kader plans her home visits a week ahead and reports weekly to the pustu (clinical-rules.md §3.1 "Report
// weekly"), so a task shows one week before its window opens, and a done or expired one stays one week — long
// enough to appear in that week's report — before it drops off the list.
export const UPCOMING_HORIZON_DAYS = 7
export const RECENT_DAYS = 7

export interface RuleContext {
  today: string
  /** today + UPCOMING_HORIZON_DAYS: a task not done whose window opens after it is not listed (toTask). */
  horizon: string
  /** today − RECENT_DAYS: a task done, or last doable, before it is no longer listed (toTask). */
  recentFrom: string
  settings: ClinicalSettings
  calendar: PosyanduCalendar
  /** calendar.ts homeVisitWindow of the calendar and today, computed once per month for the whole area. */
  homeVisitWindow: (monthsFromToday: number) => HomeVisitWindow | undefined
  jeEndemic: boolean
  /** Follow-ups not deleted, by the visit they follow up. */
  followUpsByVisit: ReadonlyMap<string, readonly ScheduleFollowUp[]>
  /** The member's referrals on today (referral.ts referralsOf), kept by the keeper between runs. */
  referrals: (member: ScheduleMember, visits: CurrentVisits) => Referral[]
}

/** A member's visits that count: not deleted, not superseded; oldest first (date, then id — UUID v7 ids sort in creation order). */
export type CurrentVisits = readonly ScheduleVisit[]

/** A member's rule: the member, their current visits, and their life stage today (lifecycle.ts lifeStage). */
export type MemberRule = (
  member: ScheduleMember,
  visits: CurrentVisits,
  ctx: RuleContext,
  stage: LifeStage,
) => TaskDraft[]

// lifeStage's bands under 5 years (0–59 months, clinical-rules.md §1.2) and under 6 (with prasekolah, 60–71 months).
// The age rules check exact ages; these sets only spare the adults those date computations.
export const UNDER_FIVE: ReadonlySet<LifeStage> = new Set(['bayi_baru_lahir', 'bayi', 'balita'])
export const UNDER_SIX: ReadonlySet<LifeStage> = new Set([...UNDER_FIVE, 'prasekolah'])

export interface TaskDraft {
  rule: TaskRule
  member: ScheduleMember
  reason: Bilingual
  dueFrom: string
  dueTo: string
  /** Last day it can still be done; undefined: it stays overdue until done. */
  lastDay?: string
  doneBy?: string
  doneOn?: string
  source: string
}

/** Marks `draft` done by `visit`, when there is one; set in place (no spread per draft in the area-wide loop). */
export function doneByVisit(draft: TaskDraft, visit: ScheduleVisit | undefined): TaskDraft {
  if (visit) {
    draft.doneBy = visit.id
    draft.doneOn = visit.date
  }
  return draft
}

export function stateOn(d: TaskDraft, today: string): TaskState {
  if (d.doneBy !== undefined) return 'done'
  if (today < d.dueFrom) return 'upcoming'
  if (today <= d.dueTo) return 'due'
  if (d.lastDay === undefined || today <= d.lastDay) return 'overdue'
  return 'expired'
}

/**
 * The task, or undefined when it is too far ahead, or done or expired too long ago, to list. The horizon and the
 * recent days are compared as precomputed dates (ctx), not worked out again for every draft: `today ≤ x + 7` is
 * `today − 7 ≤ x`.
 */
export function toTask(
  d: TaskDraft,
  ctx: Pick<RuleContext, 'today' | 'horizon' | 'recentFrom'>,
): Task | undefined {
  const state = stateOn(d, ctx.today)
  const listed =
    state === 'upcoming'
      ? d.dueFrom <= ctx.horizon
      : state === 'done'
        ? ctx.today <= d.dueTo || ctx.recentFrom <= (d.doneOn ?? d.dueTo)
        : state === 'expired'
          ? ctx.recentFrom <= (d.lastDay ?? d.dueTo)
          : true
  if (!listed) return undefined
  // Set field by field in Task's declared order (the key order of the JSON), the optional ones only when present:
  // no spread of a throw-away object for each of a pustu's ~16,000 tasks.
  const task = {
    id: `${d.rule}:${d.member.id}:${d.dueFrom}`,
    memberId: d.member.id,
    householdId: d.member.householdId,
    rule: d.rule,
    reason: d.reason,
    dueFrom: d.dueFrom,
    dueTo: d.dueTo,
  } as Task
  if (d.lastDay !== undefined) task.lastDay = d.lastDay
  task.priority = PRIORITY[d.rule]
  task.state = state
  if (d.doneBy !== undefined) task.doneBy = d.doneBy
  if (d.doneOn !== undefined) task.doneOn = d.doneOn
  task.source = d.source
  return task
}

const STATE_ORDER: Record<TaskState, number> = { overdue: 0, due: 1, upcoming: 2, done: 3, expired: 4 }

/**
 * What to do first: an urgent referral's follow-up (the person should be at the facility today), then overdue, due,
 * upcoming, done and expired; within each by priority, then deadline.
 */
export function compareTasks(a: Task, b: Task): number {
  return (
    urgentFirst(a) - urgentFirst(b) ||
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    a.priority - b.priority ||
    compare(a.dueTo, b.dueTo) ||
    compare(a.id, b.id)
  )
}

/** 0 for an urgent referral follow-up still to do, 1 for everything else. */
export const urgentFirst = (t: Pick<Task, 'rule' | 'state'>): number =>
  t.rule === 'rujukan_segera' && (t.state === 'due' || t.state === 'overdue') ? 0 : 1

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
