// The sync engine: one run = pull → push → pull (docs/sync-protocol.md).
//   pull  pages after the stored cursor; each page is merged (merge.ts) and stored in ONE Dexie transaction that
//         also stores the next cursor, so a run cut at any point resumes after the last stored page;
//   push  the outbox in order, in batches, each change under its outbox entry's changeId (the idempotency key);
//         the answer is stored in ONE transaction per batch: accepted → the server's record merged in and the
//         entry deleted; rejected → the entry kept, marked with the reason and issues ("perlu diperbaiki").
//         Killed before that transaction commits, the batch is simply sent again: the server answers a change id
//         it has applied with its first result, so nothing is applied twice.
//   pull  again, for what others pushed meanwhile (and our own changes' sequence numbers, to move the cursor on).
// The first pull goes before the push so that an edit made elsewhere is seen while ours is still unsent: that is
// when a conflict can be logged (clock.ts `base`). Every request retries offline/timeout/5xx/429 with exponential
// backoff and jitter; the run's bytes, progress and outcome go to meta for the UI (src/data/sync-state.ts).

import type { Table } from 'dexie'
import { getDb, type KaderDb } from '../data/db'
import {
  entriesOf,
  entriesOfRecords,
  isInserts,
  outboxCounts,
  rejectedEntries,
  settleEntries,
} from '../data/outbox'
import type { ConflictEntry, FieldClocks, OutboxEntry, OutboxRejection } from '../data/schemas'
import {
  AUTH_KEY,
  CLOCK_SKEW_WARNING_MS,
  type ClockSkew,
  cursorKey,
  PROGRESS_KEY,
  readMeta,
  STATUS_KEY,
  type SyncAuth,
  type SyncProgress,
  type SyncRunSummary,
  type SyncStatus,
} from '../data/sync-state'
import { formatHlc, HLC_MAX_DRIFT_MS, isHlc, parseHlc } from '../protocol/hlc'
import { household, type MergedEntity, member } from '../protocol/records'
import { followUp, visit } from '../protocol/visits'
import {
  type Change,
  type ChangeResult,
  isInserted,
  MAX_BODY_BYTES,
  MERGED_ENTITIES,
  PAGE_SIZE,
  PULL_PAGE_SIZE,
  type PullResponse,
  type PushResponse,
  type RecordState,
  type SyncedEntity,
} from '../protocol/wire'
import { clockKey, loadClock, observe, saveClock, stampFields } from './clock'
import { SyncError, toSyncError } from './errors'
import { MERGED_FIELDS, mergeRecord } from './merge'
import { type Answer, type FetchLike, request } from './transport'

export interface RetryPolicy {
  /** Tries per request, the first included. */
  attempts: number
  baseMs: number
  maxMs: number
}

/**
 * Five tries, 1 s doubling to at most 60 s, with full jitter: a request that fails through a tower change or a
 * server restart is retried within a minute, and a hundred phones coming back online at once after a posyandu do
 * not hit the puskesmas server in lock step. After the last try the run fails; the scheduler tries again later.
 */
export const RETRY: RetryPolicy = { attempts: 5, baseMs: 1_000, maxMs: 60_000 }

/**
 * A push batch stops before its JSON reaches 768 KiB: the server refuses bodies over 1 MiB after gunzip
 * (MAX_BODY_BYTES), and visits with many screening parts can be large; the rest of the room is the envelope's.
 */
export const MAX_BATCH_JSON_BYTES = Math.floor(MAX_BODY_BYTES * 0.75)

/** Full jitter: a random wait between 0 and the capped exponential, at least a tenth of the base. */
export function backoffMs(attempt: number, policy: RetryPolicy = RETRY, random: () => number = Math.random) {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt)
  return Math.max(policy.baseMs / 10, Math.round(cap * random()))
}

export interface SyncOptions {
  /** Default: the base URL of the login. */
  baseUrl?: string
  db?: KaderDb
  fetch?: FetchLike
  signal?: AbortSignal
  /** The device's clock (tests). */
  now?: () => number
  retry?: Partial<RetryPolicy>
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Changes per push and records per pull page: PAGE_SIZE and PULL_PAGE_SIZE (tests use smaller ones). */
  pageSize?: number
  timeoutMs?: number
}

interface Run {
  db: KaderDb
  auth: SyncAuth & { token: string }
  baseUrl: string
  opts: SyncOptions
  now: () => number
  retry: RetryPolicy
  pageSize: number
  pullPageSize: number
  summary: SyncRunSummary
  skew?: ClockSkew
  /** The server's clock minus ours, from the latest answer: our best estimate of the real time. */
  offsetMs: number
  deviceId: string
}

