// Open referrals: the 'rujuk' findings the kader still has to follow up ("referral made but no return",
// ilp-domain.md §3.1 — a kunjungan khusus trigger and the Form tindak lanjut).
//
// Rules:
//   - per member, the latest visit that no correction supersedes decides: what it refers is what is open, so a
//     correction that no longer refers, or a later visit where the problem is gone, clears the list;
//   - each of its 'rujuk' findings stays open until a follow-up for that visit and finding code says the member
//     went (sudah_ke_pustu, sudah_ke_puskesmas); 'belum_berangkat' and 'menolak' leave it open;
//   - oldest visit first: the member waiting longest is on top.
import { daysBetween } from './dates'
import type { Finding } from './findings'

export type FollowUpOutcome = 'sudah_ke_pustu' | 'sudah_ke_puskesmas' | 'belum_berangkat' | 'menolak'

/** Outcomes that close a referred finding: the member reached the pustu or puskesmas. */
export const CLOSING_OUTCOMES: readonly FollowUpOutcome[] = ['sudah_ke_pustu', 'sudah_ke_puskesmas']

export interface ReferralVisit {
  id: string
  memberId: string
  /** 'YYYY-MM-DD' */
  date: string
  /** Id of the visit that corrects this one, when known. */
  supersededBy?: string
  /** Id of the visit this one corrects (the stored record's field); marks that visit superseded too. */
  supersedes?: string
  /** The visit's findings (visit-findings.ts). */
  findings: readonly Finding[]
}

export interface ReferralFollowUp {
  /** The stored follow-up's id (the UI shows its sync mark). */
  id?: string
  visitId: string
  findingCode: string
  /** 'YYYY-MM-DD' */
  date: string
  outcome: FollowUpOutcome
}

export interface Referral {
  memberId: string
  visitId: string
  /** The visit date: when the referral was made. */
  date: string
  /** The visit's 'rujuk' findings still open. */
  findings: Finding[]
  /** The latest follow-up of this visit about one of the open findings (belum berangkat / menolak). */
  lastFollowUp?: ReferralFollowUp
}

/**
 * Open referrals, one per member at most, oldest first (ties by member id). Among a member's visits not superseded
 * the latest date decides; two on the same day are told apart by id — ids are UUID v7 (data/ids.ts), which sort in
 * creation order.
 */
export function openReferrals(
  visits: readonly ReferralVisit[],
  followUps: readonly ReferralFollowUp[],
): Referral[] {
  const superseded = new Set<string>()
  for (const v of visits) {
    if (v.supersededBy) superseded.add(v.id)
    if (v.supersedes) superseded.add(v.supersedes)
  }
  const latest = new Map<string, ReferralVisit>()
  for (const v of visits) {
    if (superseded.has(v.id)) continue
    const kept = latest.get(v.memberId)
    if (!kept || v.date > kept.date || (v.date === kept.date && v.id > kept.id)) latest.set(v.memberId, v)
  }

  const byVisit = followUpsByVisit(followUps)
  const referrals: Referral[] = []
  for (const v of latest.values()) {
    const own = byVisit.get(v.id) ?? []
    const closed = new Set(own.filter((f) => CLOSING_OUTCOMES.includes(f.outcome)).map((f) => f.findingCode))
    const open = v.findings.filter((f) => f.level === 'rujuk' && !closed.has(f.code))
    if (open.length === 0) continue
    const openCodes = new Set(open.map((f) => f.code))
    // The latest by date; on the same date the one recorded later in the list.
    const lastFollowUp = own
      .filter((f) => openCodes.has(f.findingCode))
      .reduce<ReferralFollowUp | undefined>((last, f) => (!last || f.date >= last.date ? f : last), undefined)
    referrals.push({
      memberId: v.memberId,
      visitId: v.id,
      date: v.date,
      findings: open,
      ...(lastFollowUp ? { lastFollowUp } : {}),
    })
  }
  return referrals.sort((a, b) => compare(a.date, b.date) || compare(a.memberId, b.memberId))
}

/** Follow-ups grouped by the visit they follow up, in their given order (one pass, not one scan per visit). */
function followUpsByVisit(followUps: readonly ReferralFollowUp[]): Map<string, ReferralFollowUp[]> {
  const byVisit = new Map<string, ReferralFollowUp[]>()
  for (const f of followUps) {
    const list = byVisit.get(f.visitId)
    if (list) list.push(f)
    else byVisit.set(f.visitId, [f])
  }
  return byVisit
}

/** Whole days since the referral was made (0 on the day itself, never negative). */
export function referralDaysWaiting(referral: Pick<Referral, 'date'>, today: string): number {
  return Math.max(0, daysBetween(referral.date, today))
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
