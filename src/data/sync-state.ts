// What the UI reads about sync, all from IndexedDB so that every tab and a reload see the same thing:
//   meta 'syncAuth'      — the account this device syncs as (token, user, the server's work area, base URL);
//   meta 'syncStatus'    — the last run (time, bytes, counts, error), the last success, the clock-skew measure;
//   meta 'syncProgress'  — the run in progress ("Mengirim 120 dari 500"), absent between runs;
//   meta 'syncCursor:ID:vN' — where pulls of work area ID resume: { cursors, epoch } (PullPosition), written in the
//                            same transaction as its page;
//   outbox               — per record: belum terkirim (waiting), ditolak (rejected: reason and issues);
//   conflicts            — the conflict log.
// The sync engine (src/sync) writes these; the hooks are in sync-hooks.ts.

import type { Entity } from '../protocol/records'
import type { Account, PullCursors, WorkAreaInfo } from '../protocol/wire'
import type { SyncErrorReason } from '../sync/errors'
import { getDb, type KaderDb } from './db'
import { entriesOfRecords, outboxCounts, rejectedEntries } from './outbox'
import type { ConflictEntry, OutboxRejection } from './schemas'

export const AUTH_KEY = 'syncAuth'
export const STATUS_KEY = 'syncStatus'
export const PROGRESS_KEY = 'syncProgress'
/**
 * Raise it when the record schemas start to accept records an older app refused: the new cursor starts at 0, so
 * the records an older version skipped on pull are pulled again (the merge keeps every local edit).
 */
export const PULL_SCHEMA_VERSION = 1
export const cursorKey = (workAreaId: string): string => `syncCursor:${workAreaId}:v${PULL_SCHEMA_VERSION}`

/**
 * Where pulls resume: the server's cursors (one per desa the account reads) and the epoch of its change sequences
 * they were read in. A position stored by an app from before per-desa cursors holds one number, `cursor`: it is
 * sent once as such, and the answer's `cursors` replace it (docs/sync-protocol.md, "Pull").
 */
export interface PullPosition {
  cursors?: PullCursors
  cursor?: number
  /** Absent for a cursor stored before the server had epochs (a bare number). */
  epoch?: string
}

const isCursors = (v: unknown): v is PullCursors =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)

export function pullPositionOf(value: unknown): PullPosition {
  if (typeof value === 'number' && Number.isInteger(value)) return { cursor: value }
  const v = value as Partial<PullPosition> | undefined
  const epoch = typeof v?.epoch === 'string' ? { epoch: v.epoch } : {}
  if (isCursors(v?.cursors)) return { cursors: v.cursors, ...epoch }
  if (typeof v?.cursor !== 'number' || !Number.isInteger(v.cursor)) return {}
  return { cursor: v.cursor, ...epoch }
}

/** A pull answer's position: its cursors, or the single cursor of a server from before them. */
export function nextPosition(body: {
  cursors?: unknown
  nextCursor?: unknown
  epoch?: unknown
}): PullPosition {
  const epoch = typeof body.epoch === 'string' && body.epoch !== '' ? { epoch: body.epoch } : {}
  if (isCursors(body.cursors)) return { cursors: body.cursors, ...epoch }
  return Number.isSafeInteger(body.nextCursor) ? { cursor: body.nextCursor as number, ...epoch } : {}
}

/**
 * The phone's clock is shown as wrong beyond 5 minutes off the server's. Phones on network time are within
 * seconds; a few minutes is a phone set by hand. The server refuses stamps more than 10 minutes ahead
 * (HLC_MAX_DRIFT_MS), so the warning comes before any change is refused; a clock behind is warned about too,
 * because the kader's edits then lose to everyone else's made in between.
 */
export const CLOCK_SKEW_WARNING_MS = 5 * 60_000

export interface SyncAuth {
  baseUrl: string
  /** Absent after logout or after the server refused it (401): the kader must log in again. */
  token?: string
  /** role: what the server said at login (absent from servers before roles: a kader). */
  user: Account['user']
  workArea: WorkAreaInfo
  loggedInAt: string
}

export interface SyncRunSummary {
  startedAt: string
  finishedAt: string
  /** Request bodies as sent (gzipped) and answers as received, in bytes. */
  bytesSent: number
  bytesReceived: number
  /** Changes the server accepted, refused, and records pulled, in this run. */
  pushed: number
  rejected: number
  pulled: number
  error?: { reason: SyncErrorReason; detail?: string }
  /** The server marked this device to wipe (CLI `device wipe`): the app deletes its data now. */
  wipe?: true
}

export interface ClockSkew {
  /** Device clock minus server clock, ms: positive when the phone is ahead. */
  skewMs: number
  measuredAt: string
  /** |skewMs| > CLOCK_SKEW_WARNING_MS: tell the kader to set the phone's date and time. */
  warning: boolean
}

