// Record schemas: the one source of the record types, shared by the app (src/data stores them, src/sync sends them)
// and the server (server/ checks every pushed change against them).
// zod/mini keeps the client bundle ~18 KB gz smaller than classic zod with the same checks.
// Every message is an error key (error-messages.ts; errorKey() types it where zod takes a plain string), so the app
// shows it in Bahasa Indonesia or English.
import * as z from 'zod/mini'
import { type ErrorKey, errorKey } from './error-messages'

// RFC 9562 UUID, any version: ids are made on the device (UUID v7, see ids.ts) and must stay unique across devices.
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export const id = z.string().check(z.regex(UUID_RE, errorKey('err.id')))
/** A calendar date as written on a KTP or Buku KIA: YYYY-MM-DD, no time zone. */
export const isoDate = z.iso.date({ error: errorKey('err.date') })
/** An instant, UTC: YYYY-MM-DDTHH:mm:ss.sssZ. */
export const isoDateTime = z.iso.datetime({ error: errorKey('err.datetime') })

/**
 * Whether PostgreSQL can store a string as text and in JSON: no NUL and no lone surrogate (half of an emoji, cut
 * by a paste or a length limit). No kader means either, and one such character once made a whole push fail.
 */
export function isStorableText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0 || (c >= 0xdc00 && c <= 0xdfff)) return false
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false
      i++
    }
  }
  return true
}

/** The path to the first string or object key in `value` that isStorableText refuses; undefined when none. */
export function unstorableTextAt(value: unknown, path: readonly string[] = []): string[] | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : [...path]
  if (typeof value !== 'object' || value === null) return undefined
  for (const [key, v] of Object.entries(value)) {
    if (!isStorableText(key)) return [...path, key]
    const found = unstorableTextAt(v, [...path, key])
    if (found) return found
  }
  return undefined
}

const storable = z.refine<string>(isStorableText, errorKey('err.text.badChar'))
const text = (max: number, key: ErrorKey = 'err.required') =>
  z.string().check(z.trim(), z.minLength(1, key), z.maxLength(max, errorKey('err.tooLong')), storable)
export const optionalText = (max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, errorKey('err.tooLong')), storable))

// NIK and No. KK are 16 digits (Dukcapil; clinical-rules.md §4.1–4.2). Deeper NIK checks live in src/domain/nik.ts.
export const nik = z
  .string()
  .check(z.regex(/^\d+$/, errorKey('err.nik.digits')), z.length(16, errorKey('err.nik.length')))
export const noKk = z
  .string()
  .check(z.regex(/^\d+$/, errorKey('err.kk.digits')), z.length(16, errorKey('err.kk.length')))
// RT and RW are small numbers written with leading zeros ("003"); stored zero-padded to 3 digits.
export const rtRw = (key: 'rt' | 'rw') =>
  z.string().check(z.regex(/^\d{1,3}$/, errorKey(`err.${key}.digits`)))
/** "3" → "003", as Kemenkes registers write them, so that an RT filter matches however the kader typed it. */
export const padRtRw = (value: string): string => (/^\d{1,2}$/.test(value) ? value.padStart(3, '0') : value)
// Indonesian mobile numbers: 08… or +628…, 10–15 digits in all.
export const phone = z.string().check(z.regex(/^(\+62|0)8\d{7,12}$/, errorKey('err.phone')))

/** What sync needs on every record: who wrote it, when, and how many times. */
export const syncMeta = {
  id,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** The device that made the last change (ids.ts, kept in the meta table). */
  deviceId: z.string().check(z.minLength(1)),
  /** 1 on creation, +1 on every local change. */
  version: z.int().check(z.gte(1)),
  /** Soft delete: records are never removed, so that a deletion can sync as a tombstone. */
  deleted: z.boolean(),
}

export const gpsPoint = z.object({
  lat: z.number().check(z.gte(-90, errorKey('err.gps')), z.lte(90, errorKey('err.gps'))),
  lng: z.number().check(z.gte(-180, errorKey('err.gps')), z.lte(180, errorKey('err.gps'))),
  /** Radius of 68 % confidence in metres, as the Geolocation API reports it. */
  accuracyM: z.number().check(z.gte(0, errorKey('err.gps'))),
  capturedAt: isoDateTime,
})
export type GpsPoint = z.infer<typeof gpsPoint>

export const address = z.object({
  kabupaten: text(80),
  kecamatan: text(80),
  desa: text(80),
  /** Dusun / lingkungan / banjar / jorong: local names under the desa, no Kemendagri code (clinical-rules.md §4.3). */
  dusun: text(80),
  rw: rtRw('rw'),
  rt: rtRw('rt'),
  /** Street, house number or landmark ("depan masjid"). */
  street: optionalText(160),
})
export type Address = z.infer<typeof address>

