// Push and pull of households, members, visits and follow-ups (docs/sync-protocol.md). Visits and follow-ups are
// immutable: inserted once, a repeat of the same id is a duplicate (applyInsert). A push is one transaction: it first locks the
// change sequence (sync_state), so pushes apply one after another and sequence numbers follow commit order; each
// change is merged field by field (merge.ts), checked against the shared schemas and the kader's work area, and
// either stored with the next sequence number or rejected with its reason — the batch's other changes still apply.
// Applied change ids and their results are stored in the same transaction, so a batch delivered twice is applied
// once and answered the same both times.
import * as z from 'zod/mini'
import { household, householdFields, member, memberFields, syncMeta } from '../src/data/schemas'
import { followUp, visit } from '../src/data/visit-schemas'
import { checkDrift, HlcError, parseHlc } from '../src/sync/hlc'
import type { Session } from './accounts'
import type { Database, Sql } from './db'
import { latestHlc, type MergeState, mergeChange } from './merge'
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
} from './protocol'
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
    const nextSeq = () => ++lastSeq
    const results: ChangeResult[] = []
    for (const p of prepared) results.push('status' in p ? p : await applyOne(tx, session, area, p, nextSeq))
    await tx.query('UPDATE sync_state SET last_seq = $1 WHERE id = 1', [lastSeq])
    return results
  })
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

async function applyOne(
  tx: Sql,
  session: Session,
  area: AreaKey,
  p: Prepared,
  nextSeq: () => number,
): Promise<ChangeResult> {
  if (isInserted(p.entity)) return applyInsert(tx, session, area, { ...p, entity: p.entity }, nextSeq)
  const merged = { ...p, entity: p.entity as Entity }
  return applyMerged(tx, session, area, merged, nextSeq)
}

/**
 * What a change meets before it is applied: a stored record the kader may not see (forbidden), or its change id
 * already applied — to this record (the original answer, so a re-sent batch is idempotent) or to another (invalid).
 */
async function priorOutcome(
  tx: Sql,
  area: AreaKey,
  p: Prepared,
): Promise<{ result: ChangeResult } | { stored: Awaited<ReturnType<typeof loadRecord>> }> {
  const [seen] = await tx.query<{ entity: string; record_id: string; result: ChangeResult }>(
    'SELECT entity, record_id, result FROM applied_changes WHERE change_id = $1',
    [p.changeId],
  )
  const stored = await loadRecord(tx, p.entity, p.recordId)
  if (stored && !(await visible(tx, area, stored))) return { result: reject(p.changeId, 'forbidden') }
  if (seen) {
    if (seen.entity !== p.entity || seen.record_id !== p.recordId || !stored)
      return { result: reject(p.changeId, 'invalid', [{ path: 'changeId', message: 'err.changeId.reused' }]) }
    return { result: seen.result }
  }
  return { stored }
}

async function applyMerged(
  tx: Sql,
  session: Session,
  area: AreaKey,
  p: Prepared & { entity: Entity },
  nextSeq: () => number,
): Promise<ChangeResult> {
  const prior = await priorOutcome(tx, area, p)
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
    const home = await loadRecord(tx, 'households', householdId)
    if (!home)
      return reject(p.changeId, 'invalid', [{ path: 'householdId', message: 'err.household.missing' }])
    if (!(await visible(tx, area, home)))
      return reject(p.changeId, 'forbidden', [{ path: 'householdId', message: 'err.area' }])
  }

  if (!stored || applied.length > 0 || state.createdHlc !== before?.createdHlc) {
    const a = place
    await tx.query(
      `INSERT INTO records (entity, id, seq, household_id, kabupaten, kecamatan, desa, dusun, rw, rt, data, hlcs,
         created_hlc, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14)
       ON CONFLICT (entity, id) DO UPDATE SET seq = EXCLUDED.seq, household_id = EXCLUDED.household_id,
         kabupaten = EXCLUDED.kabupaten, kecamatan = EXCLUDED.kecamatan, desa = EXCLUDED.desa,
         dusun = EXCLUDED.dusun, rw = EXCLUDED.rw, rt = EXCLUDED.rt, data = EXCLUDED.data, hlcs = EXCLUDED.hlcs,
         created_hlc = EXCLUDED.created_hlc, version = EXCLUDED.version`,
      [
        p.entity,
        p.recordId,
        nextSeq(),
        householdId,
        a?.kabupaten ?? null,
        a?.kecamatan ?? null,
        a?.desa ?? null,
        a?.dusun ?? null,
        a?.rw ?? null,
        a?.rt ?? null,
        JSON.stringify(state.data),
        JSON.stringify(state.hlcs),
        state.createdHlc,
        state.version,
      ],
    )
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
  await remember(tx, session, result, p.recordId)
  return result
}

