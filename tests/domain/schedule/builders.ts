// Fixture builders for the schedule tests: records shaped like the stored ones, with readable ids.
import { DEFAULT_CLINICAL_SETTINGS } from '../../../src/domain/clinical-settings'
import {
  type PosyanduCalendar,
  type ScheduleFollowUp,
  type ScheduleInput,
  type ScheduleMember,
  type ScheduleVisit,
  type Task,
  type TaskRule,
  visitTasks,
} from '../../../src/domain/schedule'

/** The second Tuesday of every month: 2024-06-11, 2024-10-08, 2025-01-14. */
export const SECOND_TUESDAY: PosyanduCalendar = { openDay: { week: 2, weekday: 2 } }

export function makeMember(overrides: Partial<ScheduleMember> & { id: string }): ScheduleMember {
  return { householdId: 'h1', birthDate: '1990-01-01', sex: 'P', ...overrides }
}

let visitSeq = 0

/** A visit; ids default to v0001, v0002 … so that they sort in creation order like UUID v7. */
export function makeVisit(
  member: Pick<ScheduleMember, 'id'>,
  date: string,
  parts: ScheduleVisit['parts'],
  extra: Partial<ScheduleVisit> = {},
): ScheduleVisit {
  visitSeq += 1
  return { id: `v${String(visitSeq).padStart(4, '0')}`, memberId: member.id, date, parts, ...extra }
}

/** A follow-up of the referral `problem` ('tekanan_darah', 'gula_darah' …) opened by `visit`. */
export function makeFollowUp(
  visit: Pick<ScheduleVisit, 'id'>,
  problem: string,
  date: string,
  outcome: ScheduleFollowUp['outcome'],
): ScheduleFollowUp {
  return { id: `f-${visit.id}-${problem}-${date}`, visitId: visit.id, problem, date, outcome }
}

export function tasks(
  today: string,
  records: Partial<Omit<ScheduleInput, 'today'>> & { members: ScheduleMember[] },
): Task[] {
  return visitTasks({
    visits: [],
    followUps: [],
    calendar: SECOND_TUESDAY,
    settings: DEFAULT_CLINICAL_SETTINGS,
    ...records,
    today,
  })
}

/** The tasks of some rules only: a member usually has several rules' tasks at once. */
export function tasksOf(
  rules: TaskRule | readonly TaskRule[],
  today: string,
  records: Parameters<typeof tasks>[1],
): Task[] {
  const wanted = typeof rules === 'string' ? [rules] : rules
  return tasks(today, records).filter((t) => wanted.includes(t.rule))
}

/** rule → state, for short expectations. */
export function states(list: readonly Task[]): Record<string, string> {
  return Object.fromEntries(list.map((t) => [t.rule, t.state]))
}
