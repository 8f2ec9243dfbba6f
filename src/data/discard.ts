// "Buang perubahan": the kader drops a change the server refused (docs/sync-protocol.md, "Refused changes"), in one
// transaction over the outbox, the record's table, its field clocks, the conflict log and meta. Only that outbox
// entry goes; the record goes back to what the server has:
//   - a record the server never stored (a new household or member, any visit or follow-up: a refused insert is not
//     stored) is deleted from the phone — refused while records on the phone hang off it (discard those first);
//   - a record the server has keeps its other fields; the refused fields lose their own stamps (a field the edit
//     set for the first time is cleared at once), and a `refresh` entry asks the server for its record, whose
//     stamps then win (sync/push.ts) — offline, that waits for the next sync like any change;
//   - a household that left the area (sync/left.ts), or a member of one, gets no refresh: the next pull drops it.
import { useLiveQuery } from 'dexie-react-hooks'
import { parseHlc } from '../protocol/hlc'
import { isInserted } from '../protocol/wire'
import { clockKey } from '../sync/clock'
import { leftKey } from '../sync/left'
import { getDb, type KaderDb } from './db'
import { uuidv7 } from './ids'
import { entriesOfRecords, isInserts } from './outbox'
import type { FieldClocks, OutboxEntry } from './schemas'
import { AUTH_KEY, readMeta, type SyncAuth } from './sync-state'

/**
 * What discarding a refused change does to its record: `removed` — only on the phone, it is deleted; `server` — it
 * goes back to the server's copy at the next sync; `left` — it left the area and the next pull drops it;
 * `dependents` — never stored, and records on the phone hang off it: not discarded (discard those first).
 */
export type DiscardPlan = 'removed' | 'server' | 'left' | 'dependents'

export type DiscardResult =
  | { ok: true; record: Exclude<DiscardPlan, 'dependents'> }
  /** `gone`: no such refused change (already discarded, fixed or sent). */
  | { ok: false; reason: 'gone' | 'dependents' }

type Row = Record<string, unknown> & { id: string; version: number }

/** What the confirmation says will happen; undefined when there is no such refused change. */
export async function discardPlan(seq: number, db: KaderDb = getDb()): Promise<DiscardPlan | undefined> {
  return db.transaction('r', tablesOf(db), async () => (await planOf(db, seq))?.plan)
}

export async function discardRejected(
  seq: number,
  opts: { db?: KaderDb; now?: Date } = {},
): Promise<DiscardResult> {
  const db = opts.db ?? getDb()
  const at = (opts.now ?? new Date()).toISOString()
  return db.transaction('rw', tablesOf(db), async (): Promise<DiscardResult> => {
    const found = await planOf(db, seq)
    // A second tap finds nothing: the first one discarded it.
    if (!found) return { ok: false, reason: 'gone' }
    const { plan, row, record, clocks } = found
    if (plan === 'dependents') return { ok: false, reason: plan }
    await db.outbox.delete(seq)
    const table = db.table<Row, string>(row.entity)
    const key = clockKey(row.entity, row.recordId)
    if (plan === 'removed') {
      await table.delete(row.recordId)
      await db.clocks.delete(key)
      await db.conflicts.where('recordId').equals(row.recordId).delete()
      return { ok: true, record: plan }
    }
    if (record && clocks) {
      const restored = forgetEdit(row, record, clocks)
      await table.put(restored.record)
      await db.clocks.put(restored.clocks)
    }
    if (plan === 'server')
      await db.outbox.add({
        changeId: uuidv7(Date.parse(at)),
        entity: row.entity,
        recordId: row.recordId,
        version: row.version,
        changedFields: [],
        at,
        deviceId: row.deviceId,
        refresh: true,
      })
    return { ok: true, record: plan }
  })
}

const tablesOf = (db: KaderDb) => [
  db.outbox,
  db.households,
  db.members,
  db.visits,
  db.followUps,
  db.clocks,
  db.conflicts,
  db.meta,
]

