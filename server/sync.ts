// Push and pull of households, members, visits and follow-ups (docs/sync-protocol.md). Visits and follow-ups are
// immutable: inserted once, a repeat of the same id is a duplicate (applyInsert). A push is one transaction: it first locks the
// change sequence (sync_state), so pushes apply one after another and sequence numbers follow commit order; each
// change is merged field by field (src/protocol/merge.ts), checked against the shared schemas and the kader's work area, and
// either stored with the next sequence number or rejected with its reason — the batch's other changes still apply.
// Applied change ids and their results are stored in the same transaction, so a batch delivered twice is applied
// once and answered the same both times. A batch reads the change ids and records it names in two queries up front
// and writes its inserts and change ids in one statement each at the end (Batch): a query per change costs ≈ 1 ms.
import * as z from 'zod/mini'
import { isErrorKey } from '../src/protocol/error-messages'
import { checkDrift, HlcError, parseHlc } from '../src/protocol/hlc'
import { latestHlc, type MergeState, mergeChange } from '../src/protocol/merge'
import { household, householdFields, member, memberFields, syncMeta } from '../src/protocol/records'
import { followUp, visit } from '../src/protocol/visits'
import {
  type ChangeResult,
  change as changeSchema,
  type MergedEntity as Entity,
  type FieldChange,
  type InsertedEntity,
  type Issue,
  isInserted,
  PULL_PAGE_SIZE,
  type RecordState,
  type SyncedEntity,
  type SyncedRecord,
} from '../src/protocol/wire'
import type { Session } from './accounts'
import type { Database, Sql } from './db'
import { type AreaKey, areaOfAddress, areaOfWorkArea, covers } from './scope'

/** A record schema's own fields: everything but the sync meta, which the server derives from the stamps. */
const ownFields = (shape: Record<string, z.ZodMiniType>): Record<string, z.ZodMiniType> =>
  Object.fromEntries(Object.entries(shape).filter(([name]) => !Object.hasOwn(syncMeta, name)))

/**
 * The fields a change may set: the record's own fields, and for merged records the tombstone; ids and meta are
 * the server's. Visits and follow-ups are never deleted: a correction supersedes them.
 */
const FIELD_SCHEMAS: Record<SyncedEntity, Record<string, z.ZodMiniType>> = {
  households: { ...householdFields, deleted: z.boolean() },
  members: { ...memberFields, deleted: z.boolean() },
  visits: ownFields(visit.shape),
  followUps: ownFields(followUp.shape),
}
const RECORD_SCHEMAS: Record<SyncedEntity, z.ZodMiniType<SyncedRecord>> = {
  households: household,
  members: member,
  visits: visit,
  followUps: followUp,
}

interface RecordRow {
  entity: SyncedEntity
  id: string
  seq: number | string
  household_id: string
  kabupaten: string | null
  kecamatan: string | null
  desa: string | null
  dusun: string | null
  rw: string | null
  rt: string | null
  data: Record<string, unknown>
  hlcs: Record<string, string>
  created_hlc: string
  version: number
  origin_token?: string | null
}

interface Prepared {
  changeId: string
  entity: SyncedEntity
  recordId: string
  fields: Record<string, FieldChange>
}

type Rejection = Extract<ChangeResult, { status: 'rejected' }>

const reject = (changeId: string | null, reason: Rejection['reason'], issues: Issue[] = []): Rejection => ({
  changeId,
  status: 'rejected',
  reason,
  issues,
})

/** Applies a batch for a session; results are in the order of `changes`. */
export async function push(
  db: Database,
  session: Session,
  changes: unknown[],
  nowMs: number,
): Promise<ChangeResult[]> {
  const prepared = changes.map((raw) => prepare(raw, nowMs))
  const area = areaOfWorkArea(session.workArea)
  return db.transaction(async (tx) => {
    const [state] = await tx.query<{ last_seq: number | string }>(
      'SELECT last_seq FROM sync_state WHERE id = 1 FOR UPDATE',
    )
    let lastSeq = Number(state?.last_seq ?? 0)
    const batch = await Batch.open(tx, session, area, () => ++lastSeq, prepared)
    const results: ChangeResult[] = []
    for (const p of prepared) results.push('status' in p ? p : await applyOne(batch, p))
    await batch.flush()
    await tx.query('UPDATE sync_state SET last_seq = $1 WHERE id = 1', [lastSeq])
    return results
  })
}

