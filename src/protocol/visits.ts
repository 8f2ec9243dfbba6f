// Visit and follow-up records. Apart from records.ts because a visit's payload schemas (visit-parts.ts) pull in
// the screening rules' constants: only the screens and the sync engine that read visits load them, not the first
// screen.
import * as z from 'zod/mini'
import { OPEN_DAY_SERVICES } from '../domain/openday/services'
import { PENYULUHAN_TOPICS } from '../domain/openday/topics'
import { DESTINATIONS, REFERRAL_PROBLEMS } from '../domain/referrals/problems'
import { errorKey } from './error-messages'
import { id, isoDate, optionalText, syncMeta } from './records'
import { visitParts } from './visit-parts'

/** Where the kader sends the person for a referred problem (domain/referrals/problems.ts). */
export const referralChoice = z.object({
  problem: z.enum(REFERRAL_PROBLEMS, { error: errorKey('err.invalid') }),
  destination: z.enum(DESTINATIONS, { error: errorKey('err.referral.destination') }),
})

/** Where the visit happened; 'buku_kia': not a meeting but a copy of the Buku KIA (past doses and contacts). */
export const VISIT_PLACES = ['posyandu', 'rumah', 'buku_kia'] as const
export type VisitPlace = (typeof VISIT_PLACES)[number]

/**
 * A visit: one meeting with one member — on the posyandu's open day (hari buka) or at home — and what was measured
 * and asked, one payload per screening part (visit-parts.ts). Immutable once saved: a correction is a new visit
 * naming the one it `supersedes`, so visits never conflict in sync. At the open day a person's later step on the
 * same phone (measured after the check-in) supersedes the earlier one the same way.
 */
export const visitInput = z.object({
  memberId: id,
  date: isoDate,
  place: z.enum(VISIT_PLACES, errorKey('err.visit.place')),
  supersedes: z.optional(id),
  parts: visitParts,
  note: optionalText(500),
  /** Langkah 1 of the open day: registered at the posyandu's table; alone, it records that the person came. */
  checkedIn: z.optional(z.literal(true, { error: 'err.invalid' })),
  /** Langkah 4: services given that no screening part has a field for (PMT, TTD, oralit). */
  services: z.optional(z.array(z.enum(OPEN_DAY_SERVICES, { error: 'err.invalid' }))),
  /** Langkah 5: the penyuluhan topics. */
  topics: z.optional(z.array(z.enum(PENYULUHAN_TOPICS, { error: 'err.invalid' }))),
  /** The destination the kader chose for each problem the visit refers (the default is not stored). */
  referrals: z.optional(
    z.array(referralChoice).check(z.maxLength(REFERRAL_PROBLEMS.length, errorKey('err.invalid'))),
  ),
})
export type VisitInput = z.infer<typeof visitInput>
export const visit = z.object({
  ...syncMeta,
  ...visitInput.shape,
  /** Copied from the member and household at save time: scope checks and work-area lists need no joins. */
  householdId: id,
  workAreaId: z.string().check(z.minLength(1)),
  /** Who recorded it: the kader's name from settings (the sync issue replaces it with the account). */
  kader: optionalText(100),
})
export type Visit = z.infer<typeof visit>

/**
 * sampai: reached the facility (where: `facility`, what was done: `result`); belum_berangkat: not yet (keeps the
 * referral open); menolak: refused (why: `result`, required); pindah, meninggal. sudah_ke_pustu and
 * sudah_ke_puskesmas were recorded before 'sampai' existed and are still read (domain/referrals/history.ts).
 */
export const FOLLOW_UP_OUTCOMES = [
  'sampai',
  'belum_berangkat',
  'menolak',
  'pindah',
  'meninggal',
  'sudah_ke_pustu',
  'sudah_ke_puskesmas',
] as const
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number]

interface FollowUpFields {
  problem?: string
  findingCode?: string
  outcome: FollowUpOutcome
  facility?: string
  result?: string
}

/** A follow-up names what it follows up; "sampai" says where, "menolak" why. */
function followUpChecks() {
  return [
    z.refine<FollowUpFields>((f) => f.problem !== undefined || f.findingCode !== undefined, {
      error: errorKey('err.required'),
      path: ['problem'],
    }),
    z.refine<FollowUpFields>((f) => f.outcome !== 'sampai' || f.facility !== undefined, {
      error: errorKey('err.followUp.facility'),
      path: ['facility'],
    }),
    z.refine<FollowUpFields>((f) => f.outcome !== 'menolak' || (f.result ?? '') !== '', {
      error: errorKey('err.followUp.reason'),
      path: ['result'],
    }),
  ]
}

/** What became of a referral: recorded by the kader after asking; immutable like visits. */
export const followUpInput = z
  .object({
    /** A visit of the referral (the one that opened it, as the referral list names it). */
    visitId: id,
    /** The referral's problem (domain/referrals/problems.ts). */
    problem: z.optional(z.enum(REFERRAL_PROBLEMS, { error: errorKey('err.invalid') })),
    /** Recorded before problems existed: the finding code followed up (read as its problem). */
    findingCode: z.optional(z.string().check(z.minLength(1))),
    date: isoDate,
    outcome: z.enum(FOLLOW_UP_OUTCOMES, errorKey('err.followUp.outcome')),
    /** Where the person arrived ('sampai'). */
    facility: z.optional(z.enum(DESTINATIONS, { error: errorKey('err.followUp.facility') })),
    /** Hasil: what the facility said or did; for 'menolak', why. */
    result: optionalText(300),
  })
  .check(...followUpChecks())
export type FollowUpInput = z.infer<typeof followUpInput>
export const followUp = z
  .object({
    ...syncMeta,
    ...followUpInput.shape,
    memberId: id,
    householdId: id,
    workAreaId: z.string().check(z.minLength(1)),
  })
  .check(...followUpChecks())
export type FollowUp = z.infer<typeof followUp>
