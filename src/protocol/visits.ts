// Visit and follow-up records. Apart from records.ts because a visit's payload schemas (visit-parts.ts) pull in
// the screening rules' constants: only the screens and the sync engine that read visits load them, not the first
// screen.
import * as z from 'zod/mini'
import { OPEN_DAY_SERVICES } from '../domain/openday/services'
import { PENYULUHAN_TOPICS } from '../domain/openday/topics'
import { errorKey } from './error-messages'
import { id, isoDate, optionalText, syncMeta } from './records'
import { visitParts } from './visit-parts'

export const VISIT_PLACES = ['posyandu', 'rumah'] as const
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

export const FOLLOW_UP_OUTCOMES = [
  'sudah_ke_pustu',
  'sudah_ke_puskesmas',
  'belum_berangkat',
  'menolak',
] as const
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number]

/** What became of a referral: recorded by the kader after asking; immutable like visits. */
export const followUpInput = z.object({
  visitId: id,
  /** The finding code of the visit that was referred (src/domain findings). */
  findingCode: z.string().check(z.minLength(1)),
  date: isoDate,
  outcome: z.enum(FOLLOW_UP_OUTCOMES, errorKey('err.followUp.outcome')),
  /** Hasil: what the pustu/puskesmas said or did. */
  result: optionalText(300),
})
export type FollowUpInput = z.infer<typeof followUpInput>
export const followUp = z.object({
  ...syncMeta,
  ...followUpInput.shape,
  memberId: id,
  householdId: id,
  workAreaId: z.string().check(z.minLength(1)),
})
export type FollowUp = z.infer<typeof followUp>
