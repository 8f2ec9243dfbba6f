// Monthly rules keyed to the posyandu open day: whoever should have come and was not seen by the open day gets a
// home visit from the next day to the end of the month.

import { ageOn } from '../age'
import type { LifeStage } from '../lifecycle'
import { endedByDelivery, pregnancy } from '../lifecycle'
import { expectedReason } from '../openday/expected'
import { sayDate } from '../say'
import type { Bilingual } from '../text'
import { monthStart } from './calendar'
import { type CurrentVisits, doneByVisit, type RuleContext, type TaskDraft, UNDER_SIX } from './task'
import type { ScheduleMember, ScheduleVisit, TaskRule } from './types'

// SKDN counts balita 0–59 months (clinical-rules.md §3.2 [V]); older children are not weighed monthly.
const BALITA_MONTHS = 60

/**
 * Balita not weighed this month — kunjungan khusus "balita not weighed" (clinical-rules.md §3.1 [V]); D of SKDN counts
 * weighings "at posyandu or home visit" (§3.2 [V]). Weighed on or before the open day: no task. Otherwise due from
 * the day after the open day to the end of the month, done by a weighing at home in that window. Never 'overdue':
 * a weighing next month counts for next month (N/T are read month by month, §2.1), so after the month's last day
 * the task is 'expired' and next month's task takes over.
 */
export function balitaNotWeighed(
  member: ScheduleMember,
  visits: CurrentVisits,
  ctx: RuleContext,
  stage: LifeStage,
): TaskDraft[] {
  if (!UNDER_SIX.has(stage)) return [] // under 60 months at last month's open day: under 6 today
  return monthly(member, visits, ctx, {
    rule: 'balita_timbang',
    eligible: (openDay) =>
      member.birthDate <= openDay && ageOn(member.birthDate, openDay).totalMonths < BALITA_MONTHS,
    counts: (v) => v.parts.balita?.weightKg !== undefined,
    reason: (openDay) => ({
      id: `Belum ditimbang bulan ini (hari buka ${sayDate(openDay).id}) — kunjungi rumah untuk menimbang`,
      en: `Not weighed this month (open day ${sayDate(openDay).en}) — home visit to weigh`,
    }),
    source: 'Panduan Pengelolaan Posyandu 2023, kunjungan khusus; SKDN (clinical-rules.md §3.1, §3.2) [V]',
  })
}

/**
 * Ibu hamil not seen this month: bumil are served at every monthly open day (clinical-rules.md §1.2 [V], "CKG khusus …
 * ibu hamil & balita at Posyandu monthly" [S]) and are a kunjungan khusus group (§3.1 [V]). Same window as the
 * balita rule; a visit with the ibu hamil part counts. Dropped once she has delivered (the KF visits take over).
 */
export function bumilNotSeen(member: ScheduleMember, visits: CurrentVisits, ctx: RuleContext): TaskDraft[] {
  const { hpht, deliveryDate } = member
  if (member.sex !== 'P' || hpht === undefined) return []
  if (endedByDelivery(hpht, ctx.today, deliveryDate)) return []
  return monthly(member, visits, ctx, {
    rule: 'bumil_kontak',
    eligible: (openDay) => pregnancy(hpht, openDay, deliveryDate) !== undefined,
    // A copy of the Buku KIA (its past ANC contacts) is not a meeting.
    counts: (v) => v.parts.ibu_hamil !== undefined && v.place !== 'buku_kia',
    reason: (openDay) => ({
      id: `Ibu hamil belum diperiksa bulan ini (hari buka ${sayDate(openDay).id}) — kunjungan rumah`,
      en: `Pregnant woman not seen this month (open day ${sayDate(openDay).en}) — home visit`,
    }),
    source:
      'Panduan Pengelolaan Posyandu 2023 (clinical-rules.md §1.2, §3.1) [V]; CKG bumil bulanan (§1.2) [S]',
  })
}

/**
 * Whoever else the open day expected (openday/expected.ts) and did not come: the anak prasekolah, 60–71 months,
 * weighed monthly like a balita (clinical-rules.md §1.2) but outside balitaNotWeighed, and the remaja, dewasa and
 * lansia who come every month — kunjungan khusus for "tidak mengakses pelayanan kesehatan" (§3.1). Ibu hamil and
 * nifas have their own rules (bumilNotSeen, KF). Any meeting in the window does it.
 */
export function openDayAbsent(member: ScheduleMember, visits: CurrentVisits, ctx: RuleContext): TaskDraft[] {
  return monthly(member, visits, ctx, {
    rule: 'posyandu_absen',
    eligible: (openDay) => {
      const reason = expectedReason(member, visits, openDay)
      return (
        reason === 'rutin' ||
        (reason === 'timbang' && ageOn(member.birthDate, openDay).totalMonths >= BALITA_MONTHS)
      )
    },
    // A copy of the Buku KIA is not a meeting.
    counts: (v) => v.place !== 'buku_kia',
    reason: (openDay) => ({
      id: `Tidak datang ke posyandu (hari buka ${sayDate(openDay).id}) — kunjungan rumah`,
      en: `Did not come to the posyandu (open day ${sayDate(openDay).en}) — home visit`,
    }),
    source: 'Panduan Pengelolaan Posyandu 2023, kunjungan khusus (clinical-rules.md §1.2, §3.1) [V]',
  })
}

interface MonthlyRule {
  rule: TaskRule
  /** Whether the member should have come on this open day. */
  eligible: (openDay: string) => boolean
  /** Whether a visit is the service the rule asks for. */
  counts: (v: ScheduleVisit) => boolean
  reason: (openDay: string) => Bilingual
  source: string
}

// Last month too: its task shows as done or expired for the first days of this month (task.ts RECENT_DAYS).
const MONTHS_BACK = [-1, 0]

function monthly(
  member: ScheduleMember,
  visits: CurrentVisits,
  ctx: RuleContext,
  rule: MonthlyRule,
): TaskDraft[] {
  const drafts: TaskDraft[] = []
  for (const n of MONTHS_BACK) {
    const window = ctx.homeVisitWindow(n)
    if (window === undefined || !rule.eligible(window.openDay)) continue
    const { openDay, dueFrom, dueTo } = window
    const monthFrom = monthStart(openDay)
    const served = visits.filter((v) => rule.counts(v) && v.date >= monthFrom && v.date <= ctx.today)
    if (served.some((v) => v.date <= openDay)) continue
    const done = served.find((v) => v.date >= dueFrom && v.date <= dueTo)
    const draft: TaskDraft = {
      rule: rule.rule,
      member,
      reason: rule.reason(openDay),
      dueFrom,
      dueTo,
      lastDay: dueTo,
      source: rule.source,
    }
    drafts.push(doneByVisit(draft, done))
  }
  return drafts
}
