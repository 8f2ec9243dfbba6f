// Pull: the pages after the stored cursor, each merged (merge.ts) and stored in ONE Dexie transaction that also
// stores the next cursor and drops the households that left the area (left.ts), so a run cut at any point resumes
// after the last stored page. The next page travels while one is stored.
import type { Table } from 'dexie'
import type { ConflictEntry } from '../data/schemas'
import { cursorKey, nextPosition, type PullPosition, pullPositionOf, readMeta } from '../data/sync-state'
import { isHlc } from '../protocol/hlc'
import { household, type MergedEntity, member } from '../protocol/records'
import { followUp, visit } from '../protocol/visits'
import { isInserted, type PullResponse, type RecordState, type SyncedEntity } from '../protocol/wire'
import { clockKey, loadClock, observe, saveClock } from './clock'
import { SyncError } from './errors'
import { dropLeft } from './left'
import { mergeRecord } from './merge'
import { call, type Row, type Run, setProgress, tableOf, tables, zip } from './run'

export async function pullAll(run: Run): Promise<void> {
  const { db } = run
  const area = run.auth.workArea.id
  const fetchPage = async ({ cursors, cursor, epoch }: PullPosition) => {
    const query = new URLSearchParams({
      // An app updated from before per-desa cursors sends its one number once (PullPosition).
      ...(cursors === undefined && cursor !== undefined
        ? { cursor: String(cursor) }
        : { cursors: JSON.stringify(cursors ?? {}) }),
      limit: String(run.pullPageSize),
      workArea: area,
      ...(epoch === undefined ? {} : { epoch }),
    })
    const answer = await call<PullResponse>(run, 'GET', `/changes?${query}`)
    const { body } = answer
    if (
      !Array.isArray(body?.records) ||
      (nextPosition(body).cursors === undefined && !Number.isInteger(body.nextCursor)) ||
      typeof body.hasMore !== 'boolean' ||
      (body.epoch !== undefined && typeof body.epoch !== 'string')
    )
      throw new SyncError('server', { detail: 'bad-pull-answer' })
    return answer
  }
  // A cursor the server no longer knows (a restore from backup) is answered from 0 (`reset`): merging again
  // what the phone holds changes nothing, and what it missed arrives.
  let next = fetchPage(pullPositionOf(await readMeta(db, cursorKey(area))))
  let done = 0
  for (;;) {
    const { body, serverTimeMs } = await next
    // The next page travels while this one is stored; each is still stored with its own cursors, in order.
    const position = nextPosition(body)
    if (body.hasMore) {
      next = fetchPage(position)
      next.catch(() => {}) // awaited on the next turn; a failed store must not leave it unhandled
    }
    await db.transaction('rw', tables(db), async () => {
      await applyStates(run, body.records, serverTimeMs)
      await dropLeft(
        run,
        Array.isArray(body.left) ? body.left.filter((id) => typeof id === 'string') : [],
        body.records,
      )
      await db.meta.put({ key: cursorKey(area), value: position })
      done += body.records.length
      await setProgress(run, { phase: 'pull', done, total: done + (body.hasMore ? run.pullPageSize : 0) })
    })
    run.summary.pulled += body.records.length
    if (!body.hasMore) return
  }
}

const RECORD_SCHEMAS = { households: household, members: member, visits: visit, followUps: followUp }

/** A purged tombstone as the server sends it: meta, `deleted: true`, and the deletion's stamp only. */
function tombstoneOf(state: RecordState): Row | undefined {
  const r = state.record as Row | undefined
  return typeof r?.id === 'string' && r.deleted === true && isHlc(state.hlcs?.deleted) ? r : undefined
}
/**
 * Stores records from the server inside the caller's transaction: households and members merged field by field
 * (a field with an unsent local edit keeps it unless the server's stamp is newer), visits and follow-ups added
 * when new (immutable: a local copy is never replaced). A purged tombstone (the server forgot a deleted record's
 * data) only marks a copy this device holds as deleted. Advances the device's clock past every stamp seen.
 */
export async function applyStates(run: Run, states: RecordState[], serverTimeMs: number): Promise<void> {
  const { db } = run
  const at = new Date(run.now()).toISOString()
  let newest: string | undefined
  type Incoming = { record: Row & { id: string }; hlcs: Record<string, string>; purged?: true }
  const byEntity = new Map<SyncedEntity, Incoming[]>()
  for (const state of states) {
    const record = state.purged
      ? tombstoneOf(state)
      : RECORD_SCHEMAS[state.entity]?.safeParse(state.record).data
    // A record this version of the app cannot read is skipped, not stored half-understood; the cursor still
    // moves on (an update that raises PULL_SCHEMA_VERSION, sync-state.ts, pulls again from 0).
    if (!record || typeof state.hlcs !== 'object' || state.hlcs === null) continue
    for (const h of Object.values(state.hlcs))
      if ((newest === undefined || h > newest) && isHlc(h)) newest = h
    const list = byEntity.get(state.entity) ?? []
    list.push({
      record: record as Row & { id: string },
      hlcs: state.hlcs,
      ...(state.purged ? { purged: true } : {}),
    })
    byEntity.set(state.entity, list)
  }
  // One bulk read and one bulk write per table: a get and a put per record are an IndexedDB round trip each.
  for (const [entity, list] of byEntity) {
    const table = tableOf(db, entity) as unknown as Table<Row, string>
    const ids = [...new Set(list.map((s) => s.record.id))]
    const rows = new Map(zip(ids, await table.bulkGet(ids)))
    if (isInserted(entity)) {
      // Immutable: a local copy is never replaced, and the first of two copies in one answer is kept.
      const fresh = new Map<string, Row>()
      for (const { record, purged } of list)
        if (!purged && !rows.get(record.id) && !fresh.has(record.id)) fresh.set(record.id, record)
      await table.bulkAdd([...fresh.values()])
      continue
    }
    const keys = ids.map((id) => clockKey(entity, id))
    const clocks = new Map(zip(keys, await db.clocks.bulkGet(keys)))
    const conflicts: ConflictEntry[] = []
    // In order: a push answer may hold two states of one record.
    for (const { record, hlcs, purged } of list) {
      const key = clockKey(entity, record.id)
      // Nothing to mark deleted, and nothing of the record to store.
      if (purged && !rows.get(record.id)) continue
      const merged = mergeRecord(key, rows.get(record.id), clocks.get(key), record, hlcs)
      rows.set(record.id, merged.record)
      clocks.set(key, merged.clocks)
      for (const c of merged.conflicts)
        conflicts.push({ ...c, at, entity: entity as MergedEntity, recordId: record.id })
    }
    await table.bulkPut([...rows.values()].filter((r) => r !== undefined))
    await db.clocks.bulkPut([...clocks.values()].filter((c) => c !== undefined))
    if (conflicts.length > 0) await db.conflicts.bulkAdd(conflicts)
  }
  // The clock moves past everything seen, and past the server's time: the next local edit is stamped after
  // them even on a phone whose clock is behind.
  const nowMs = Math.max(run.now(), Number.isFinite(serverTimeMs) ? serverTimeMs : 0)
  let clock = await loadClock(db, run.deviceId)
  const before = clock
  if (newest !== undefined) clock = observe(clock, newest, nowMs)
  if (Number.isFinite(serverTimeMs))
    clock = observe(clock, { millis: serverTimeMs, counter: 0, node: 'server' }, nowMs)
  if (clock !== before) await saveClock(db, clock)
}
