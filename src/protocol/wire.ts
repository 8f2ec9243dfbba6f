// The sync wire format, version 1 (docs/sync-protocol.md): limits, request schemas and response types.
// Imports only zod/mini and the shared record schemas, never Node: the app's sync engine and server/ both use it.
import * as z from 'zod/mini'
import type { AreaBounds } from '../domain/work-area'
import type { ErrorKey } from './error-messages'
import { NODE_RE } from './hlc'
import {
  type Household,
  INSERTED_ENTITIES,
  type InsertedEntity,
  id,
  isStorableText,
  MERGED_ENTITIES,
  type Member,
} from './records'
import type { Role } from './roles'
import type { FollowUp, Visit } from './visits'

export const API_PREFIX = '/api/v1'

/**
 * Changes per push batch. A 500-change JSON batch is ≈ 216 KB and gzips to ≈ 36 KB in ≈ 21 ms on a kader's phone
 * (measured in throttled headless Chromium): big enough that a push of a day's work takes a request or two, small enough that it
 * survives a flaky 2G connection.
 */
export const PAGE_SIZE = 500
/**
 * Records per pull page (the most, and the default). A page of 1,000 gzips to ≈ 100 KB (≈ 16 s at 50 kbit/s, within
 * the 30 s request timeout): a first sync of a desa's 10,000 records is 10 requests, so the round trips (150 ms each
 * on slow 4G) cost little next to the bytes, and the device stores one page while it fetches the next.
 */
export const PULL_PAGE_SIZE = 1000
/** Request bodies, compressed or not, and after decompression. 500 changes with per-field stamps stay < 500 KB. */
export const MAX_BODY_BYTES = 1024 * 1024

// Households and members are merged field by field, last writer wins per field by HLC. Visits and follow-ups are
// immutable: the first change of an id stores the record whole; a later change of the same id is accepted as a
// duplicate and changes nothing (a correction is a new visit that `supersedes` the old one).
export {
  INSERTED_ENTITIES,
  type InsertedEntity,
  MERGED_ENTITIES,
  type MergedEntity,
} from './records'
export const SYNCED_ENTITIES = [...MERGED_ENTITIES, ...INSERTED_ENTITIES] as const
export type SyncedEntity = (typeof SYNCED_ENTITIES)[number]
export const isInserted = (entity: string): entity is InsertedEntity =>
  (INSERTED_ENTITIES as readonly string[]).includes(entity)

/** One field of a change: its new value (null clears an optional field) and the HLC of the edit (hlc.ts). */
export const fieldChange = z.object({ value: z.unknown(), hlc: z.string() })
export type FieldChange = z.infer<typeof fieldChange>

/** One change to one record: the fields the kader changed, each with its own stamp; `deleted` is a field too. */
export const change = z.object({
  /** Idempotency key: the server applies a change id at most once (the outbox entry's changeId). */
  changeId: id,
  entity: z.enum(SYNCED_ENTITIES),
  recordId: id,
  fields: z.record(z.string(), fieldChange),
})
export type Change = z.infer<typeof change>

export const pushRequest = z.object({
  /** The work area the device's data belongs to; when present and not the token's, the whole push is refused. */
  workAreaId: z.optional(z.string()),
  /** Parsed one by one, so that one malformed change is rejected alone. */
  changes: z.array(z.unknown()),
})