async function remember(
  tx: Sql,
  session: Session,
  result: Extract<ChangeResult, { status: 'accepted' }>,
  recordId: string,
) {
  await tx.query(
    'INSERT INTO applied_changes (change_id, user_id, entity, record_id, result) VALUES ($1, $2, $3, $4, $5::jsonb)',
    [result.changeId, session.user.id, result.entity, recordId, JSON.stringify(result)],
  )
}

/**
 * A visit or follow-up: stored whole by its first change, never merged. A later change of a stored id is a
 * duplicate (a re-sent insert, or a different change id after a lost acknowledgement) and is answered with the
 * stored record. Scope: a visit's member, a follow-up's visit must be on the server, in the kader's area, and the
 * household and member ids the record carries must be theirs.
 */
async function applyInsert(
  tx: Sql,
  session: Session,
  area: AreaKey,
  p: Prepared & { entity: InsertedEntity },
  nextSeq: () => number,
): Promise<ChangeResult> {
  const prior = await priorOutcome(tx, area, p)
  if ('result' in prior) return prior.result
  const { stored } = prior
  if (stored) {
    const duplicate: ChangeResult = { changeId: p.changeId, status: 'accepted', ...toState(stored) }
    await remember(tx, session, duplicate, p.recordId)
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
  const parent = await loadRecord(tx, parentEntity, parentId)
  if (!parent)
    return reject(p.changeId, 'invalid', [
      { path: parentPath, message: p.entity === 'visits' ? 'err.member.missing' : 'err.visit.missing' },
    ])
  if (!(await visible(tx, area, parent)))
    return reject(p.changeId, 'forbidden', [{ path: parentPath, message: 'err.area' }])
  const mismatch: Issue[] = []
  if (parent.household_id !== record.householdId)
    mismatch.push({ path: 'householdId', message: 'err.record.mismatch' })
  if (p.entity === 'followUps' && parent.data.memberId !== record.memberId)
    mismatch.push({ path: 'memberId', message: 'err.record.mismatch' })
  if (mismatch.length > 0) return reject(p.changeId, 'invalid', mismatch)

  await tx.query(
    `INSERT INTO records (entity, id, seq, household_id, data, hlcs, created_hlc, version)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, 1)`,
    [
      p.entity,
      p.recordId,
      nextSeq(),
      record.householdId,
      JSON.stringify(state.data),
      JSON.stringify(state.hlcs),
      state.createdHlc,
    ],
  )
  const result: ChangeResult = {
    changeId: p.changeId,
    status: 'accepted',
    entity: p.entity,
    record: checked.data,
    hlcs: state.hlcs,
  }
  await remember(tx, session, result, p.recordId)
  return result
}

/** Records changed after `cursor` in the session's work area, in change order. */
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
    records: page.map(toState),
    nextCursor: last ? Number(last.seq) : cursor,
    hasMore: rows.length > limit,
  }
}

async function loadRecord(tx: Sql, entity: SyncedEntity, id: string): Promise<RecordRow | undefined> {
  const [row] = await tx.query<RecordRow>('SELECT * FROM records WHERE entity = $1 AND id = $2', [entity, id])
  return row
}

/** A household is visible when its address is in the area; a member when its household is. */
async function visible(tx: Sql, area: AreaKey, row: RecordRow): Promise<boolean> {
  const home = row.entity === 'households' ? row : await loadRecord(tx, 'households', row.household_id)
  return home !== undefined && covers(area, home)
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
    message: i.message,
  }))
}
