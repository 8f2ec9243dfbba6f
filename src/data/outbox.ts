// The outbox's stored rows (db.ts table `outbox`, schemas.ts OutboxRow) and the changes they stand for. A row is one
// change of a household or member, or the visits or follow-ups saved in one transaction (OutboxInserts): a posyandu
// day's 1,000 visits cost one outbox write instead of 1,000, which halves saveVisits' IndexedDB writes. Sync reads
// one OutboxEntry per change either way (`entriesOf`) and settles them here, so only this file knows the two shapes.
import { liveQuery } from 'dexie'
import type { InsertedEntity } from '../protocol/records'
import type { KaderDb } from './db'
import type { OutboxEntry, OutboxInserts, OutboxRejection, OutboxRow } from './schemas'

export const isInserts = (row: OutboxRow): row is OutboxInserts => 'recordIds' in row

/**
 * One entry per change. A record of an inserts row is sent under its own id as the change id: stable across
 * retries (the server answers a change id it has applied with its first result) and unique like the record.
 */
export function entriesOf(row: OutboxRow): OutboxEntry[] {
  if (!isInserts(row)) return [row]
  return row.recordIds.map((recordId) => ({
    ...(row.seq === undefined ? {} : { seq: row.seq }),
    changeId: recordId,
    entity: row.entity,
    recordId,
    version: 1,
    changedFields: [], // an insert carries the whole record
    at: row.at,
    deviceId: row.deviceId,
  }))
}

/** The row for records inserted together (saved in the caller's transaction with the records). */
export function insertsRow(
  entity: InsertedEntity,
  records: readonly { id: string; createdAt: string; deviceId: string }[],
): OutboxInserts | undefined {
  const first = records[0]
  if (!first) return undefined
  return { entity, recordIds: records.map((r) => r.id), at: first.createdAt, deviceId: first.deviceId }
}

/** Changes waiting for the server, and those it refused (they wait for the kader's fix). */
export async function outboxCounts(db: KaderDb): Promise<{ waiting: number; rejected: number }> {
  let waiting = 0
  let rejected = 0
  await db.outbox.each((row) => {
    if (isInserts(row)) waiting += row.recordIds.length
    else if (row.rejected) rejected += 1
    else waiting += 1
  })
  return { waiting, rejected }
}

/** The changes of some records that still wait or were refused. */
export async function entriesOfRecords(db: KaderDb, recordIds: readonly string[]): Promise<OutboxEntry[]> {
  const [changes, inserts] = await Promise.all([
    db.outbox.where('recordId').anyOf(recordIds).toArray(),
    db.outbox.where('recordIds').anyOf(recordIds).distinct().toArray(),
  ])
  const wanted = new Set(recordIds)
  return [...changes, ...inserts].flatMap(entriesOf).filter((e) => wanted.has(e.recordId))
}

/** The refused changes, oldest first (an inserts row is never refused as a whole). */
export async function rejectedEntries(db: KaderDb): Promise<OutboxEntry[]> {
  const rows = await db.outbox.filter((row) => !isInserts(row) && row.rejected !== undefined).toArray()
  return rows.flatMap(entriesOf)
}

/**
 * Stores the server's answers to some entries (in the caller's transaction): an acknowledged change leaves the
 * outbox; a refused one is marked with the reason — a refused insert leaves its row and waits alone.
 */
export async function settleEntries(
  db: KaderDb,
  acknowledged: readonly OutboxEntry[],
  refused: readonly { entry: OutboxEntry; rejection: OutboxRejection }[],
): Promise<void> {
  const seqs = [...new Set([...acknowledged, ...refused.map((r) => r.entry)].flatMap((e) => e.seq ?? []))]
  const found = await db.outbox.bulkGet(seqs)
  const rows = new Map(seqs.map((seq, i) => [seq, found[i]]))
  /** Per row, the records leaving it. */
  const leaving = new Map<number, Set<string>>()
  const leave = (e: OutboxEntry) => {
    if (e.seq !== undefined) leaving.set(e.seq, (leaving.get(e.seq) ?? new Set<string>()).add(e.recordId))
  }
  for (const e of acknowledged) leave(e)
  const alone: OutboxEntry[] = []
  for (const { entry, rejection } of refused) {
    const row = entry.seq === undefined ? undefined : rows.get(entry.seq)
    if (!row) continue
    if (!isInserts(row)) {
      // A refused refresh (the record left the area, or the server never had it) held nothing of the kader's.
      if (row.refresh) leave(entry)
      else await db.outbox.put({ ...row, rejected: rejection })
      continue
    }
    leave(entry)
    const { seq: _row, ...change } = entry
    alone.push({ ...change, rejected: rejection })
  }
  const deleted: number[] = []
  const kept: OutboxInserts[] = []
  for (const [seq, ids] of leaving) {
    const row = rows.get(seq)
    if (!row) continue
    const left = isInserts(row) ? row.recordIds.filter((id) => !ids.has(id)) : []
    if (left.length === 0) deleted.push(seq)
    else kept.push({ ...(row as OutboxInserts), recordIds: left })
  }
  await db.outbox.bulkDelete(deleted)
  await db.outbox.bulkPut(kept)
  await db.outbox.bulkAdd(alone)
}

/**
 * Calls `onNewChange` whenever a local write adds an outbox row, in this tab or another (a new, higher seq). Rows
 * leaving the outbox — a push acknowledged — call nothing. Returns the unsubscribe.
 */
export function watchNewChanges(db: KaderDb, onNewChange: () => void): () => void {
  let newest: number | undefined
  let first = true
  const subscription = liveQuery(() => db.outbox.orderBy(':id').lastKey()).subscribe({
    next: (key) => {
      const seq = typeof key === 'number' ? key : undefined
      const grew = seq !== undefined && (newest === undefined || seq > newest)
      if (grew) newest = seq
      // The first answer is what was there before: changes already waiting go with the start-up run.
      if (grew && !first) onNewChange()
      first = false
    },
    error: () => undefined, // the database closed (tests, a deleted profile): nothing more to watch
  })
  return () => subscription.unsubscribe()
}
