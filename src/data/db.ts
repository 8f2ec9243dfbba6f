// The one IndexedDB database of the app, 'kader-ilp':
//   households, members — the records (soft-deleted ones included: they sync as tombstones);
//   visits, followUps   — screenings and referral follow-ups: immutable, a correction is a new record;
//   outbox              — local changes not yet acknowledged by the server, in the order they were made;
//   meta                — device-local settings: the device id and the kader's work area (meta.ts).
// Every index below names the query that needs it: each index slows every write, so there are no others.
import Dexie, { type Table } from 'dexie'
import { type FollowUp, type Household, type Member, type OutboxEntry, padRtRw, type Visit } from './schemas'

export class KaderDb extends Dexie {
  declare households: Table<Household, string>
  declare members: Table<Member, string>
  declare visits: Table<Visit, string>
  declare followUps: Table<FollowUp, string>
  declare outbox: Table<OutboxEntry, number>
  declare meta: Table<{ key: string; value: unknown }, string>

  constructor(name: string) {
    super(name)
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
  }
}

export function openKaderDb(name = 'kader-ilp'): KaderDb {
  return new KaderDb(name)
}

let current: KaderDb | undefined

/** The app's database, opened on first use rather than at import time. */
export function getDb(): KaderDb {
  current ??= openKaderDb()
  return current
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
function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown }
  return (
    e.name === 'QuotaExceededError' || isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)
  )
}