type Applied = { entity: string; record_id: string; result: ChangeResult }

/**
 * One push's reads and deferred writes, inside its transaction. Reads go through `records` (a cache of rows by
 * entity and id, absent ones as null) and `applied`; inserted visits and follow-ups and applied change ids are
 * written by flush(), and are in the cache meanwhile, so a later change of the same batch sees them.
 */
class Batch {
  private readonly records = new Map<string, RecordRow | null>()
  private readonly inserts: RecordRow[] = []
  private readonly remembered: Applied[] = []

  private constructor(
    readonly tx: Sql,
    readonly session: Session,
    readonly area: AreaKey,
    readonly nextSeq: () => number,
    private readonly applied: Map<string, Applied>,
  ) {}

  static async open(
    tx: Sql,
    session: Session,
    area: AreaKey,
    nextSeq: () => number,
    prepared: (Prepared | Rejection)[],
  ) {
    const changes = prepared.filter((p): p is Prepared => !('status' in p))
    const seen = await tx.query<Applied & { change_id: string }>(
      `SELECT change_id, entity, record_id, result FROM applied_changes
       WHERE change_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(changes.map((c) => c.changeId))],
    )
    const batch = new Batch(tx, session, area, nextSeq, new Map(seen.map((r) => [r.change_id, r])))
    // The records the changes name, their parents, then the parents' households.
    const named: [string, unknown][] = changes.flatMap((c) => [
      [c.entity, c.recordId],
      ['households', c.fields.householdId?.value],
      ['members', c.fields.memberId?.value],
      ['visits', c.fields.visitId?.value],
    ])
    await batch.preload(named)
    await batch.preload([...batch.records.values()].map((r) => ['households', r?.household_id]))
    return batch
  }

  private async preload(keys: [string, unknown][]) {
    const wanted = new Map<string, { entity: string; id: string }>()
    for (const [entity, id] of keys)
      if (typeof id === 'string' && !this.records.has(`${entity}:${id}`))
        wanted.set(`${entity}:${id}`, { entity, id })
    if (wanted.size === 0) return
    const rows = await this.tx.query<RecordRow>(
      `SELECT r.* FROM records r JOIN jsonb_to_recordset($1::jsonb) AS k(entity text, id text)
       ON r.entity = k.entity AND r.id = k.id`,
      [JSON.stringify([...wanted.values()])],
    )
    for (const key of wanted.keys()) this.records.set(key, null)
    for (const row of rows) this.records.set(`${row.entity}:${row.id}`, row)
  }

  async load(entity: SyncedEntity, id: string): Promise<RecordRow | undefined> {
    const key = `${entity}:${id}`
    if (!this.records.has(key)) {
      const [row] = await this.tx.query<RecordRow>('SELECT * FROM records WHERE entity = $1 AND id = $2', [
        entity,
        id,
      ])
      this.records.set(key, row ?? null)
    }
    return this.records.get(key) ?? undefined
  }

  /** A household is visible when its address is in the area; a member when its household is. */
  async visible(row: RecordRow): Promise<boolean> {
    const home = row.entity === 'households' ? row : await this.load('households', row.household_id)
    return home !== undefined && covers(this.area, home)
  }

  seen(changeId: string): Applied | undefined {
    return this.applied.get(changeId)
  }

  /** A row written now (merged records are written at once; this keeps the cache right). */
  stored(row: RecordRow) {
    this.records.set(`${row.entity}:${row.id}`, row)
  }

  insert(row: RecordRow) {
    this.stored(row)
    this.inserts.push(row)
  }

  remember(result: Extract<ChangeResult, { status: 'accepted' }>, recordId: string) {
    const applied = { entity: result.entity, record_id: recordId, result }
    this.applied.set(result.changeId, applied)
    this.remembered.push(applied)
  }

  async flush() {
    if (this.inserts.length > 0)
      await this.tx.query(
        `INSERT INTO records (entity, id, seq, household_id, data, hlcs, created_hlc, version, origin_token)
         SELECT entity, id, seq, household_id, data, hlcs, created_hlc, 1, $2
         FROM jsonb_to_recordset($1::jsonb)
           AS x(entity text, id text, seq bigint, household_id text, data jsonb, hlcs jsonb, created_hlc text)`,
        [JSON.stringify(this.inserts), this.session.tokenId],
      )
    if (this.remembered.length > 0)
      await this.tx.query(
        `INSERT INTO applied_changes (change_id, user_id, entity, record_id, result)
         SELECT x.result->>'changeId', $2, entity, record_id, result
         FROM jsonb_to_recordset($1::jsonb) AS x(entity text, record_id text, result jsonb)`,
        [JSON.stringify(this.remembered), this.session.user.id],
      )
  }
}

/** The checks that need no database: the change's shape, its field names, values and stamps. */
function prepare(raw: unknown, nowMs: number): Prepared | Rejection {
  const rawId = (raw as { changeId?: unknown } | null)?.changeId
  const parsed = changeSchema.safeParse(raw, { error: () => 'err.invalid' })
  if (!parsed.success)
    return reject(typeof rawId === 'string' ? rawId : null, 'invalid', issuesOf(parsed.error))
  const c = parsed.data
  const schemas = FIELD_SCHEMAS[c.entity]
  const issues: Issue[] = []
  const fields: Record<string, FieldChange> = {}
  let skewed = false
  if (Object.keys(c.fields).length === 0) issues.push({ path: 'fields', message: 'err.required' })
  for (const [name, { value, hlc }] of Object.entries(c.fields)) {
    const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined
    if (!schema) {
      issues.push({ path: `fields.${name}`, message: 'err.field.unknown' })
      continue
    }
    try {
      checkDrift(parseHlc(hlc), nowMs)
    } catch (error) {
      if (error instanceof HlcError && error.reason === 'clock-drift') skewed = true
      else issues.push({ path: `fields.${name}.hlc`, message: 'err.hlc' })
      continue
    }
    // null clears a field, which only an optional field allows.
    const result = schema.safeParse(value ?? undefined, { error: () => 'err.invalid' })
    if (result.success) fields[name] = { value: result.data ?? null, hlc }
    else issues.push(...issuesOf(result.error, name))
  }
  if (issues.length > 0) return reject(c.changeId, 'invalid', issues)
  if (skewed) return reject(c.changeId, 'clock-skew')
  return { changeId: c.changeId, entity: c.entity, recordId: c.recordId, fields }
}

async function applyOne(batch: Batch, p: Prepared): Promise<ChangeResult> {
  if (isInserted(p.entity)) return applyInsert(batch, { ...p, entity: p.entity })
  return applyMerged(batch, { ...p, entity: p.entity as Entity })
}

/**
 * What a change meets before it is applied: a stored record the kader may not see (forbidden), or its change id
 * already applied — to this record (the original answer, so a re-sent batch is idempotent) or to another (invalid).
 */
async function priorOutcome(
  batch: Batch,
  p: Prepared,
): Promise<{ result: ChangeResult } | { stored: RecordRow | undefined }> {
  const seen = batch.seen(p.changeId)
  const stored = await batch.load(p.entity, p.recordId)
  if (stored && !(await batch.visible(stored))) return { result: reject(p.changeId, 'forbidden') }
  if (seen) {
    if (seen.entity !== p.entity || seen.record_id !== p.recordId || !stored)
      return { result: reject(p.changeId, 'invalid', [{ path: 'changeId', message: 'err.changeId.reused' }]) }
    return { result: seen.result }
  }
  return { stored }
}

async function applyMerged(batch: Batch, p: Prepared & { entity: Entity }): Promise<ChangeResult> {
  const { tx, area, nextSeq } = batch
  const prior = await priorOutcome(batch, p)
  if ('result' in prior) return prior.result
  const { stored } = prior

  const before = stored ? stateOf(stored) : undefined
  const { state, applied } = mergeChange(before, p.fields)
  const record = buildRecord(p.recordId, state)
  const checked = RECORD_SCHEMAS[p.entity].safeParse(record, { error: () => 'err.invalid' })
  if (!checked.success) return reject(p.changeId, 'invalid', issuesOf(checked.error))

  let place: ReturnType<typeof areaOfAddress> | undefined
  let householdId = p.recordId
  if (p.entity === 'households') {
    place = areaOfAddress((checked.data as z.infer<typeof household>).address)
    if (!covers(area, place))
      return reject(p.changeId, 'forbidden', [{ path: 'address', message: 'err.area' }])
  } else {
    householdId = (checked.data as z.infer<typeof member>).householdId
    const home = await batch.load('households', householdId)
    if (!home)
      return reject(p.changeId, 'invalid', [{ path: 'householdId', message: 'err.household.missing' }])
    if (!(await batch.visible(home)))
      return reject(p.changeId, 'forbidden', [{ path: 'householdId', message: 'err.area' }])
  }

  if (!stored || applied.length > 0 || state.createdHlc !== before?.createdHlc) {
    const a = place
    const row: RecordRow = {
      entity: p.entity,
      id: p.recordId,
      seq: nextSeq(),
      household_id: householdId,
      kabupaten: a?.kabupaten ?? null,
      kecamatan: a?.kecamatan ?? null,
      desa: a?.desa ?? null,
      dusun: a?.dusun ?? null,
      rw: a?.rw ?? null,
      rt: a?.rt ?? null,
      data: state.data,
      hlcs: state.hlcs,
      created_hlc: state.createdHlc,
      version: state.version,
    }
    await tx.query(
      `INSERT INTO records (entity, id, seq, household_id, kabupaten, kecamatan, desa, dusun, rw, rt, data, hlcs,
         created_hlc, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14)
       ON CONFLICT (entity, id) DO UPDATE SET seq = EXCLUDED.seq, household_id = EXCLUDED.household_id,
         kabupaten = EXCLUDED.kabupaten, kecamatan = EXCLUDED.kecamatan, desa = EXCLUDED.desa,
         dusun = EXCLUDED.dusun, rw = EXCLUDED.rw, rt = EXCLUDED.rt, data = EXCLUDED.data, hlcs = EXCLUDED.hlcs,
         created_hlc = EXCLUDED.created_hlc, version = EXCLUDED.version`,
      [
        row.entity,
        row.id,
        row.seq,
        row.household_id,
        row.kabupaten,
        row.kecamatan,
        row.desa,
        row.dusun,
        row.rw,
        row.rt,
        JSON.stringify(row.data),
        JSON.stringify(row.hlcs),
        row.created_hlc,
        row.version,
      ],
    )
    batch.stored(row)
    // A household that moved is seen by other kaders now: its members get new sequence numbers so that their
    // next pull brings them too, not only the household.
    if (stored && a && !sameArea(stored, a)) {
      const members = await tx.query<{ id: string }>(
        `SELECT id FROM records WHERE entity = 'members' AND household_id = $1 ORDER BY seq`,
        [p.recordId],
      )
      for (const m of members)
        await tx.query(`UPDATE records SET seq = $1 WHERE entity = 'members' AND id = $2`, [nextSeq(), m.id])
    }
  }
  const result: ChangeResult = {
    changeId: p.changeId,
    status: 'accepted',
    entity: p.entity,
    record: checked.data,
    hlcs: state.hlcs,
  }
  batch.remember(result, p.recordId)
  return result
}

/**
 * A visit or follow-up: stored whole by its first change, never merged. A later change of a stored id is a
 * duplicate (a re-sent insert, or a different change id after a lost acknowledgement) and is answered with the
 * stored record. Scope: a visit's member, a follow-up's visit must be on the server, in the kader's area, and the
 * household and member ids the record carries must be theirs.
 */
async function applyInsert(batch: Batch, p: Prepared & { entity: InsertedEntity }): Promise<ChangeResult> {
  const prior = await priorOutcome(batch, p)
  if ('result' in prior) return prior.result
  const { stored } = prior
  if (stored) {
    const duplicate: ChangeResult = { changeId: p.changeId, status: 'accepted', ...toState(stored) }
    batch.remember(duplicate, p.recordId)
    return duplicate
  }

  const { state } = mergeChange(undefined, p.fields)
  const checked = RECORD_SCHEMAS[p.entity].safeParse(buildRecord(p.recordId, state), {
    error: () => 'err.invalid',
  })
  if (!checked.success) return reject(p.changeId, 'invalid', issuesOf(checked.error))
  const record = checked.data as { memberId: string; householdId: string; visitId?: string }

  const parentEntity = p.entity === 'visits' ? 'members' : 'visits'
  const parentId = p.entity === 'visits' ? record.memberId : (record.visitId ?? '')
  const parentPath = p.entity === 'visits' ? 'memberId' : 'visitId'
  const parent = await batch.load(parentEntity, parentId)
  if (!parent)
    return reject(p.changeId, 'invalid', [
      { path: parentPath, message: p.entity === 'visits' ? 'err.member.missing' : 'err.visit.missing' },
    ])
  if (!(await batch.visible(parent)))
    return reject(p.changeId, 'forbidden', [{ path: parentPath, message: 'err.area' }])
  const mismatch: Issue[] = []
  if (parent.household_id !== record.householdId)
    mismatch.push({ path: 'householdId', message: 'err.record.mismatch' })
  if (p.entity === 'followUps' && parent.data.memberId !== record.memberId)
    mismatch.push({ path: 'memberId', message: 'err.record.mismatch' })
  if (mismatch.length > 0) return reject(p.changeId, 'invalid', mismatch)

  batch.insert({
    entity: p.entity,
    id: p.recordId,
    seq: batch.nextSeq(),
    household_id: record.householdId,
    kabupaten: null,
    kecamatan: null,
    desa: null,
    dusun: null,
    rw: null,
    rt: null,
    data: state.data,
    hlcs: state.hlcs,
    created_hlc: state.createdHlc,
    version: 1,
  })
  const result: ChangeResult = {
    changeId: p.changeId,
    status: 'accepted',
    entity: p.entity,
    record: checked.data,
    hlcs: state.hlcs,
  }
  batch.remember(result, p.recordId)
  return result
}

/**
 * Records changed after `cursor` in the session's work area, in change order. Visits and follow-ups this token
 * pushed are left out (the device holds them, and they never change), but the cursor moves past them.
 */
export async function pull(
  db: Database,
  session: Session,
  cursor: number,
  limit: number = PULL_PAGE_SIZE,
): Promise<{ records: RecordState[]; nextCursor: number; hasMore: boolean }> {
  const a = areaOfWorkArea(session.workArea)
  const rows = await db.query<RecordRow>(
    `SELECT r.* FROM records r JOIN records h ON h.entity = 'households' AND h.id = r.household_id
     WHERE r.seq > $1 AND h.kabupaten = $2 AND h.kecamatan = $3 AND h.desa = $4
       AND ($5::text IS NULL OR h.dusun = $5) AND ($6::text IS NULL OR h.rw = $6) AND ($7::text IS NULL OR h.rt = $7)
     ORDER BY r.seq LIMIT $8`,
    [cursor, a.kabupaten, a.kecamatan, a.desa, a.dusun ?? null, a.rw ?? null, a.rt ?? null, limit + 1],
  )
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    records: page.filter((r) => r.origin_token !== session.tokenId || !isInserted(r.entity)).map(toState),
    nextCursor: last ? Number(last.seq) : cursor,
    hasMore: rows.length > limit,
  }
}

function sameArea(row: RecordRow, a: ReturnType<typeof areaOfAddress>): boolean {
  return (
    row.kabupaten === a.kabupaten &&
    row.kecamatan === a.kecamatan &&
    row.desa === a.desa &&
    row.dusun === a.dusun &&
    row.rw === a.rw &&
    row.rt === a.rt
  )
}

function stateOf(row: RecordRow): MergeState {
  return { data: row.data, hlcs: row.hlcs, createdHlc: row.created_hlc, version: row.version }
}

function toState(row: RecordRow): RecordState {
  return { entity: row.entity, record: buildRecord(row.id, stateOf(row)) as SyncedRecord, hlcs: row.hlcs }
}

/**
 * The record as the shared schema describes it. Its meta comes from the stamps, so every replica derives the
 * same: createdAt from the first stamp, updatedAt and deviceId from the latest, version from the merge.
 */
function buildRecord(id: string, state: MergeState): Record<string, unknown> {
  const latest = parseHlc(latestHlc(state.hlcs) ?? state.createdHlc)
  const record: Record<string, unknown> = {
    id,
    createdAt: new Date(parseHlc(state.createdHlc).millis).toISOString(),
    updatedAt: new Date(latest.millis).toISOString(),
    deviceId: latest.node,
    version: Math.max(state.version, 1),
    deleted: false,
  }
  for (const [k, v] of Object.entries(state.data)) if (v !== null) record[k] = v
  return record
}

function issuesOf(error: z.core.$ZodError, prefix?: string): Issue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((s) => s !== undefined).join('.'),
    message: isErrorKey(i.message) ? i.message : 'err.invalid',
  }))
}
