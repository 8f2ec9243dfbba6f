// The app's own storage schemas (src/data/db.ts): the outbox, the field clocks, the conflict log and the kader's
// settings. The synced records' schemas are shared with the server and live in src/protocol/records.ts.
import * as z from 'zod/mini'
import { errorKey } from '../protocol/error-messages'
import {
  ENTITIES,
  household,
  INSERTED_ENTITIES,
  id,
  isoDateTime,
  MERGED_ENTITIES,
  member,
  optionalText,
  rtRw,
} from '../protocol/records'
import { REJECT_REASONS } from '../protocol/wire'

/** What a visit's write reads of its member and household (data/visits.ts saveVisits). */
export const memberRef = z.pick(member, { id: true, householdId: true, birthDate: true, deleted: true })
export type MemberRef = z.infer<typeof memberRef>
export const householdRef = z.pick(household, { id: true, workAreaId: true, deleted: true })
export type HouseholdRef = z.infer<typeof householdRef>

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

/** The kader's own area (kept in the meta table): prefills new addresses and scopes the household list. */
export const workArea = z.object({
  /** 'wilayah-lokal' until login replaces it with the server's work-area id. */
  id: z.string().check(z.minLength(1, errorKey('err.required'))),
  kabupaten: z.string().check(z.trim(), z.maxLength(80, errorKey('err.tooLong'))),
  kecamatan: z.string().check(z.trim(), z.maxLength(80, errorKey('err.tooLong'))),
  desa: z.string().check(z.trim(), z.maxLength(80, errorKey('err.tooLong'))),
  dusun: optionalText(80),
  /** Set when the area is narrowed to one RW or RT (the server's work area, adopted at login). */
  rw: z.optional(rtRw('rw')),
  rt: z.optional(rtRw('rt')),
  /** The kader's name, written on every visit they record. */
  kaderName: optionalText(100),
  posyandu: z.optional(posyanduCalendar),
})
export type WorkArea = z.infer<typeof workArea>

/**
 * A change the server refused: the entry stays in the outbox (the record stays on the device) and the UI shows
 * "perlu diperbaiki" with the reason and issues; the next local edit of the record supersedes it (write.ts).
 */
export const outboxRejection = z.object({
  /**
   * The server's reason, or 'server-error': the server failed on this change alone, again and again, while it
   * took the others (src/sync/isolate.ts) — the kader's next edit of the record sends it anew.
   */
  reason: z.enum([...REJECT_REASONS, 'server-error']),
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
  /** No edit: asks the server for the record as it is, after a refused change was discarded (discard.ts). */
  refresh: z.optional(z.literal(true)),
})
export type OutboxEntry = z.infer<typeof outboxEntry>

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

/**
 * The hybrid logical clock (src/protocol/hlc.ts) of every field of one household or member (db.ts table `clocks`,
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
