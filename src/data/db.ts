// The records' IndexedDB database of one kader's account on this phone ('kader-ilp' for the first, crypto/accounts.ts):
//   households, members — the records (soft-deleted ones included: they sync as tombstones);
//   visits, followUps   — screenings and referral follow-ups: immutable, a correction is a new record;
//   outbox              — local changes not yet acknowledged by the server, in the order they were made;
//   meta                — device-local settings: the device id and the kader's work area (meta.ts), and the
//                         sync state: account, cursor, the device's HLC, the last run (sync-state.ts);
//   clocks              — per household/member, the HLC of each field (src/sync/clock.ts), for field-level merge;
//   conflicts           — the conflict log: record, field, both stamps, which won — never a value;
//   drafts              — what the kader typed in a form not saved yet (drafts.ts): device-local, never synced.
// Every personal or health field of every row is encrypted at rest (crypto/middleware.ts, docs/security.md): the
// database is opened only while the app is unlocked.
// Every index below names the query that needs it: each index slows every write, so there are no others.
import Dexie, { type Table, type Transaction } from 'dexie'
import { formatHlc, isHlc } from '../protocol/hlc'
import { type Household, householdFields, type Member, memberFields, padRtRw } from '../protocol/records'
import type { FollowUp, Visit } from '../protocol/visits'
import { encryptionMiddleware } from './crypto/middleware'
import { encryptExistingRecords } from './crypto/migrate'
import type { Draft } from './drafts'
import { uuidv7 } from './ids'
import type { ConflictEntry, FieldClocks, OutboxEntry, OutboxRow } from './schemas'

export class KaderDb extends Dexie {
  declare households: Table<Household, string>
  declare members: Table<Member, string>
  declare visits: Table<Visit, string>
  declare followUps: Table<FollowUp, string>
  declare outbox: Table<OutboxRow, number>
  declare meta: Table<{ key: string; value: unknown }, string>
  declare clocks: Table<FieldClocks, string>
  declare conflicts: Table<ConflictEntry, number>
  declare drafts: Table<Draft, string>

  constructor(name: string) {
    super(name)
    // Every record's personal and health fields are encrypted at rest (docs/security.md).
    this.use(encryptionMiddleware)
    this.version(1).stores({
      // workAreaId: the household list of a work area (read.ts loadWorkArea).
      households: 'id, workAreaId',
      // householdId: a household's members (read.ts membersOf, loadWorkArea; write.ts deleteHousehold).
      members: 'id, householdId',
      // ++seq: pushing changes in the order they were made.
      outbox: '++seq',
      meta: 'key',
    })
    this.version(2)
      .stores({
        // nik: the duplicate-NIK check before a member is saved (write.ts saveMember).
        members: 'id, householdId, nik',
        // recordId: a record's unpushed changes, which sync must not let a pulled server version overwrite.
        outbox: '++seq, recordId',
      })
      // Version 1 stored RT/RW as typed ("3"); registers and filters use "003". This is a change of
      // representation, not a kader's edit, so records keep their version and get no outbox entry.
      .upgrade((tx) =>
        tx
          .table('households')
          .toCollection()
          .modify((h: { address?: { rt?: unknown; rw?: unknown } }) => {
            const a = h.address
            if (typeof a?.rt === 'string') a.rt = padRtRw(a.rt)
            if (typeof a?.rw === 'string') a.rw = padRtRw(a.rw)
          }),
      )
    this.version(3).stores({
      // memberId: a member's visit history (visits.ts visitsOf); workAreaId: the referral list of the area.
      visits: 'id, memberId, workAreaId',
      // workAreaId: the follow-ups shown with the referral list.
      followUps: 'id, workAreaId',
    })
    this.version(4)
      .stores({
        // key `${entity}:${recordId}`: a record's field stamps, read with the record when merging.
        clocks: 'key',
        // ++seq: the conflict log in the order conflicts were found; recordId: one record's conflicts.
        conflicts: '++seq, recordId',
      })
      .upgrade(stampExistingRecords)
    // recordIds: the records of an inserts row (outbox.ts), one index entry each, for a record's sync mark.
    this.version(5).stores({ outbox: '++seq, recordId, *recordIds' })
    this.version(6).stores({
      // id: a form's draft, read when the form opens; the Draf list reads them all (a handful): no other index.
      drafts: 'id',
      // memberId: a member's follow-ups, shown with their visits and sync marks (visits.ts followUpsOf).
      followUps: 'id, workAreaId, memberId',
      // [workAreaId+date]: the area's visits of an open day and the months before it (openday.ts openDayVisits).
      visits: 'id, memberId, workAreaId, [workAreaId+date]',
    })
    // Records were stored in clear before version 7: encrypted in place, in the upgrade's one transaction.
    this.version(7).upgrade(encryptExistingRecords)
    // Format 2 of the sealed records (crypto/sealing.ts): smaller, and more of the sync metadata in clear.
    this.version(8).upgrade(encryptExistingRecords)
  }
}

