// Record schemas: the one source of the record types, shared by the app, the sync wire and server/.
// zod/mini keeps the client bundle ~18 KB gz smaller than classic zod with the same checks.
// Every message is a key of the UI dictionary (src/ui/i18n), so the app shows it in Bahasa Indonesia or English.
import * as z from 'zod/mini'

// RFC 9562 UUID, any version: ids are made on the device (UUID v7, see ids.ts) and must stay unique across devices.
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export const id = z.string().check(z.regex(UUID_RE, 'err.id'))
/** A calendar date as written on a KTP or Buku KIA: YYYY-MM-DD, no time zone. */
export const isoDate = z.iso.date({ error: 'err.date' })
/** An instant, UTC: YYYY-MM-DDTHH:mm:ss.sssZ. */
export const isoDateTime = z.iso.datetime({ error: 'err.datetime' })

const text = (max: number, key = 'err.required') =>
  z.string().check(z.trim(), z.minLength(1, key), z.maxLength(max, 'err.tooLong'))
export const optionalText = (max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, 'err.tooLong')))

// NIK and No. KK are 16 digits (Dukcapil; ../shared/docs/ilp-domain.md §4.1–4.2). Deeper NIK checks live in src/domain/nik.ts.
export const nik = z.string().check(z.regex(/^\d+$/, 'err.nik.digits'), z.length(16, 'err.nik.length'))
export const noKk = z.string().check(z.regex(/^\d+$/, 'err.kk.digits'), z.length(16, 'err.kk.length'))
// RT and RW are small numbers written with leading zeros ("003"); stored zero-padded to 3 digits.
export const rtRw = (key: 'rt' | 'rw') => z.string().check(z.regex(/^\d{1,3}$/, `err.${key}.digits`))
/** "3" → "003", as Kemenkes registers write them, so that an RT filter matches however the kader typed it. */
export const padRtRw = (value: string): string => (/^\d{1,2}$/.test(value) ? value.padStart(3, '0') : value)
// Indonesian mobile numbers: 08… or +628…, 10–15 digits in all.
export const phone = z.string().check(z.regex(/^(\+62|0)8\d{7,12}$/, 'err.phone'))

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
  lat: z.number().check(z.gte(-90, 'err.gps'), z.lte(90, 'err.gps')),
  lng: z.number().check(z.gte(-180, 'err.gps'), z.lte(180, 'err.gps')),
  /** Radius of 68 % confidence in metres, as the Geolocation API reports it. */
  accuracyM: z.number().check(z.gte(0, 'err.gps')),
  capturedAt: isoDateTime,
})
export type GpsPoint = z.infer<typeof gpsPoint>

export const address = z.object({
  kabupaten: text(80),
  kecamatan: text(80),
  desa: text(80),
  /** Dusun / lingkungan / banjar / jorong: local names under the desa, no Kemendagri code (ilp-domain.md §4.3). */
  dusun: text(80),
  rw: rtRw('rw'),
  rt: rtRw('rt'),
  /** Street, house number or landmark ("depan masjid"). */
  street: optionalText(160),
})
export type Address = z.infer<typeof address>

export const householdFields = {
  workAreaId: z.string().check(z.minLength(1, 'err.required')),
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
export const sex = z.enum(SEXES, 'err.sex')
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
export const relation = z.enum(RELATIONS, 'err.relation')
export type Relation = z.infer<typeof relation>

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
}
export const memberInput = z.object(memberFields)
export type MemberInput = z.infer<typeof memberInput>
export const member = z.object({ ...syncMeta, ...memberFields })
export type Member = z.infer<typeof member>

/** What a visit's write reads of its member and household (data/visits.ts saveVisits). */
export const memberRef = z.pick(member, { id: true, householdId: true, birthDate: true, deleted: true })
export type MemberRef = z.infer<typeof memberRef>
export const householdRef = z.pick(household, { id: true, workAreaId: true, deleted: true })
export type HouseholdRef = z.infer<typeof householdRef>

/** The kader's own area (kept in the meta table): prefills new addresses and scopes the household list. */
/**
 * The posyandu's open day (hari buka), e.g. the second Tuesday of each month, and where it is held: the visit
 * schedule counts "not weighed this month" from it (src/domain/schedule).
 */
export const posyanduCalendar = z.object({
  name: optionalText(80),
  place: optionalText(120),
  openDay: z.object({
    /** 1–5: the n-th such weekday of the month; 'last': the last one. */
    week: z.union([z.int().check(z.gte(1), z.lte(5)), z.literal('last')]),
    /** 0 = Sunday … 6 = Saturday, as Date.getUTCDay(). */
    weekday: z.int().check(z.gte(0), z.lte(6)),
  }),
})
export type PosyanduCalendar = z.infer<typeof posyanduCalendar>

