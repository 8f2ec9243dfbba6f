// Referral follow-up ("referral made but no return", clinical-rules.md §3.1): one task per member with an open
// referral (referrals/history.ts, over all the member's visits — a later visit that did not re-measure the problem
// never closes it), and the findings it reads by visit-findings.ts problemFindings.

import type { Finding } from '../findings'
import {
  type CaseClosure,
  memberReferrals,
  PROBLEM_LABELS,
  type Referral,
  type ReferralFollowUp,
} from '../referrals'
import { sayDate } from '../say'
import { memberProblemFindings } from '../visit-findings'
import type { CurrentVisits, RuleContext, TaskDraft } from './task'
import type { ScheduleMember } from './types'

export { REFERRAL_FOLLOW_UP_DAYS } from '../referrals'

const SOURCE =
  'Panduan Pengelolaan Posyandu 2023: kunjungan khusus "referral follow-up", Form tindak lanjut ' +
  '(clinical-rules.md §3.1) [V]; windows: clinical-rules.md §3.1'

/**
 * The member's referrals on ctx.today, read from every current visit (each visit's findings at its own date) and
 * the follow-ups up to today; a closed case closes what is open on its date.
 */
export function referralsOf(member: ScheduleMember, visits: CurrentVisits, ctx: RuleContext): Referral[] {
  const findings = memberProblemFindings(visits, member, ctx.settings, { jeEndemic: ctx.jeEndemic })
  const referralVisits = visits.map((v, i) => ({
    id: v.id,
    memberId: v.memberId,
    date: v.date,
    findings: findings[i] as Finding[],
    ...(v.referrals ? { referrals: v.referrals } : {}),
  }))
  const followUps: ReferralFollowUp[] = []
  for (const v of visits) for (const f of ctx.followUpsByVisit.get(v.id) ?? []) followUps.push(f)
  const closure = caseClosure(member, ctx.today)
  return memberReferrals(referralVisits, followUps, closure)
}

export function caseClosure(member: ScheduleMember, today: string): CaseClosure | undefined {
  const c = member.closure
  return c && c.date <= today ? { date: c.date, reason: c.reason } : undefined
}

/**
 * One task per member: the follow-up of every referral open today, 'rujukan_segera' when one of them is segera.
 * Its window is the earliest of theirs (history.ts: segera the same day and the next, biasa the next 7 days); it
 * stays overdue until they close. With none open, the last one closed is listed as done for a week.
 */
export function referralTasks(member: ScheduleMember, visits: CurrentVisits, ctx: RuleContext): TaskDraft[] {
  if (visits.length === 0) return []
  const referrals = ctx.referrals(member, visits)
  if (referrals.length === 0) return []
  const open = referrals.filter((r) => !r.closed)
  if (open.length > 0) return [draft(member, open)]
  const last = referrals.reduce((a, b) => ((b.closed?.on ?? '') >= (a.closed?.on ?? '') ? b : a))
  const closed = last.closed
  // A case closed is not a follow-up done: the person left the list with the case (keeper.ts).
  if (!closed || closed.by === 'case') return []
  const done = draft(member, [last])
  done.doneOn = closed.on
  done.doneBy = closed.by === 'followUp' ? (closed.followUp.id ?? last.openedBy) : closed.visitId
  return [done]
}

function draft(member: ScheduleMember, referrals: readonly Referral[]): TaskDraft {
  const urgent = referrals.some((r) => r.urgency === 'segera')
  const dueFrom = referrals.map((r) => r.dueFrom).sort()[0] as string
  const dueTo = referrals.map((r) => r.dueTo).sort()[0] as string
  const since = referrals.map((r) => r.openedOn).sort()[0] as string
  const names = (lang: 'id' | 'en') =>
    referrals
      .map(
        (r) =>
          `${PROBLEM_LABELS[r.problem][lang]}${r.urgency === 'segera' ? (lang === 'id' ? ' (segera)' : ' (urgent)') : ''}`,
      )
      .join(', ')
  const when = sayDate(since)
  return {
    rule: urgent ? 'rujukan_segera' : 'rujukan',
    member,
    reason: {
      id: `Tindak lanjut rujukan sejak ${when.id}: ${names('id')}`,
      en: `Referral follow-up since ${when.en}: ${names('en')}`,
    },
    dueFrom,
    dueTo,
    source: SOURCE,
  }
}
