// Referrals of the month: made = members with a 'rujuk' finding on a current visit in the month; open =
// referrals.ts openReferrals on the records up to the month's last day; closed = members with a follow-up in the
// month saying they went (CLOSING_OUTCOMES) and nothing open at the month's end (closed and open never overlap).
import { CLOSING_OUTCOMES, openReferrals, type ReferralVisit } from '../referrals'
import type { Month, Person } from './month'
import type { Register } from './register'
import { Tally } from './tally'
import type { PwsFollowUp, PwsReport } from './types'

/** Flags referralMade, referralOpen and referralClosed on the register, in that order. */
export function referralsSection(
  month: Month,
  allFollowUps: readonly PwsFollowUp[],
  register: Register,
): PwsReport['referrals'] {
  const { people, visitMember, read, first, last } = month
  const made = new Tally()
  for (const [id, person] of people) {
    for (const v of person.inMonth) {
      const rujuk = read(person, v).all.filter((f) => f.level === 'rujuk')
      if (rujuk.length > 0) {
        made.add(id)
        register.flag(id, 'referralMade', rujuk)
      }
    }
  }
  const followUps = allFollowUps.filter((f) => !f.deleted && f.date <= last && visitMember.has(f.visitId))
  // Only each person's latest visit can hold an open referral (openReferrals); only those with a 'rujuk' finding
  // and their follow-ups are handed over, so its per-visit scan of the follow-ups stays small.
  const latest: ReferralVisit[] = []
  for (const [id, person] of people) {
    const visit = person.visits.at(-1)
    if (!visit) continue
    const findings = read(person, visit).all
    if (findings.some((f) => f.level === 'rujuk'))
      latest.push({ id: visit.id, memberId: id, date: visit.date, findings })
  }
  const latestIds = new Set(latest.map((v) => v.id))
  const open = new Tally()
  for (const r of openReferrals(
    latest,
    followUps.filter((f) => latestIds.has(f.visitId)),
  )) {
    open.add(r.memberId)
    register.flag(r.memberId, 'referralOpen', r.findings)
  }
  // Closed: someone went this month and nothing is left open — a T followed up while the 2T waits is still open.
  const closed = new Tally()
  for (const f of followUps) {
    if (f.date < first || !CLOSING_OUTCOMES.includes(f.outcome)) continue
    const memberId = visitMember.get(f.visitId) as string
    if (open.ids.has(memberId)) continue
    closed.add(memberId)
    const person = people.get(memberId) as Person
    const visit = person.visits.find((v) => v.id === f.visitId)
    const behind = visit ? read(person, visit).all : []
    register.flag(
      memberId,
      'referralClosed',
      behind.filter((x) => x.code === f.findingCode),
    )
  }
  return { made: made.count(), closed: closed.count(), open: open.count() }
}
