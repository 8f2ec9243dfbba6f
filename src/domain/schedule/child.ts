// Child services with their own schedule: overdue immunisation doses (immunization.ts immunizationStatus) and the
// vitamin A round (immunization.ts vitaminADue).
import { toDayMonthYear } from '../dates'
import {
  type DoseGiven,
  type DoseStatus,
  firstDateAtAge,
  immunizationStatus,
  isVitaminAMonth,
  unrecordedFinding,
  vitaminADue,
} from '../immunization'
import type { LifeStage } from '../lifecycle'
import { addDays } from './calendar'
import {
  type CurrentVisits,
  doneByVisit,
  RECENT_DAYS,
  type RuleContext,
  type TaskDraft,
  UNDER_FIVE,
  UNDER_SIX,
} from './task'
import type { ScheduleMember } from './types'

// Project rule [K]: the routine schedule ends with the 18-month doses; a child still missing doses is followed up
// as a balita, to 59 months (the posyandu's balita band, clinical-rules.md §1.2). From school age BIAS takes over (§2.1).
const IMMUNIZATION_FOLLOW_UP_MONTHS = 60

const SOURCE_IMM =
  'Program imunisasi rutin (clinical-rules.md §2.1) [V]; kunjungan khusus "not immunised" (§3.1) [V]'

/**
 * One task per child listing every overdue dose (not one per dose). Window: the earliest of those doses' on-time
 * window (its due date to the day before it is late), so the task is overdue from the start; it stays overdue to
 * 59 months. Done when a visit gives every dose that was overdue just before it: that visit is `doneBy`.
 * Doses past their age limit (RV after 6 mo 29 d) are not listed — nothing the kader can bring the child for.
 */
export function immunizationTasks(
  member: ScheduleMember,
  visits: CurrentVisits,
  ctx: RuleContext,
  stage: LifeStage,
): TaskDraft[] {
  const { birthDate } = member
  if (!UNDER_FIVE.has(stage)) return [] // lifeStage's bands under IMMUNIZATION_FOLLOW_UP_MONTHS
  const options = { jeEndemic: ctx.jeEndemic }
  const given: DoseGiven[] = []
  for (const v of visits) {
    for (const d of v.parts.balita?.immunizations ?? [])
      given.push({ antigen: d.antigen, dose: d.dose, date: v.date })
  }
  const statuses = immunizationStatus(birthDate, given, ctx.today, options)
  const lastDay = addDays(firstDateAtAge(birthDate, { months: IMMUNIZATION_FOLLOW_UP_MONTHS, days: 0 }), -1)
  const overdue = statuses.filter((s) => s.state === 'overdue')
  if (overdue.length > 0) {
    return [immunizationDraft(member, overdue, statuses, lastDay)]
  }
  // Nothing overdue now: was it the latest vaccination visit that cleared the list?
  // A done task is listed for RECENT_DAYS after the visit (its window is long past): older visits need no reading.
  const last = visits.findLast((v) => (v.parts.balita?.immunizations?.length ?? 0) > 0)
  if (!last || last.date < addDays(ctx.today, -RECENT_DAYS)) return []
  const before = immunizationStatus(
    birthDate,
    given.filter((g) => g.date < last.date),
    last.date,
    options,
  ).filter((s) => s.state === 'overdue')
  if (before.length === 0) return []
  const doneNow = (s: DoseStatus) =>
    statuses.some((n) => n.antigen === s.antigen && n.dose === s.dose && n.state === 'done')
  if (!before.every(doneNow)) return []
  return [{ ...immunizationDraft(member, before, [], lastDay), doneBy: last.id, doneOn: last.date }]
}

function immunizationDraft(
  member: ScheduleMember,
  doses: readonly DoseStatus[],
  statuses: readonly DoseStatus[],
  lastDay: string,
): TaskDraft {
  const dueFrom = doses.map((d) => d.dueDate).sort()[0] as string
  const lateFrom = doses.map((d) => d.overdueDate).sort()[0] as string
  const names = doses.map((d) => `${d.antigen} ${d.dose}`).join(', ')
  // A child with nothing recorded yet: immunizationFindings says to copy the doses from the Buku KIA first.
  const unrecorded = unrecordedFinding(statuses)
  return {
    rule: 'imunisasi',
    member,
    reason: unrecorded?.message ?? {
      id: `Imunisasi terlambat: ${names} — ajak ke posyandu/pustu`,
      en: `Vaccination overdue: ${names} — bring the child to the posyandu/pustu`,
    },
    dueFrom,
    dueTo: addDays(lateFrom, -1),
    lastDay,
    source: SOURCE_IMM,
  }
}

const SOURCE_VIT_A =
  'Permenkes 21/2015: vitamin A in February and August (clinical-rules.md §2.1) [S]; home visit after the open day (§3.1) [V]'

// The rounds around today: last month's shows done/expired for a week, next month's may open within the horizon.
const ROUND_MONTHS_AROUND = [-1, 0, 1]

/**
 * Vitamin A in the February and August rounds, for the children vitaminADue says are due: a child who did not get
 * the capsule by the open day gets a home visit from the next day to the end of the round month. Expired after the
 * month (the next round is six months on). Done by the visit that gave it.
 */
export function vitaminATasks(
  member: ScheduleMember,
  visits: CurrentVisits,
  ctx: RuleContext,
  stage: LifeStage,
): TaskDraft[] {
  if (!UNDER_SIX.has(stage)) return [] // up to 59 months at a round: under 6 today
  const givenOn = visits.filter((v) => v.parts.balita?.vitaminA === true)
  const drafts: TaskDraft[] = []
  for (const n of ROUND_MONTHS_AROUND) {
    const window = ctx.homeVisitWindow(n)
    // Outside February and August vitaminADue names a later round: nothing to read.
    if (window === undefined || !isVitaminAMonth(window.month)) continue
    const { month, openDay, dueFrom, dueTo } = window
    if (member.birthDate > dueFrom) continue
    // Read as on the first day of the home-visit window, with the capsules given before it.
    const status = vitaminADue(
      member.birthDate,
      givenOn.filter((v) => v.date < dueFrom).map((v) => v.date),
      dueFrom,
    )
    if (status.round !== month || status.state !== 'due' || !status.capsule) continue
    const done = givenOn.find((v) => v.date >= dueFrom && v.date <= dueTo)
    const capsule = status.capsule === 'biru' ? { id: 'biru', en: 'blue' } : { id: 'merah', en: 'red' }
    const draft: TaskDraft = {
      rule: 'vitamin_a',
      member,
      reason: {
        id: `Vitamin A kapsul ${capsule.id} belum diberikan (hari buka ${toDayMonthYear(openDay)}) — kunjungi rumah`,
        en: `Vitamin A (${capsule.en} capsule) not given (open day ${openDay}) — home visit`,
      },
      dueFrom,
      dueTo,
      lastDay: dueTo,
      source: SOURCE_VIT_A,
    }
    drafts.push(doneByVisit(draft, done))
  }
  return drafts
}