export interface SyncStatus {
  lastSuccessAt?: string
  lastRun?: SyncRunSummary
  clockSkew?: ClockSkew
}

export interface SyncProgress {
  phase: 'push' | 'pull'
  done: number
  /** For a pull, the records received so far plus at most one page: the server does not say how many remain. */
  total: number
  startedAt: string
}

export interface SyncState {
  loggedIn: boolean
  /** Logged in once, but the token is gone (logout, or refused): show the login with the username filled in. */
  needsLogin: boolean
  user?: SyncAuth['user']
  workArea?: WorkAreaInfo
  /** Changes waiting to be sent (not refused). */
  pending: number
  /** Changes the server refused, waiting for a fix. */
  rejected: number
  lastSuccessAt?: string
  lastRun?: SyncRunSummary
  progress?: SyncProgress
  clockSkew?: ClockSkew
}

export async function readMeta<T>(db: KaderDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined
}

export async function getSyncAuth(db: KaderDb = getDb()): Promise<SyncAuth | undefined> {
  return readMeta<SyncAuth>(db, AUTH_KEY)
}

export async function getSyncState(db: KaderDb = getDb()): Promise<SyncState> {
  return db.transaction('r', [db.meta, db.outbox], async () => {
    const auth = await readMeta<SyncAuth>(db, AUTH_KEY)
    const status = (await readMeta<SyncStatus>(db, STATUS_KEY)) ?? {}
    const progress = await readMeta<SyncProgress>(db, PROGRESS_KEY)
    const { waiting, rejected } = await outboxCounts(db)
    const state: SyncState = {
      loggedIn: auth?.token !== undefined,
      needsLogin: auth !== undefined && auth.token === undefined,
      pending: waiting,
      rejected,
    }
    if (auth) {
      state.user = auth.user
      state.workArea = auth.workArea
    }
    if (status.lastSuccessAt) state.lastSuccessAt = status.lastSuccessAt
    if (status.lastRun) state.lastRun = status.lastRun
    if (status.clockSkew) state.clockSkew = status.clockSkew
    if (progress) state.progress = progress
    return state
  })
}

export type RecordSyncStatus =
  | { status: 'terkirim' }
  | { status: 'belum-terkirim' }
  | { status: 'ditolak'; entity: Entity; rejection: OutboxRejection }

/** One record's sync status: refused wins over waiting (it needs the kader), waiting over sent. */
export async function getRecordSyncStatus(
  recordId: string,
  db: KaderDb = getDb(),
): Promise<RecordSyncStatus> {
  const entries = await entriesOfRecords(db, [recordId])
  const refused = entries.find((e) => e.rejected !== undefined)
  if (refused?.rejected) return { status: 'ditolak', entity: refused.entity, rejection: refused.rejected }
  return entries.length > 0 ? { status: 'belum-terkirim' } : { status: 'terkirim' }
}

export interface RejectedChange extends OutboxRejection {
  /** The outbox row: what "Buang perubahan" discards (discard.ts). */
  seq: number
  entity: Entity
  recordId: string
  changeId: string
  /** The fields the refused change carried. */
  fields: string[]
  /** Whom it is about: the household's head, the member (of a visit or follow-up too); absent if not on the phone. */
  name?: string
}

/** Every refused change, oldest first: the "perlu diperbaiki" list. */
export async function getRejectedChanges(db: KaderDb = getDb()): Promise<RejectedChange[]> {
  const entries = await rejectedEntries(db)
  const named = await Promise.all(entries.map((e) => nameOf(db, e.entity, e.recordId)))
  return entries.flatMap((e, i) => {
    const name = named[i]
    return e.rejected && e.seq !== undefined
      ? [
          {
            ...e.rejected,
            seq: e.seq,
            entity: e.entity,
            recordId: e.recordId,
            changeId: e.changeId,
            fields: e.changedFields,
            ...(name === undefined ? {} : { name }),
          },
        ]
      : []
  })
}

async function nameOf(db: KaderDb, entity: Entity, id: string): Promise<string | undefined> {
  if (entity === 'households') return (await db.households.get(id))?.headName
  const memberId = entity === 'members' ? id : (await db.table(entity).get(id))?.memberId
  return typeof memberId === 'string' ? (await db.members.get(memberId))?.name : undefined
}

/** The conflict log, newest first; `recordId` narrows it to one record. */
export async function getConflictLog(
  opts: { recordId?: string; limit?: number } = {},
  db: KaderDb = getDb(),
): Promise<ConflictEntry[]> {
  const limit = opts.limit ?? 200
  if (opts.recordId !== undefined) {
    const rows = await db.conflicts.where('recordId').equals(opts.recordId).toArray()
    return rows.reverse().slice(0, limit)
  }
  return db.conflicts.orderBy('seq').reverse().limit(limit).toArray()
}