export const householdFields = {
  workAreaId: z.string().check(z.minLength(1, errorKey('err.required'))),
  noKk: z.optional(noKk),
  headName: text(100),
  address,
  location: z.optional(gpsPoint),
}
export const householdInput = z.object(householdFields)
export type HouseholdInput = z.infer<typeof householdInput>
export const household = z.object({ ...syncMeta, ...householdFields })
export type Household = z.infer<typeof household>

export const SEXES = ['L', 'P'] as const
export const sex = z.enum(SEXES, errorKey('err.sex'))
export type Sex = z.infer<typeof sex>

/** Hubungan dengan kepala keluarga, as on the Kartu Keluarga. */
export const RELATIONS = [
  'kepala',
  'istri',
  'suami',
  'anak',
  'menantu',
  'cucu',
  'orang_tua',
  'mertua',
  'famili_lain',
  'lainnya',
] as const
export const relation = z.enum(RELATIONS, errorKey('err.relation'))
export type Relation = z.infer<typeof relation>

/** Why a case was closed: moved away, died, or not found at the address (issue 12; clinical-rules.md §3.1). */
export const CLOSE_REASONS = ['pindah', 'meninggal', 'tidak_ditemukan'] as const
export type CloseReason = (typeof CLOSE_REASONS)[number]

/**
 * A closed case: from `date` the person leaves the schedule and the PWS sasaran but keeps every record. One field,
 * so that closing and reopening merge as one change (merge.ts); reopening clears it.
 */
export const caseClosure = z.object({
  reason: z.enum(CLOSE_REASONS, errorKey('err.invalid')),
  date: isoDate,
  /** Pindah: where to; otherwise a short note. */
  note: optionalText(160),
  /** A death of a mother or baby reported to the bidan (the task "lapor segera ke bidan" is then done). */
  reportedOn: z.optional(isoDate),
})
export type CaseClosure = z.infer<typeof caseClosure>

/** How a pregnancy ended (the persalinan record, data/delivery.ts; clinical-rules.md §2.2). */
export const PREGNANCY_OUTCOMES = ['lahir_hidup', 'lahir_mati', 'keguguran'] as const
/** Tempat persalinan, as the PWS-KIA counts it: at a fasyankes, at home, on the way. */
export const DELIVERY_PLACES = ['fasyankes', 'rumah', 'perjalanan'] as const
/** Penolong persalinan: a health worker (bidan, dokter) or not (dukun, family). */
export const BIRTH_ATTENDANTS = ['nakes', 'non_nakes'] as const
const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, errorKey('err.visit.time')))

/**
 * The end of the woman's latest pregnancy: a birth (its time starts the KF windows) or a keguguran. One field,
 * merged as one change; the baby is a member of their own (motherId), with the birth weight as their first visit.
 */
export const delivery = z.object({
  date: isoDate,
  time: z.optional(clockTime),
  outcome: z.enum(PREGNANCY_OUTCOMES, errorKey('err.invalid')),
  place: z.optional(z.enum(DELIVERY_PLACES, errorKey('err.invalid'))),
  attendant: z.optional(z.enum(BIRTH_ATTENDANTS, errorKey('err.invalid'))),
})
export type Delivery = z.infer<typeof delivery>

export const memberFields = {
  householdId: id,
  nik: z.optional(nik),
  /** Set when the kader confirmed a NIK whose date/sex disagrees with the member (Dukcapil never changes a NIK). */
  nikMismatchConfirmed: z.optional(z.boolean()),
  name: text(100),
  sex,
  birthDate: isoDate,
  relation,
  phone: z.optional(phone),
  /** Hari pertama haid terakhir, while pregnant. */
  hpht: z.optional(isoDate),
  /** Tanggal persalinan, for the nifas period and the newborn's KN visits. */
  deliveryDate: z.optional(isoDate),
  /** Punya Buku KIA/KMS (a child's): SKDN's K. Absent until asked — not the same as "no". */
  hasKiaBook: z.optional(z.boolean({ error: 'err.invalid' })),
  /** The child's mother, a member of the same household (picked in the member form, set by a delivery). */
  motherId: z.optional(id),
  /** Set by recordDelivery (data/delivery.ts), never by the member form. */
  delivery: z.optional(delivery),
  /** Set by setMemberClosure (data/write.ts), never by the member form. */
  closure: z.optional(caseClosure),
}
export const memberInput = z.object(memberFields)
export type MemberInput = z.infer<typeof memberInput>
export const member = z.object({ ...syncMeta, ...memberFields })
export type Member = z.infer<typeof member>

/** Every synced entity. */
export const ENTITIES = ['households', 'members', 'visits', 'followUps'] as const
export type Entity = (typeof ENTITIES)[number]

/** The entities merged field by field; visits and follow-ups are immutable inserts. */
export const MERGED_ENTITIES = ['households', 'members'] as const
export type MergedEntity = (typeof MERGED_ENTITIES)[number]

/** Visits and follow-ups: immutable, so the stored record is the whole change (wire.ts). */
export const INSERTED_ENTITIES = ['visits', 'followUps'] as const
export type InsertedEntity = (typeof INSERTED_ENTITIES)[number]
