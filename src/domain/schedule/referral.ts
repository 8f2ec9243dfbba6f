// Referral follow-up ("referral made but no return", clinical-rules.md §3.1) by referrals.ts openReferrals, and the
// findings it reads by visit-findings.ts referralFindings (visitFindings' 'rujuk' findings).
import { toDayMonthYear } from '../dates'
import { CLOSING_OUTCOMES, openReferrals, type ReferralVisit } from '../referrals'
import { referralFindings } from '../visit-findings'
import { addDays } from './calendar'
import type { CurrentVisits, RuleContext, TaskDraft } from './task'
import type { ScheduleFollowUp, ScheduleMember } from './types'

// The kader reports weekly to the pustu, where the Form tindak lanjut is reviewed (clinical-rules.md §3.1 [V]): by the
// next weekly meeting she should know whether the member went. So the follow-up is due within 7 days of the
// referral; after that it stays overdue — an open referral never stops mattering — until a follow-up closes it or
// a later visit no longer refers (openReferrals' rules).
export const REFERRAL_FOLLOW_UP_DAYS = 7

const SOURCE =
  'Panduan Pengelolaan Posyandu 2023: kunjungan khusus "referral follow-up", Form tindak lanjut ' +
  '(clinical-rules.md §3.1) [V]; 7 days: project rule (weekly report)'

/**
 * One task per member at most: the open referral of the member's deciding visit (openReferrals), due from the day
 * after the referral through day REFERRAL_FOLLOW_UP_DAYS. Done when follow-ups saying the member went close every
 * 'rujuk' finding of that visit; `doneBy` is the last closing follow-up.
 */
export function referralTasks(member: ScheduleMember, visits: CurrentVisits, ctx: RuleContext): TaskDraft[] {
  // openReferrals decides by the member's latest current visit, the last of `visits` (sorted by date, then id):
  // only that visit is read, and only its follow-ups can close the referral.
  const latest = visits.at(-1)
  if (!latest) return []
  const decided: ReferralVisit = {
    id: latest.id,
    memberId: latest.memberId,
    date: latest.date,
    // The whole list as history: referralFindings leaves out the visit itself (same id).
    findings: referralFindings(latest, member, visits, ctx.settings, {
      jeEndemic: ctx.jeEndemic,
    }),
  }
  // Most latest visits refer nothing: no need to ask openReferrals.
  if (decided.findings.length === 0) return []
  const referred = openReferrals([decided], [])[0]
  if (!referred) return []
  const followUps = ctx.followUpsByVisit.get(latest.id) ?? []
  const open = followUps.length === 0 ? referred : openReferrals([decided], followUps)[0]
  const shown = open ?? referred
  const closing = open
    ? undefined
    : followUps
        .filter(
          (f) =>
            f.visitId === referred.visitId &&
            CLOSING_OUTCOMES.includes(f.outcome) &&
            referred.findings.some((x) => x.code === f.findingCode),
        )
        .reduce<ScheduleFollowUp | undefined>(
          (last, f) => (!last || f.date >= last.date ? f : last),
          undefined,
        )
  const messages = shown.findings.map((f) => f.message)
  const date = toDayMonthYear(referred.date)
  return [
    {
      rule: 'rujukan',
      member,
      reason: {
        id: `Tindak lanjut rujukan ${date}: ${messages.map((m) => m.id).join('; ')}`,
        en: `Referral follow-up (${referred.date}): ${messages.map((m) => m.en).join('; ')}`,
      },
      dueFrom: addDays(referred.date, 1),
      dueTo: addDays(referred.date, REFERRAL_FOLLOW_UP_DAYS),
      ...(closing ? { doneBy: closing.id, doneOn: closing.date } : {}),
      source: SOURCE,
    },
  ]
}