/** Every table a stored page or a push answer touches: one transaction over all of them. */
const tables = (db: KaderDb) => [
  db.households,
  db.members,
  db.visits,
  db.followUps,
  db.clocks,
  db.outbox,
  db.conflicts,
  db.meta,
]

const inFlight = new Map<string, Promise<SyncRunSummary>>()

/**
 * One sync run; never two at once for one database (a second call while one runs gets the running one), nor,
 * where the browser has Web Locks, in two tabs. Resolves with the run's summary; rejects with a SyncError.
 */
export function syncNow(opts: SyncOptions = {}): Promise<SyncRunSummary> {
  const db = opts.db ?? getDb()
  const running = inFlight.get(db.name)
  if (running) return running
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  // The lock's callback returns the run's promise; the lock is held until it settles.
  const run = locks
    ? (locks.request(`kader-ilp-sync:${db.name}`, () =>
        syncOnce({ ...opts, db }),
      ) as unknown as Promise<SyncRunSummary>)
    : syncOnce({ ...opts, db })
  const tracked = run.finally(() => inFlight.delete(db.name))
  inFlight.set(db.name, tracked)
  return tracked
}

/** One run without the single-run guard: use syncNow. */
export async function syncOnce(opts: SyncOptions = {}): Promise<SyncRunSummary> {
  const db = opts.db ?? getDb()
  const now = opts.now ?? Date.now
  const auth = await readMeta<SyncAuth>(db, AUTH_KEY)
  if (!auth?.token) throw new SyncError('not-logged-in')
  const deviceId = (await db.meta.get('deviceId'))?.value
  const run: Run = {
    db,
    auth: { ...auth, token: auth.token },
    baseUrl: opts.baseUrl ?? auth.baseUrl,
    opts,
    now,
    retry: { ...RETRY, ...opts.retry },
    pageSize: opts.pageSize ?? PAGE_SIZE,
    pullPageSize: opts.pageSize ?? PULL_PAGE_SIZE,
    summary: {
      startedAt: new Date(now()).toISOString(),
      finishedAt: '',
      bytesSent: 0,
      bytesReceived: 0,
      pushed: 0,
      rejected: 0,
      pulled: 0,
    },
    offsetMs: 0,
    deviceId: typeof deviceId === 'string' ? deviceId : 'device',
  }
  try {
    await pullAll(run)
    await pushAll(run)
    await pullAll(run)
    await finish(run)
    return run.summary
  } catch (caught) {
    const error = toSyncError(caught)
    run.summary.error = error.detail
      ? { reason: error.reason, detail: error.detail }
      : { reason: error.reason }
    await finish(run, error).catch(() => {})
    throw error
  }
}

async function finish(run: Run, error?: SyncError): Promise<void> {
  const { db, summary } = run
  summary.finishedAt = new Date(run.now()).toISOString()
  await db.transaction('rw', db.meta, async () => {
    const status = (await readMeta<SyncStatus>(db, STATUS_KEY)) ?? {}
    const next: SyncStatus = { ...status, lastRun: summary }
    if (!error) next.lastSuccessAt = summary.finishedAt
    if (run.skew) next.clockSkew = run.skew
    await db.meta.put({ key: STATUS_KEY, value: next })
    await db.meta.delete(PROGRESS_KEY)
    // A refused token is gone for good: keep the account (to prefill the login) but stop syncing with it.
    if (error?.reason === 'unauthorized') {
      const auth = await readMeta<SyncAuth>(db, AUTH_KEY)
      if (auth?.token === run.auth.token) {
        const { token: _gone, ...rest } = auth
        await db.meta.put({ key: AUTH_KEY, value: rest })
      }
    }
  })
}

/** A request with retries; counts bytes and measures the clock skew on every answer. */
async function call<T>(run: Run, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
  const sleep = run.opts.sleep ?? wait
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await request<T>(method, path, body, {
        baseUrl: run.baseUrl,
        token: run.auth.token,
        fetch: run.opts.fetch,
        signal: run.opts.signal,
        timeoutMs: run.opts.timeoutMs,
        now: run.now,
      })
      run.summary.bytesSent += answer.bytesSent
      run.summary.bytesReceived += answer.bytesReceived
      if (Number.isFinite(answer.serverTimeMs)) {
        const skewMs = answer.localMidMs - answer.serverTimeMs
        run.offsetMs = -skewMs
        run.skew = {
          skewMs,
          measuredAt: new Date(answer.serverTimeMs).toISOString(),
          warning: Math.abs(skewMs) > CLOCK_SKEW_WARNING_MS,
        }
      }
      return answer
    } catch (caught) {
      const error = toSyncError(caught)
      if (!error.retryable || attempt + 1 >= run.retry.attempts) throw error
      await sleep(error.retryAfterMs ?? backoffMs(attempt, run.retry), run.opts.signal)
    }
  }
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((ok, fail) => {
    if (signal?.aborted) return fail(new SyncError('aborted'))
    const timer = setTimeout(ok, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      fail(new SyncError('aborted'))
    })
  })
}