export const workArea = z.object({
  /** 'wilayah-lokal' until login replaces it with the server's work-area id. */
  id: z.string().check(z.minLength(1, 'err.required')),
  kabupaten: z.string().check(z.trim(), z.maxLength(80, 'err.tooLong')),
  kecamatan: z.string().check(z.trim(), z.maxLength(80, 'err.tooLong')),
  desa: z.string().check(z.trim(), z.maxLength(80, 'err.tooLong')),
  dusun: optionalText(80),
  /** Set when the area is narrowed to one RW or RT (the server's work area, adopted at login). */
  rw: z.optional(rtRw('rw')),
  rt: z.optional(rtRw('rt')),
  /** The kader's name, written on every visit they record. */
  kaderName: optionalText(100),
  posyandu: z.optional(posyanduCalendar),
})
export type WorkArea = z.infer<typeof workArea>

export const ENTITIES = ['households', 'members', 'visits', 'followUps'] as const
export type Entity = (typeof ENTITIES)[number]

/** Why the server refused a change (server/protocol.ts RejectReason). */
export const REJECT_REASONS = ['invalid', 'forbidden', 'clock-skew'] as const
export type RejectReason = (typeof REJECT_REASONS)[number]

/**
 * A change the server refused: the entry stays in the outbox (the record stays on the device) and the UI shows
 * "perlu diperbaiki" with the reason and issues; the next local edit of the record supersedes it (write.ts).
 */
export const outboxRejection = z.object({
  reason: z.enum(REJECT_REASONS),
  /** Where and why, as the server said: a path ('headName', 'address.rt') and a UI dictionary key. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  at: isoDateTime,
})
export type OutboxRejection = z.infer<typeof outboxRejection>

/** One local change waiting for the server's acknowledgement (src/sync pushes these in order). */
export const outboxEntry = z.object({
  /** Auto-increment key: the order changes were made in. */
  seq: z.optional(z.int()),
  /** Idempotency key: the server applies a change id at most once. */
  changeId: id,
  entity: z.enum(ENTITIES),
  recordId: id,
  /** The record's version after this change. */
  version: z.int().check(z.gte(1)),
  /** The fields this change set (top-level names), for field-by-field merging. */
  changedFields: z.array(z.string()),
  at: isoDateTime,
  deviceId: z.string().check(z.minLength(1)),
  /** Set when the server refused the change; absent while it waits to be sent. */
  rejected: z.optional(outboxRejection),
})
export type OutboxEntry = z.infer<typeof outboxEntry>

/** Visits and follow-ups: immutable, so the stored record is the whole change (server/protocol.ts INSERTED_ENTITIES). */
export const INSERTED_ENTITIES = ['visits', 'followUps'] as const
export type InsertedEntity = (typeof INSERTED_ENTITIES)[number]

/**
 * The visits or follow-ups saved in one transaction, waiting together (outbox.ts): one outbox row for a posyandu
 * day's visits instead of one each. Each record is sent as its own change, with its id as the change id; a record
 * the server refuses leaves the row for an OutboxEntry of its own that carries the reason.
 */
export const outboxInserts = z.object({
  seq: z.optional(z.int()),
  entity: z.enum(INSERTED_ENTITIES),
  recordIds: z.array(id).check(z.minLength(1)),
  at: isoDateTime,
  deviceId: z.string().check(z.minLength(1)),
})
export type OutboxInserts = z.infer<typeof outboxInserts>

/** A stored outbox row: one change (households, members; single visits saved before db version 5), or inserts. */
export type OutboxRow = OutboxEntry | OutboxInserts

/** The entities merged field by field; visits and follow-ups are immutable inserts. */
export const MERGED_ENTITIES = ['households', 'members'] as const
export type MergedEntity = (typeof MERGED_ENTITIES)[number]

/**
 * The hybrid logical clock (src/sync/hlc.ts) of every field of one household or member (db.ts table `clocks`,
 * key `${entity}:${recordId}`): the merge keeps, per field, the value with the greater stamp.
 */
export const fieldClocks = z.object({
  key: z.string(),
  /** Field name → stamp of its current value; a cleared field keeps its stamp. */
  hlcs: z.record(z.string(), z.string()),
  /**
   * Fields with a local edit the server has not acknowledged yet → the stamp that edit replaced (null: none).
   * A pulled stamp that is neither this base nor ours was made concurrently elsewhere: a conflict to log.
   */
  base: z.optional(z.record(z.string(), z.nullable(z.string()))),
})
export type FieldClocks = z.infer<typeof fieldClocks>

/**
 * One entry of the conflict log (db.ts table `conflicts`): two devices changed the same field without seeing
 * each other's edit. Only names and stamps are kept — no values: the kader or supervisor sees which record and
 * field, when each side edited (the stamps' times and devices), and which edit was kept.
 */
export const conflictEntry = z.object({
  seq: z.optional(z.int()),
  at: isoDateTime,
  entity: z.enum(MERGED_ENTITIES),
  recordId: id,
  field: z.string(),
  localHlc: z.string(),
  remoteHlc: z.string(),
  winner: z.enum(['local', 'remote']),
})
export type ConflictEntry = z.infer<typeof conflictEntry>
