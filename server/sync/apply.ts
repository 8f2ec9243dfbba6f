// Applying one checked change inside a push's batch: households and members are merged field by field
// (src/protocol/merge.ts); visits and follow-ups are inserted once, and a later change of a stored id is a
// duplicate. Every record is checked against its entity's schema and scope (entities.ts): a household by its
// address, any other record by its parent, which must be on the server and in the kader's work area.
import type * as z from 'zod/mini'
import { type MergeState, mergeChange } from '../../src/protocol/merge'
import type { household } from '../../src/protocol/records'
import { type ChangeResult, type Issue, isInserted, type RecordState } from '../../src/protocol/wire'
import { areaOfAddress, covers, type Place } from '../scope'
import type { Batch } from './batch'
import { ENTITY_RULES } from './entities'
import { type Prepared, type Rejection, reject } from './prepare'
import { buildRecord, issuesOf, type RecordRow, stateOf, toState } from './rows'

export function applyOne(batch: Batch, p: Prepared): Promise<ChangeResult> {
  return isInserted(p.entity) ? applyInsert(batch, p) : applyMerged(batch, p)
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

/** An accepted change: answered with the record as it now is, and remembered under its change id. */
function accept(batch: Batch, p: Prepared, state: RecordState): ChangeResult {
  const result = { changeId: p.changeId, status: 'accepted' as const, ...state }
  batch.remember(result, p.recordId)
  return result
}

/** The record checked against its entity's schema: the record, or the change's rejection. */
function checkRecord(p: Prepared, state: MergeState): { record: Record<string, unknown> } | Rejection {
  const checked = ENTITY_RULES[p.entity].record.safeParse(buildRecord(p.recordId, state), {
    error: () => 'err.invalid',
  })
  if (!checked.success) return reject(p.changeId, 'invalid', issuesOf(checked.error))
  return { record: checked.data as Record<string, unknown> }
}

/**
 * Where a record belongs: a household by its address (in the kader's area, else forbidden); any other record by
 * its parent (entities.ts), which must be on the server and visible, and whose copied fields it must carry.
 */
async function placeOf(
  batch: Batch,
  p: Prepared,
  record: Record<string, unknown>,
): Promise<{ householdId: string; place?: Place } | Rejection> {
  const parent = ENTITY_RULES[p.entity].parent
  if (!parent) {
    const place = areaOfAddress((record as z.infer<typeof household>).address)
    if (!covers(batch.area, place))
      return reject(p.changeId, 'forbidden', [{ path: 'address', message: 'err.area' }])
    return { householdId: p.recordId, place }
  }
  const row = await batch.load(parent.entity, String(record[parent.field]))
  if (!row) return reject(p.changeId, 'invalid', [{ path: parent.field, message: parent.missing }])
  if (!(await batch.visible(row)))
    return reject(p.changeId, 'forbidden', [{ path: parent.field, message: 'err.area' }])
  const mismatch: Issue[] = Object.entries(parent.sameAs ?? {}).flatMap(([name, read]) =>
    record[name] === read(row) ? [] : [{ path: name, message: 'err.record.mismatch' }],
  )
  if (mismatch.length > 0) return reject(p.changeId, 'invalid', mismatch)
  return { householdId: parent.entity === 'households' ? row.id : row.household_id }
}

async function applyMerged(batch: Batch, p: Prepared): Promise<ChangeResult> {
  const prior = await priorOutcome(batch, p)
  if ('result' in prior) return prior.result
  const { stored } = prior

  const before = stored ? stateOf(stored) : undefined
  const { state, applied } = mergeChange(before, p.fields)
  const checked = checkRecord(p, state)
  if ('status' in checked) return checked
  const placed = await placeOf(batch, p, checked.record)
  if ('status' in placed) return placed

  if (!stored || applied.length > 0 || state.createdHlc !== before?.createdHlc) {
    const row: RecordRow = {
      entity: p.entity,
      id: p.recordId,
      seq: batch.nextSeq(),
      household_id: placed.householdId,
      kabupaten: placed.place?.kabupaten ?? null,
      kecamatan: placed.place?.kecamatan ?? null,
      desa: placed.place?.desa ?? null,
      dusun: placed.place?.dusun ?? null,
      rw: placed.place?.rw ?? null,
      rt: placed.place?.rt ?? null,
      data: state.data,
      hlcs: state.hlcs,
      created_hlc: state.createdHlc,
      version: state.version,
    }
    await upsert(batch, row)
    // A household that moved is seen by other kaders now: its members get new sequence numbers so that their
    // next pull brings them too, not only the household.
    if (stored && placed.place && !samePlace(stored, placed.place)) {
      const members = await batch.tx.query<{ id: string }>(
        `SELECT id FROM records WHERE entity = 'members' AND household_id = $1 ORDER BY seq`,
        [p.recordId],
      )
      for (const m of members)
        await batch.tx.query(`UPDATE records SET seq = $1 WHERE entity = 'members' AND id = $2`, [
          batch.nextSeq(),
          m.id,
        ])
    }
  }
  return accept(batch, p, {
    entity: p.entity,
    record: checked.record as RecordState['record'],
    hlcs: state.hlcs,
  })
}

/**
 * A visit or follow-up: stored whole by its first change, never merged. A later change of a stored id is a
 * duplicate (a re-sent insert, or a different change id after a lost acknowledgement) and is answered with the
 * stored record.
 */
async function applyInsert(batch: Batch, p: Prepared): Promise<ChangeResult> {
  const prior = await priorOutcome(batch, p)
  if ('result' in prior) return prior.result
  if (prior.stored) return accept(batch, p, toState(prior.stored))

  const { state } = mergeChange(undefined, p.fields)
  const checked = checkRecord(p, state)
  if ('status' in checked) return checked
  const placed = await placeOf(batch, p, checked.record)
  if ('status' in placed) return placed

  batch.insert({
    entity: p.entity,
    id: p.recordId,
    seq: batch.nextSeq(),
    household_id: placed.householdId,
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
  return accept(batch, p, {
    entity: p.entity,
    record: checked.record as RecordState['record'],
    hlcs: state.hlcs,
  })
}

async function upsert(batch: Batch, row: RecordRow): Promise<void> {
  await batch.tx.query(
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
}

function samePlace(row: RecordRow, a: Place): boolean {
  return (
    row.kabupaten === a.kabupaten &&
    row.kecamatan === a.kecamatan &&
    row.desa === a.desa &&
    row.dusun === a.dusun &&
    row.rw === a.rw &&
    row.rt === a.rt
  )
}