/** Our best estimate of the real time: the device's clock corrected by the server's, never behind the device's. */
const realNow = (run: Run) => Math.max(run.now(), run.now() + run.offsetMs)

async function setProgress(run: Run, progress: Omit<SyncProgress, 'startedAt'>): Promise<void> {
  await run.db.meta.put({ key: PROGRESS_KEY, value: { ...progress, startedAt: run.summary.startedAt } })
}

// ---------------------------------------------------------------------------------------------------- pull

async function pullAll(run: Run): Promise<void> {
  const { db } = run
  const area = run.auth.workArea.id
  const fetchPage = async (cursor: number) => {
    const query = new URLSearchParams({
      cursor: String(cursor),
      limit: String(run.pullPageSize),
      workArea: area,
    })
    const answer = await call<PullResponse>(run, 'GET', `/changes?${query}`)
    const { body } = answer
    if (
      !Array.isArray(body?.records) ||
      !Number.isInteger(body.nextCursor) ||
      typeof body.hasMore !== 'boolean'
    )
      throw new SyncError('server', { detail: 'bad-pull-answer' })
    return answer
  }
  let next = fetchPage((await readMeta<number>(db, cursorKey(area))) ?? 0)
  let done = 0
  for (;;) {
    const { body, serverTimeMs } = await next
    // The next page travels while this one is stored; each is still stored with its own cursor, in order.
    if (body.hasMore) {
      next = fetchPage(body.nextCursor)
      next.catch(() => {}) // awaited on the next turn; a failed store must not leave it unhandled
    }
    await db.transaction('rw', tables(db), async () => {
      await applyStates(run, body.records, serverTimeMs)
      await db.meta.put({ key: cursorKey(area), value: body.nextCursor })
      done += body.records.length
      await setProgress(run, { phase: 'pull', done, total: done + (body.hasMore ? run.pullPageSize : 0) })
    })
    run.summary.pulled += body.records.length
    if (!body.hasMore) return
  }
}

type Row = Record<string, unknown>
const zip = <K, V>(keys: K[], values: V[]) => keys.map((k, i) => [k, values[i] as V] as const)

const RECORD_SCHEMAS = { households: household, members: member, visits: visit, followUps: followUp }
const TABLE_OF = (db: KaderDb, entity: SyncedEntity) =>
  ({ households: db.households, members: db.members, visits: db.visits, followUps: db.followUps })[entity]

/**
 * Stores records from the server inside the caller's transaction: households and members merged field by field
 * (a field with an unsent local edit keeps it unless the server's stamp is newer), visits and follow-ups added
 * when new (immutable: a local copy is never replaced). Advances the device's clock past every stamp seen.
 */
