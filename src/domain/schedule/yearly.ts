// Yearly screening of dewasa (PTM, TBC, jiwa: the dewasa part) and lansia (AKS + SKILAS: the lansia part) —
// "annual screens (SRQ-20, PTM, lansia AKS/SKILAS) overdue" (clinical-rules.md §3.1 [V]); lansia "at least once a
// year" (§2.5 [S]); SRQ-20 "at least once a year" (§2.4 [V]).

import type { LifeStage } from '../lifecycle'
import type { Bilingual } from '../text'
import { addDays, addMonths, later } from './calendar'
import { type CurrentVisits, doneByVisit, type RuleContext, type TaskDraft } from './task'
import type { ScheduleMember, ScheduleVisit, TaskRule } from './types'

const SCREENING_INTERVAL_MONTHS = 12
// Project rule: due during the month after the anniversary — long enough to fold it into a routine visit or the
// next open day — then overdue. It never expires: a yearly screening is always worth doing.
const DUE_FOR_MONTHS = 1

interface YearlyRule {
  rule: TaskRule
  /** Age in years at which the stage, and so the first screening, starts (lifecycle.ts bands). */
  fromYears: number
  counts: (v: ScheduleVisit) => boolean
  reason: Bilingual
  source: string
}

const DEWASA: YearlyRule = {
  rule: 'skrining_dewasa',
  fromYears: 19, // dewasa 19–59 y: Panduan Posyandu 2023 (clinical-rules.md §1.2) [V]
  // The lansia part holds every dewasa field, so a lansia-form visit counts too.
  counts: (v) => v.parts.dewasa !== undefined || v.parts.lansia !== undefined,
  reason: {
    id: 'Skrining tahunan usia dewasa (PTM, TBC, jiwa) — kunjungi atau ajak ke posyandu',
    en: 'Yearly adult screening (NCD, TB, mental health) — visit or invite to the posyandu',
  },
  source: 'Juknis ILP: skrining PTM/jiwa tahunan (clinical-rules.md §2.4 [V], §3.1 [V])',
}

const LANSIA: YearlyRule = {
  rule: 'skrining_lansia',
  fromYears: 60, // lansia ≥ 60 y: Panduan Posyandu 2023 (clinical-rules.md §1.2) [V]
  // AKS and SKILAS are the yearly lansia instruments (§2.5): both must be filled in.
  counts: (v) => v.parts.lansia?.skilas !== undefined && v.parts.lansia.aks !== undefined,
  reason: {
    id: 'Skrining tahunan lansia (SKILAS + AKS) — kunjungi atau ajak ke posyandu',
    en: 'Yearly older-person screening (SKILAS + ADL) — visit or invite to the posyandu',
  },
  source: 'Juknis ILP: AKS + SKILAS minimal setahun sekali (clinical-rules.md §2.5 [S], §3.1 [V])',
}

/**
 * Windows chain from the last screening: the next is due from its anniversary (or, never screened, from the day
 * the stage began) for DUE_FOR_MONTHS, then overdue. A screening on or after the window's start does it; the
 * window it did is listed as done for a week, and the next one opens a year on.
 */
export function yearlyScreeningTasks(
  member: ScheduleMember,
  visits: CurrentVisits,
  ctx: RuleContext,
  stage: LifeStage,
): TaskDraft[] {
  const rule = stage === 'dewasa' ? DEWASA : stage === 'lansia' ? LANSIA : undefined
  if (!rule) return []
  // The birthday in that year; born on 29 February → 1 March in a common year, the day ageOn (age.ts) turns it.
  const stageStart = addMonths(member.birthDate, rule.fromYears * 12)
  // The last two screenings (visits are oldest first).
  let last: ScheduleVisit | undefined
  let previous: ScheduleVisit | undefined
  for (let i = visits.length - 1; i >= 0 && previous === undefined; i -= 1) {
    const v = visits[i] as ScheduleVisit
    if (!rule.counts(v)) continue
    if (last === undefined) last = v
    else previous = v
  }
  const drafts: TaskDraft[] = []
  const next = windowAfter(last, stageStart)
  // Not done, so listed once it is due or opens within the horizon (task.ts toTask): most open next year.
  if (next <= ctx.horizon) drafts.push(draft(rule, member, next))
  const doneWindow = windowAfter(previous, stageStart)
  if (last && last.date >= doneWindow) drafts.push(draft(rule, member, doneWindow, last))
  return drafts
}

function windowAfter(screening: ScheduleVisit | undefined, stageStart: string): string {
  return screening === undefined
    ? stageStart
    : later(addMonths(screening.date, SCREENING_INTERVAL_MONTHS), stageStart)
}

function draft(rule: YearlyRule, member: ScheduleMember, dueFrom: string, done?: ScheduleVisit): TaskDraft {
  const d: TaskDraft = {
    rule: rule.rule,
    member,
    reason: rule.reason,
    dueFrom,
    dueTo: addDays(addMonths(dueFrom, DUE_FOR_MONTHS), -1),
    source: rule.source,
  }
  return doneByVisit(d, done)
}
