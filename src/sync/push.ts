// Push: the outbox in order, in batches, each change under its outbox entry's changeId (the idempotency key). The
// answer is stored in ONE transaction per batch: accepted → the server's record merged in and the entry deleted;
// rejected → the entry kept, marked with the reason and issues ("perlu diperbaiki"). Killed before that
// transaction commits, the batch is simply sent again: the server answers a change id it has applied with its
// first result, so nothing is applied twice.
import type { Table } from 'dexie'
import { entriesOf, entriesOfRecords, isInserts, outboxCounts, settleEntries } from '../data/outbox'
import type { FieldClocks, OutboxEntry, OutboxRejection } from '../data/schemas'
import { formatHlc, parseHlc } from '../protocol/hlc'
import type { MergedEntity } from '../protocol/records'
import { type Change, isInserted, MERGED_ENTITIES, type RecordState } from '../protocol/wire'
import { clockKey } from './clock'
import { type BatchAnswer, sendBatch, UNSENDABLE } from './isolate'
import { MERGED_FIELDS } from './merge'
import { applyStates } from './pull'
import { requeue } from './requeue'
import { MAX_BATCH_JSON_BYTES, type Row, type Run, realNow, setProgress, tableOf, tables, zip } from './run'

export async function pushAll(run: Run): Promise<void> {
  const { db } = run
  await requeue(run)
  const total0 = (await outboxCounts(db)).waiting
  // The changes already in a batch this run: an inserts row (outbox.ts) may take several batches.
  const taken = new Set<string>()
  const keyOf = (e: OutboxEntry) => `${e.seq}:${e.recordId}`
  /** The next batch after outbox seq `after` with something to send; entries whose record is gone are deleted. */
  const nextBatch = async (after: number) => {
    for (;;) {
      const rows = await db.outbox
        .where('seq')
        .above(after)
        .filter((row) => isInserts(row) || row.rejected === undefined)
        .limit(run.pageSize)
        .toArray()
      const perRow = rows.map(entriesOf)
      const entries = perRow
        .flat()
        .filter((e) => !taken.has(keyOf(e)))
        .slice(0, run.pageSize)
      if (entries.length === 0) return undefined
      const built = await buildBatch(run, entries)
      for (const e of [...built.batch, ...built.dropped]) taken.add(keyOf(e))
      // Past every row whose changes are all taken; a row partly taken is read again.
      for (const [i, row] of rows.entries()) {
        if (!perRow[i]?.every((e) => taken.has(keyOf(e)))) break
        after = row.seq ?? after
      }
      if (built.changes.length > 0) return { ...built, after, read: entries.length }
      await settleEntries(db, built.dropped, [])
    }
  }
  // One batch on the wire at a time, in outbox order (the server must see a member before its visits). The next
  // batch is built while one travels, and an answer is stored while the next batch travels.
  let done = 0
  let next = nextBatch(0)
  let stored: Promise<void> = Promise.resolve()
  if (total0 > 0) await setProgress(run, { phase: 'push', done, total: total0 })
  for (let built = await next; built; built = await next) {
    const { batch, changes, dropped } = built
    const total = Math.max(total0, done + built.read)
    const sent = sendBatch(run, changes)
    next = nextBatch(built.after)
    next.catch(() => {}) // awaited on the next turn
    const { results, serverTimeMs } = await sent
    await stored
    stored = db.transaction('rw', tables(db), async () => {
      await acknowledge(run, batch, results, serverTimeMs)
      await settleEntries(db, dropped, [])
      done += batch.length
      await setProgress(run, { phase: 'push', done, total })
    })
    stored.catch(() => {}) // awaited on the next turn or below
  }
  await stored
}

/**
 * The change each entry stands for, read now from the record and its field clocks: every field the entry names,
 * with the current value and stamp. A later local edit of the same field is thus sent with its own (newer) stamp,
 * which the merge makes harmless; an entry whose record is gone has nothing to send and is dropped.
 */
async function buildBatch(run: Run, entries: OutboxEntry[]) {
  const { db } = run
  const batch: OutboxEntry[] = []
  const changes: Change[] = []
  const dropped: OutboxEntry[] = []
  let bytes = 0
  const keys = entries.map((e) => clockKey(e.entity, e.recordId))
  const { records, clocks } = await db.transaction(
    'r',
    [db.households, db.members, db.visits, db.followUps, db.clocks],
    async () => {
      const records = new Map<string, Row | undefined>()
      // One bulk read per table: a read per entry is an IndexedDB round trip each.
      for (const entity of new Set(entries.map((e) => e.entity))) {
        const ids = [...new Set(entries.filter((e) => e.entity === entity).map((e) => e.recordId))]
        const rows = await (tableOf(db, entity) as unknown as Table<Row, string>).bulkGet(ids)
        for (const [id, row] of zip(ids, rows)) records.set(clockKey(entity, id), row)
      }
      const merged = keys.filter((_, i) => !isInserted((entries[i] as OutboxEntry).entity))
      return { records, clocks: new Map(zip(merged, await db.clocks.bulkGet(merged))) }
    },
  )
  for (const [i, entry] of entries.entries()) {
    const key = keys[i] as string
    const change = changeOf(run, entry, records.get(key), clocks.get(key))
    if (!change) {
      dropped.push(entry)
      continue
    }
    const size = JSON.stringify(change).length
    if (changes.length > 0 && bytes + size > MAX_BATCH_JSON_BYTES) break
    bytes += size
    batch.push(entry)
    changes.push(change)
  }
  return { batch, changes, dropped }
}

