// Referrals of the month, by referrals/history.ts over each person's visits up to the month's last day (a visit that
// did not re-measure the problem never closes it): made = members with a referral opened in the month; open =
// members with one open on the last day; closed = members with one closed in the month (by a follow-up, or a visit
// that re-measured it) and nothing open at the month's end (closed and open never overlap).
import {
  type CaseClosure,
  problemItemOf,
  type Referral,
  type ReferralVisit,
  referralHistory,
} from '../referrals'
import type { Month } from './month'
import type { Register } from './register'
import { Tally } from './tally'
import type { PwsFollowUp, PwsReport } from './types'

/** Flags referralMade, referralOpen and referralClosed on the register, in that order. */
export function referralsSection(
  month: Month,
  allFollowUps: readonly PwsFollowUp[],
  register: Register,
): PwsReport['referrals'] {
  const { first } = month
  const referrals = monthReferrals(month, allFollowUps)
  const made = new Tally()
  for (const r of referrals) {
    if (r.openedOn < first) continue
    made.add(r.memberId)
    register.flag(r.memberId, 'referralMade', r.findings)
  }
  const open = new Tally()
  for (const r of referrals) {
    if (r.closed) continue
    open.add(r.memberId)
    register.flag(r.memberId, 'referralOpen', r.findings)
  }
  // A T closed while the BP referral waits is still open.
  const closed = new Tally()
  for (const r of referrals) {
    if (!r.closed || r.closed.on < first || open.ids.has(r.memberId)) continue
    closed.add(r.memberId)
    register.flag(r.memberId, 'referralClosed', r.findings)
  }
  return { made: made.count(), closed: closed.count(), open: open.count() }
}

/** Every referral of the month's people over their visits and follow-ups up to the month's last day. */
export function monthReferrals(month: Month, allFollowUps: readonly PwsFollowUp[]): Referral[] {
  const { people, visitMember, read, last } = month
  const followUps = allFollowUps.filter((f) => !f.deleted && f.date <= last && visitMember.has(f.visitId))
  const visits: ReferralVisit[] = []
  // A case closed by the month's last day closes its open referrals on its date (referrals/history.ts).
  const closures = new Map<string, CaseClosure>()
  for (const [id, person] of people) {
    const c = person.member.closure
    if (c && c.date <= last) closures.set(id, { date: c.date, reason: c.reason })
    for (const v of person.visits) {
      visits.push({
        id: v.id,
        memberId: id,
        date: v.date,
        findings: read(person, v).all.filter((f) => problemItemOf(f.code) !== undefined),
        ...(v.referrals ? { referrals: v.referrals } : {}),
      })
    }
  }
  return referralHistory(visits, followUps, closures)
}