export const loginRequest = z.object({
  username: z.string().check(z.minLength(1), z.maxLength(100), z.refine(isStorableText)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
  /**
   * The device's id: the node of every stamp it makes (hlc.ts). The token is bound to it: the server refuses a
   * stamp of another node, so one device cannot stamp edits as another. Without it the token can pull but not push.
   */
  deviceId: z.optional(z.string().check(z.regex(NODE_RE))),
})

/** Why the server refused one change; the client keeps the record and shows it as "perlu diperbaiki". */
export const REJECT_REASONS = [
  /** The change or the merged record fails the shared schemas; `issues` say where. */
  'invalid',
  /** The record, its household or its new address is outside the token's work area. */
  'forbidden',
  /** A field's HLC is more than HLC_MAX_DRIFT_MS ahead of the server's clock: the phone's clock is wrong. */
  'clock-skew',
] as const
export type RejectReason = (typeof REJECT_REASONS)[number]

export interface Issue {
  /** Where: 'changeId', 'fields.headName', 'headName', 'address.rt', … */
  path: string
  /** An error key (error-messages.ts), e.g. 'err.required', 'err.household.missing'. */
  message: ErrorKey
}

export type SyncedRecord = Household | Member | Visit | FollowUp
/** A record as the server holds it, with the HLC of each of its fields. */
export interface RecordState {
  entity: SyncedEntity
  record: SyncedRecord
  hlcs: Record<string, string>
  /**
   * A record deleted long ago whose data the server has forgotten (retention): `record` holds only its meta and
   * `deleted: true`, `hlcs` only the deletion's stamp. A device marks its copy deleted, and stores nothing new.
   */
  purged?: true
}

export type ChangeResult =
  | ({ changeId: string; status: 'accepted' } & RecordState)
  | { changeId: string | null; status: 'rejected'; reason: RejectReason; issues: Issue[] }

/** Every JSON response carries the server's clock, so that a client can measure its own clock's skew. */
export interface Timed {
  serverTime: string
}
export interface PushResponse extends Timed {
  /** One per pushed change, in the order they were sent. */
  results: ChangeResult[]
}
/**
 * Where pulls resume: the last sequence number seen in each desa the account reads (a kader's one desa, a
 * supervisor's several). Keys are the server's desa keys (16 hex digits), opaque to the app; sent back as the
 * `cursors` query parameter, in JSON.
 */
export type PullCursors = Record<string, number>
export const DESA_KEY_RE = /^[0-9a-f]{16}$/
/** Desas in one pull's cursors: far more than a puskesmas's. */
export const MAX_CURSOR_DESAS = 200

export interface PullResponse extends Timed {
  records: RecordState[]
  /** Pass back as `cursors` for the next page; unchanged when there was nothing new. */
  cursors: PullCursors
  /**
   * Version 1's single cursor, answered only to a pull that sent `cursor` (an app from before per-desa sequences):
   * its desa's entry of `cursors`.
   */
  nextCursor?: number
  hasMore: boolean
  /** The epoch of the change sequences the cursors belong to: pass it back as `epoch` with them. */
  epoch: string
  /** A cursor sent was no longer valid (a restore from backup, another database): its desa starts again at 0. */
  reset?: true
  /**
   * Households that left the account's areas since the cursors (moved to a place outside them): the device drops
   * each with its members, visits and follow-ups, keeping what it has not sent yet. Absent when none.
   */
  left?: string[]
}

/** A kader's work area as the server sends it: its id and its bounds (the desa, narrowed to dusun, RW, RT). */
export interface WorkAreaInfo extends AreaBounds {
  id: string
}
export interface Account {
  /** role: absent from servers before roles (a kader). */
  user: { id: string; username: string; name: string; role?: Role }
  workArea: WorkAreaInfo
}
export interface LoginResponse extends Timed, Account {
  /** Send as `Authorization: Bearer <token>`; shown once, stored on the server only as a hash. */
  token: string
  /**
   * The recovery key of this account on the login's device (32 bytes, base64url): the same at every login from
   * it. The phone wraps its data key with it (docs/security.md). Absent without a deviceId, or from older servers.
   */
  recoveryKey?: string
}

/** GET /device: whether this device was marked to wipe itself (CLI `device wipe`, docs/security.md). */
export interface DeviceResponse extends Timed {
  wipe: boolean
}

export type ErrorReason =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'payload-too-large'
  | 'unsupported-encoding'
  | 'rate-limited'
  | 'internal'
  /** 503: the server has more sync requests waiting than it takes; retry after `Retry-After` seconds. */
  | 'busy'
export interface ErrorResponse extends Timed {
  error: { reason: ErrorReason; detail?: string; message: string }
}