async function applyStates(run: Run, states: RecordState[], serverTimeMs: number): Promise<void> {
  const { db } = run
  const at = new Date(run.now()).toISOString()
  let newest: string | undefined
  const byEntity = new Map<SyncedEntity, { record: Row & { id: string }; hlcs: Record<string, string> }[]>()
  for (const state of states) {
    const parsed = RECORD_SCHEMAS[state.entity]?.safeParse(state.record)
    // A record this version of the app cannot read is skipped, not stored half-understood; the cursor still
    // moves on (an update that raises PULL_SCHEMA_VERSION, sync-state.ts, pulls again from 0).
    if (!parsed?.success || typeof state.hlcs !== 'object' || state.hlcs === null) continue
    for (const h of Object.values(state.hlcs))
      if ((newest === undefined || h > newest) && isHlc(h)) newest = h
    const list = byEntity.get(state.entity) ?? []
    list.push({ record: parsed.data as Row & { id: string }, hlcs: state.hlcs })
    byEntity.set(state.entity, list)
  }
  // One bulk read and one bulk write per table: a get and a put per record are an IndexedDB round trip each.
  for (const [entity, list] of byEntity) {
    const table = TABLE_OF(db, entity) as unknown as Table<Row, string>
    const ids = [...new Set(list.map((s) => s.record.id))]
    const rows = new Map(zip(ids, await table.bulkGet(ids)))
    if (isInserted(entity)) {
      // Immutable: a local copy is never replaced, and the first of two copies in one answer is kept.
      const fresh = new Map<string, Row>()
      for (const { record } of list)
        if (!rows.get(record.id) && !fresh.has(record.id)) fresh.set(record.id, record)
      await table.bulkAdd([...fresh.values()])
      continue
    }
    const keys = ids.map((id) => clockKey(entity, id))
    const clocks = new Map(zip(keys, await db.clocks.bulkGet(keys)))
    const conflicts: ConflictEntry[] = []
    // In order: a push answer may hold two states of one record.
    for (const { record, hlcs } of list) {
      const key = clockKey(entity, record.id)
      const merged = mergeRecord(key, rows.get(record.id), clocks.get(key), record, hlcs)
      rows.set(record.id, merged.record)
      clocks.set(key, merged.clocks)
      for (const c of merged.conflicts)
        conflicts.push({ ...c, at, entity: entity as MergedEntity, recordId: record.id })
    }
    await table.bulkPut([...rows.values()] as Row[])
    await db.clocks.bulkPut([...clocks.values()] as FieldClocks[])
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

// ---------------------------------------------------------------------------------------------------- push

async function pushAll(run: Run): Promise<void> {
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
    const sent = call<PushResponse>(run, 'POST', '/changes', { workAreaId: run.auth.workArea.id, changes })
    next = nextBatch(built.after)
    next.catch(() => {}) // awaited on the next turn
    const { body, serverTimeMs } = await sent
    if (!Array.isArray(body?.results) || body.results.length !== changes.length)
      throw new SyncError('server', { detail: 'bad-push-answer' })
    await stored
    stored = db.transaction('rw', tables(db), async () => {
      await acknowledge(run, batch, body.results, serverTimeMs)
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
        const rows = await (TABLE_OF(db, entity) as unknown as Table<Row, string>).bulkGet(ids)
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
  } else {
    const allowed = MERGED_FIELDS[entry.entity as MergedEntity]
    for (const name of entry.changedFields) {
      const hlc = clocks?.hlcs[name]
      if (hlc === undefined || !allowed.includes(name)) continue
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
  results: ChangeResult[],
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
    if (result.status === 'accepted') {
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

/**
 * Refused changes the server may now accept are sent again: a member refused because its household was not on
 * the server yet, and — once the phone's clock agrees with the server's — changes refused for clock skew, whose
 * fields get new stamps (the old ones were in the future). Everything else waits for the kader's fix.
 */
async function requeue(run: Run): Promise<void> {
  const { db } = run
  const clockOk = run.skew !== undefined && Math.abs(run.skew.skewMs) < HLC_MAX_DRIFT_MS / 2
  await db.transaction('rw', [db.outbox, db.clocks, db.meta, db.members], async () => {
    const refused = await rejectedEntries(db)
    const nowMs = realNow(run)
    let reset = false
    for (const e of refused) {
      if (e.seq === undefined || !e.rejected) continue
      const missingHome =
        e.rejected.reason === 'invalid' &&
        e.rejected.issues.length > 0 &&
        e.rejected.issues.every((i) => i.message === 'err.household.missing')
      const skewed = e.rejected.reason === 'clock-skew' && clockOk
      if (missingHome) {
        // Only once the household itself is no longer refused; then behind the household's own fix in the queue.
        const member = await db.members.get(e.recordId)
        const home = member ? await entriesOfRecords(db, [member.householdId]) : []
        if (home.some((h) => h.rejected !== undefined)) continue
        const { seq: _old, rejected: _why, ...again } = e
        await db.outbox.delete(e.seq)
        await db.outbox.add(again)
        continue
      }
      if (!skewed) continue
      if (skewed && !isInserted(e.entity)) {
        if (!reset) {
          // The stored clock ran ahead with the phone's wrong time; start again from the real time.
          const clock = await loadClock(db, run.deviceId)
          if (clock.millis > nowMs) await saveClock(db, { millis: nowMs, counter: 0, node: run.deviceId })
          reset = true
        }
        const clocks = await db.clocks.get(clockKey(e.entity, e.recordId))
        const future = e.changedFields.filter((f) => {
          const h = clocks?.hlcs[f]
          return h !== undefined && parseHlc(h).millis > nowMs
        })
        if (future.length > 0) await stampFields(db, e.entity, e.recordId, future, run.deviceId, nowMs)
      }
      const { rejected: _settled, ...waiting } = e
      await db.outbox.put(waiting)
    }
  })
}