/** A required field of each merged entity: the server holds a stamp for it on every record it stores. */
const REFRESH_FIELD: Record<MergedEntity, string> = { households: 'workAreaId', members: 'householdId' }

const META_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'deviceId', 'version', 'deleted'])

function changeOf(
  run: Run,
  entry: OutboxEntry,
  record: Row | undefined,
  clocks: FieldClocks | undefined,
): Change | undefined {
  if (!record) return undefined
  const fields: Change['fields'] = {}
  if (isInserted(entry.entity)) {
    // One stamp for an immutable record, from its creation time — but never ahead of the server's clock, so a
    // visit recorded on a phone whose clock runs fast is not refused: it needs no ordering, only an id.
    const created = Date.parse(String(record.createdAt))
    const millis = Math.min(Number.isNaN(created) ? realNow(run) : created, realNow(run))
    const node =
      typeof record.deviceId === 'string' && isNode(record.deviceId) ? record.deviceId : run.deviceId
    const hlc = formatHlc({ millis, counter: 0, node })
    for (const [name, value] of Object.entries(record))
      if (!META_FIELDS.has(name) && value !== undefined) fields[name] = { value, hlc }
  } else if (entry.refresh) {
    // A field every stored record has, with a stamp older than any: it changes nothing, and the server answers
    // with its record as it is (docs/sync-protocol.md, Push: a change that wins nothing).
    const name = REFRESH_FIELD[entry.entity as MergedEntity]
    const hlc = formatHlc({ millis: 0, counter: 0, node: run.deviceId })
    if (record[name] !== undefined) fields[name] = { value: record[name], hlc }
  } else {
    const allowed = MERGED_FIELDS[entry.entity as MergedEntity]
    for (const name of entry.changedFields) {
      const hlc = clocks?.hlcs[name]
      if (hlc === undefined || !allowed.includes(name)) continue
      // Another device's stamp won the field since our edit: the server has that value, and a stamp of another
      // node is not ours to send (the server lets only our own stamps win).
      if (parseHlc(hlc).node !== run.deviceId) continue
      fields[name] = { value: record[name] ?? null, hlc }
    }
  }
  if (Object.keys(fields).length === 0) return undefined
  return { changeId: entry.changeId, entity: entry.entity, recordId: entry.recordId, fields }
}

const isNode = (s: string) => /^[0-9A-Za-z_-]{1,64}$/.test(s)

/** The server's answer to one batch, stored in the caller's transaction. */
async function acknowledge(
  run: Run,
  batch: OutboxEntry[],
  results: BatchAnswer['results'],
  serverTimeMs: number,
): Promise<void> {
  const { db } = run
  const at = new Date(run.now()).toISOString()
  const accepted: RecordState[] = []
  const acknowledged: OutboxEntry[] = []
  const refused: { entry: OutboxEntry; rejection: OutboxRejection }[] = []
  const touched = new Map<string, MergedEntity>()
  for (const [i, entry] of batch.entries()) {
    const result = results[i]
    if (entry.seq === undefined || !result) continue
    if (result === UNSENDABLE) {
      refused.push({ entry, rejection: { reason: 'server-error', issues: [], at } })
      run.summary.rejected += 1
    } else if (result.status === 'accepted') {
      accepted.push({ entity: result.entity, record: result.record, hlcs: result.hlcs })
      acknowledged.push(entry)
      run.summary.pushed += 1
    } else {
      const issues = Array.isArray(result.issues) ? result.issues : []
      refused.push({ entry, rejection: { reason: result.reason, issues, at } })
      run.summary.rejected += 1
    }
    if ((MERGED_ENTITIES as readonly string[]).includes(entry.entity))
      touched.set(entry.recordId, entry.entity as MergedEntity)
  }
  // Merge while the entries still exist (their fields count as unsent local edits), then delete them.
  await applyStates(run, accepted, serverTimeMs)
  await settleEntries(db, acknowledged, refused)
  // A field's base is kept only while some entry still carries an unsent edit of it.
  const ids = [...touched.keys()]
  const clocks = await db.clocks.bulkGet(ids.map((id) => clockKey(touched.get(id) as MergedEntity, id)))
  if (!clocks.some((c) => c?.base !== undefined)) return
  const open = new Map<string, Set<string>>()
  for (const e of await entriesOfRecords(db, ids))
    open.set(e.recordId, new Set([...(open.get(e.recordId) ?? []), ...e.changedFields]))
  await db.clocks.bulkPut(
    zip(ids, clocks).flatMap(([id, c]) => {
      if (c?.base === undefined) return []
      const fields = open.get(id)
      const base = Object.fromEntries(Object.entries(c.base).filter(([f]) => fields?.has(f)))
      return [{ key: c.key, hlcs: c.hlcs, ...(Object.keys(base).length > 0 ? { base } : {}) }]
    }),
  )
}