async function planOf(db: KaderDb, seq: number) {
  const row = await db.outbox.get(seq)
  if (!row || isInserts(row) || !row.rejected) return undefined
  const record = await db.table<Row, string>(row.entity).get(row.recordId)
  const clocks = isInserted(row.entity) ? undefined : await db.clocks.get(clockKey(row.entity, row.recordId))
  const found = { row, record, clocks }
  if (!record || isInserted(row.entity) || neverStored(clocks)) {
    const orphans = record !== undefined && (await hasDependents(db, row.entity, record))
    return { ...found, plan: orphans ? ('dependents' as const) : ('removed' as const) }
  }
  return { ...found, plan: (await hasLeft(db, row.entity, record)) ? ('left' as const) : ('server' as const) }
}

/**
 * Every stamp of the record is a local edit not yet acknowledged that replaced no stamp (its base is null): the
 * server has never stored it. An acknowledged edit clears its base (sync/push.ts), a pulled field has no base.
 */
function neverStored(clocks: FieldClocks | undefined): boolean {
  const fields = Object.keys(clocks?.hlcs ?? {})
  const base = clocks?.base ?? {}
  return fields.length > 0 && fields.every((f) => Object.hasOwn(base, f) && base[f] === null)
}

/** The refused edit's own stamps are dropped, so the server's win at the refresh; a field it set first is cleared. */
function forgetEdit(entry: OutboxEntry, record: Row, clocks: FieldClocks) {
  const next: Row = { ...record }
  const hlcs = { ...clocks.hlcs }
  const base = { ...clocks.base }
  for (const f of entry.changedFields) {
    const stamp = hlcs[f]
    // A field another device changed since is that device's value now, not the refused edit's.
    if (!Object.hasOwn(base, f) || stamp === undefined || parseHlc(stamp).node !== entry.deviceId) continue
    if (base[f] === null) {
      if (f === 'deleted') next.deleted = false
      else delete next[f]
    }
    delete hlcs[f]
    delete base[f]
  }
  const kept: FieldClocks = { key: clocks.key, hlcs }
  if (Object.keys(base).length > 0) kept.base = base
  return { record: next, clocks: kept }
}

/** Records on the phone that hang off one the server never stored: deleting it would orphan them. */
async function hasDependents(db: KaderDb, entity: OutboxEntry['entity'], record: Row): Promise<boolean> {
  if (entity === 'households') return (await db.members.where('householdId').equals(record.id).count()) > 0
  if (entity === 'members') return (await db.visits.where('memberId').equals(record.id).count()) > 0
  if (entity === 'visits') {
    const memberId = String(record.memberId)
    const followUps = db.followUps
      .where('memberId')
      .equals(memberId)
      .filter((f) => f.visitId === record.id)
    if ((await followUps.count()) > 0) return true
    // A correction names the visit it `supersedes`, always one of the same member's (data/visits.ts checks). One
    // the server has stored already cannot be discarded, and the server never had the visit: it does not count.
    const corrections = await db.visits
      .where('memberId')
      .equals(memberId)
      .filter((v) => v.supersedes === record.id)
      .primaryKeys()
    return corrections.length > 0 && (await entriesOfRecords(db, corrections)).length > 0
  }
  return false
}

/** The household (or the member's household) left the work area and waits in sync/left.ts's list to be dropped. */
async function hasLeft(db: KaderDb, entity: OutboxEntry['entity'], record: Row): Promise<boolean> {
  const auth = await readMeta<SyncAuth>(db, AUTH_KEY)
  if (!auth) return false
  const left = (await readMeta<string[]>(db, leftKey(auth.workArea.id))) ?? []
  const householdId = entity === 'households' ? record.id : String(record.householdId)
  return left.includes(householdId)
}

/**
 * What "Buang perubahan" would do to the record of one refused change, live; null: no such change. Here, not in
 * sync-hooks.ts, so that the discard code loads with Settings and not with the first screen.
 */
export function useDiscardPlan(seq: number): DiscardPlan | null | undefined {
  return useLiveQuery(async () => (await discardPlan(seq)) ?? null, [seq])
}