/**
 * Version 4 merges field by field, so every field needs a stamp. Records made before it get, for each field they
 * hold (and each field a waiting outbox entry names, so that a cleared field still syncs), a stamp at their
 * updatedAt from this device: every one of them was written on this device, before any sync. The device's clock
 * starts after the newest of them. Nothing else changes: no version bump, no outbox entry.
 */
async function stampExistingRecords(tx: Transaction): Promise<void> {
  const meta = tx.table('meta')
  const known = (await meta.get('deviceId'))?.value
  const node = typeof known === 'string' ? known : uuidv7()
  if (node !== known) await meta.put({ key: 'deviceId', value: node })
  const pending = new Map<string, Set<string>>()
  for (const e of (await tx.table('outbox').toArray()) as OutboxEntry[]) {
    const names = pending.get(e.recordId) ?? new Set<string>()
    for (const f of e.changedFields) names.add(f)
    pending.set(e.recordId, names)
  }
  let newest: string | undefined
  const rows: FieldClocks[] = []
  const tables = [
    ['households', Object.keys(householdFields)],
    ['members', Object.keys(memberFields)],
  ] as const
  for (const [entity, names] of tables) {
    for (const r of (await tx.table(entity).toArray()) as Record<string, unknown>[]) {
      const id = String(r.id)
      const at = Date.parse(String(r.updatedAt))
      const stamp = formatHlc({ millis: Number.isNaN(at) ? 0 : at, counter: 0, node })
      if (newest === undefined || stamp > newest) newest = stamp
      const hlcs: Record<string, string> = {}
      const fields = new Set([...names, 'deleted'])
      for (const f of fields) if (r[f] !== undefined || pending.get(id)?.has(f)) hlcs[f] = stamp
      rows.push({ key: `${entity}:${id}`, hlcs })
    }
  }
  await tx.table('clocks').bulkPut(rows)
  const clock = (await meta.get('hlc'))?.value
  if (newest !== undefined && !(isHlc(clock) && clock >= newest))
    await meta.put({ key: 'hlc', value: newest })
}

export function openKaderDb(name = 'kader-ilp'): KaderDb {
  return new KaderDb(name)
}

let current: KaderDb | undefined
/** The database selectDatabase opened (a test's own, setDbForTests, is the test's to close). */
let selected: KaderDb | undefined

/** The app's database, opened on first use rather than at import time. */
export function getDb(): KaderDb {
  current ??= openKaderDb()
  return current
}

/** Makes `name` the app's database — the unlocked account's (crypto/accounts.ts) — and closes the previous one. */
export function selectDatabase(name: string): KaderDb {
  if (current?.name === name) return current
  // The previous account's connection is closed: nothing can read or write its records through it any more.
  if (current === selected) current?.close()
  selected = openKaderDb(name)
  current = selected
  return current
}

/**
 * Starts opening the database `name` in IndexedDB without upgrading it, and closes it once open: the browser then
 * has its files open when Dexie opens it a moment later. For the unlock, whose key derivation holds the page's
 * thread meanwhile (crypto/unlock.ts). A database that does not exist is not created.
 */
export function warmUp(name: string): void {
  if (typeof indexedDB === 'undefined') return
  const request = indexedDB.open(name)
  request.onupgradeneeded = () => request.transaction?.abort()
  request.onsuccess = () => request.result.close()
  request.onerror = (event) => event.preventDefault()
}

/** Lets a test run against its own freshly named database. */
export function setDbForTests(db: KaderDb | undefined): void {
  current = db
}

export type StorageErrorReason = 'storage-full'

/** A write the device refused; `reason` tells the UI what to say (the message key is `err.${reason}`). */
export class StorageError extends Error {
  override readonly name = 'StorageError'
  constructor(
    readonly reason: StorageErrorReason,
    options?: ErrorOptions,
  ) {
    super(`Storage error: ${reason}`, options)
  }
}

/** Runs a write; a full disk or quota rejects with StorageError('storage-full') instead of a bare DOMException. */
export async function guardQuota<T>(write: () => PromiseLike<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw isQuotaError(error) ? new StorageError('storage-full', { cause: error }) : error
  }
}

// Dexie reports the browser's QuotaExceededError itself or, when it aborted a transaction, as the `inner`
// error of an AbortError.
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown }
  return (
    e.name === 'QuotaExceededError' || isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)
  )
}
