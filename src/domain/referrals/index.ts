// Referrals: what the kader has sent someone to the pustu or puskesmas for, and whether it has been followed up
// ("referral made but no return", clinical-rules.md §3.1 — a kunjungan khusus trigger and the Form tindak lanjut).
// problems.ts says what a referral is about; history.ts how it opens and closes.
import { daysBetween } from '../dates'

export {
  type CaseClosure,
  CLOSING_OUTCOMES,
  compareReferrals,
  type FollowUpOutcome,
  followUpProblem,
  memberReferrals,
  REFERRAL_FOLLOW_UP_DAYS,
  type Referral,
  type ReferralClose,
  type ReferralFollowUp,
  type ReferralVisit,
  referralHistory,
  referralState,
  URGENT_FOLLOW_UP_DAYS,
  type Urgency,
} from './history'
export {
  DESTINATION_LABELS,
  DESTINATIONS,
  type Destination,
  defaultDestination,
  type FindingGroup,
  findingGroups,
  isReferralProblem,
  PROBLEM_LABELS,
  type ProblemItem,
  problemItemOf,
  problemOf,
  REFERRAL_PROBLEMS,
  type ReferralProblem,
} from './problems'

/** Whole days since the referral was made (0 on the day itself, never negative). */
export function referralDaysWaiting(referral: { openedOn: string }, today: string): number {
  return Math.max(0, daysBetween(referral.openedOn, today))
}
