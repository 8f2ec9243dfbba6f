// Applying one checked change inside a push's batch: households and members are merged field by field
// (src/protocol/merge.ts); visits and follow-ups are inserted once, and a later change of a stored id is a
// duplicate. A stamp that wins must carry the token's device as its node. A record that changes is checked
// against its entity's rules (entities.ts): the schema; its scope — a household by its address, any other record
// by its parent, which must be on the server, in the kader's work area and, for a live record, not deleted (nor
// its household); and the shared domain rules (no date after the day of the edit).
import type * as z from 'zod/mini'
import { parseHlc } from '../../src/protocol/hlc'
import { latestHlc, type MergeState, mergeChange } from '../../src/protocol/merge'
import type { household } from '../../src/protocol/records'
import { type ChangeResult, type Issue, isInserted, type RecordState } from '../../src/protocol/wire'
import { areaOfAddress, coveredByAny, desaKey, type Place } from '../scope'
import type { Batch } from './batch'
import { ENTITY_RULES } from './entities'
import { INVALID, type Prepared, type Rejection, reject } from './prepare'
import { buildRecord, issuesOf, type RecordRow, stampNode, stateOf, toState } from './rows'

export function applyOne(batch: Batch, p: Prepared): Promise<ChangeResult> {
  return isInserted(p.entity) ? applyInsert(batch, p) : applyMerged(batch, p)
}

/**
 * What a change meets before it is applied: a stored record the kader may not see (forbidden), or its change id
 * already applied — to this record (answered with the record as it is: a re-sent batch applies nothing twice) or
 * to another (invalid).
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
    return { result: { changeId: p.changeId, status: 'accepted', ...toState(stored) } }
  }
  return { stored }
}

/** An accepted change: answered with the record as it now is, and remembered under its change id in its desa. */
function accept(batch: Batch, p: Prepared, state: RecordState, desa: string): ChangeResult {
  batch.remember(p.changeId, p.entity, p.recordId, desa)
  return { changeId: p.changeId, status: 'accepted', ...state }
}

/** The record checked against its entity's schema: the record, or the change's rejection. */
function checkRecord(p: Prepared, state: MergeState): { record: Record<string, unknown> } | Rejection {
  const checked = ENTITY_RULES[p.entity].record.safeParse(buildRecord(p.recordId, state), INVALID)
  if (!checked.success) return reject(p.changeId, 'invalid', issuesOf(checked.error))
  return { record: checked.data as Record<string, unknown> }
}

/**
 * Where a record belongs: a household by its address (in the kader's area, else forbidden); any other record by
 * its parent (entities.ts), which must be on the server and visible, and whose copied fields it must carry. A
 * live record may not hang off a deleted parent or household.
 */
async function placeOf(
  batch: Batch,
  p: Prepared,
  record: Record<string, unknown>,
): Promise<{ householdId: string; desa: string; place?: Place; parent?: RecordRow } | Rejection> {
  const parent = ENTITY_RULES[p.entity].parent
  if (!parent) {
    const place = areaOfAddress((record as z.infer<typeof household>).address)
    if (!coveredByAny(batch.areas, place))
      return reject(p.changeId, 'forbidden', [{ path: 'address', message: 'err.area' }])
    return { householdId: p.recordId, desa: desaKey(place), place }
  }
  const parentId = String(record[parent.field])
  const row = await batch.load(parent.entity, parentId)
  if (!row)
    return (await batch.elsewhere(parent.entity, parentId))
      ? reject(p.changeId, 'forbidden', [{ path: parent.field, message: 'err.area' }])
      : reject(p.changeId, 'invalid', [{ path: parent.field, message: parent.missing }])
  if (!(await batch.visible(row)))
    return reject(p.changeId, 'forbidden', [{ path: parent.field, message: 'err.area' }])
  const mismatch: Issue[] = Object.entries(parent.sameAs ?? {}).flatMap(([name, read]) =>
    record[name] === read(row) ? [] : [{ path: name, message: 'err.record.mismatch' }],
  )
  if (mismatch.length > 0) return reject(p.changeId, 'invalid', mismatch)
  const householdId = parent.entity === 'households' ? row.id : row.household_id
  if (record.deleted !== true) {
    if (parent.deleted && row.data.deleted === true)
      return reject(p.changeId, 'invalid', [{ path: parent.field, message: parent.deleted }])
    const home = parent.entity === 'households' ? row : await batch.load('households', householdId)
    if (home?.data.deleted === true)
      return reject(p.changeId, 'invalid', [{ path: 'householdId', message: 'err.household.deleted' }])
  }
  return { householdId, desa: row.desa_key, parent: row }
}

const DAY_MS = 86_400_000

/**
 * The entity's domain rules (entities.ts), as the phone ran them on the day of the edit. That day is the date of
 * the change's newest stamp; a phone's local date may be a day either side of that UTC date (Indonesia is UTC+7
 * to +9), so only a problem found on both the day before and the day after is refused. A tombstone is not checked.
 */
function domainIssues(p: Prepared, record: Record<string, unknown>, parent: RecordRow | undefined): Issue[] {
  const check = ENTITY_RULES[p.entity].check
  if (!check || record.deleted === true) return []
  const editMs = parseHlc(
    latestHlc(Object.fromEntries(Object.entries(p.fields).map(([k, f]) => [k, f.hlc]))) ?? '',
  ).millis
  const [before, after] = [-DAY_MS, DAY_MS].map((d) => check(record, isoDay(editMs + d), parent))
  const found = new Set((after ?? []).map((q) => `${q.field}\n${q.key}`))
  return (before ?? [])
    .filter((q) => found.has(`${q.field}\n${q.key}`))
    .map((q) => ({ path: q.field, message: q.key }))
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * A stamp of another node than the token's device may not win a field: one device may not stamp edits as another.
 * A losing one changes nothing and is let through — a phone re-sends the value and stamp of a field it pulled
 * before its own edit of that field left.
 */
function forgedStamps(batch: Batch, p: Prepared, winners: readonly string[]): Issue[] {
  return winners.flatMap((name) => {
    const hlc = p.fields[name]?.hlc ?? ''
    return stampNode(hlc) === batch.session.deviceId
      ? []
      : [{ path: `fields.${name}.hlc`, message: 'err.hlc.node' }]
  })
}

async function applyMerged(batch: Batch, p: Prepared): Promise<ChangeResult> {
  const prior = await priorOutcome(batch, p)
  if ('result' in prior) return prior.result
  const { stored } = prior
  // A record whose data retention forgot takes no change: it stays a tombstone.
  if (stored?.purged_at) return accept(batch, p, toState(stored), stored.desa_key)
  const before = stored ? stateOf(stored) : undefined
  const { state, applied } = mergeChange(before, p.fields)
  const forged = forgedStamps(batch, p, applied)
  if (forged.length > 0) return reject(p.changeId, 'invalid', forged)
  // Only stamps that win change a record: a change that wins nothing leaves it as it is, sequence number included.
  if (stored && applied.length === 0) return accept(batch, p, toState(stored), stored.desa_key)
  const checked = checkRecord(p, state)
  // An edit of a record of another desa looks like an incomplete new one here: it is out of the area.
  if ('status' in checked)
    return !stored && (await batch.elsewhere(p.entity, p.recordId))
      ? reject(p.changeId, 'forbidden')
      : checked
  const placed = await placeOf(batch, p, checked.record)
  if ('status' in placed) return placed
  const problems = domainIssues(p, checked.record, placed.parent)
  if (problems.length > 0) return reject(p.changeId, 'invalid', problems)

  await upsert(batch, stored, {
    desa_key: placed.desa,
    entity: p.entity,
    id: p.recordId,
    seq: batch.seqs.next(placed.desa),
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
  })
  if (stored && placed.place && !samePlace(stored, placed.place))
    await moveHousehold(batch, stored, placed.desa)
  return accept(
    batch,
    p,
    { entity: p.entity, record: checked.record as RecordState['record'], hlcs: state.hlcs },
    placed.desa,
  )
}

/**
 * A household that moved is seen by other kaders now: everything that belongs to it — members, visits,
 * follow-ups — gets new sequence numbers after the household's, in their old order, so that an already-synced
 * phone's next pull brings its whole history, as a new phone's first pull would. A move to another desa moves
 * those rows there (deleted and inserted: under Citus a row's distribution column never changes in place). The
 * old place keeps a departure, numbered last: a phone whose area held it learns on its next pull that it left.
 */
async function moveHousehold(batch: Batch, before: RecordRow, to: string): Promise<void> {
  const [householdId, from] = [before.id, before.desa_key]
  // The statements below read and move the stored rows: the batch's own must be stored first.
  await batch.flushRecords()
  const [count] = await batch.tx.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM records WHERE desa_key = $2 AND household_id = $1 AND entity <> 'households'`,
    [householdId, from],
  )
  const n = Number(count?.n ?? 0)
  if (n > 0) {
    const first = batch.seqs.take(to, n)
    const ranked = `SELECT entity, id, row_number() OVER (ORDER BY seq) AS rank FROM records
                    WHERE desa_key = $2 AND household_id = $1 AND entity <> 'households'`
    if (from === to)
      await batch.tx.query(
        `UPDATE records r SET seq = $3::bigint + x.rank - 1 FROM (${ranked}) x
         WHERE r.desa_key = $2 AND r.entity = x.entity AND r.id = x.id`,
        [householdId, from, first],
      )
    else {
      await batch.tx.query(
        `INSERT INTO records (desa_key, entity, id, seq, household_id, kabupaten, kecamatan, desa, dusun, rw, rt,
           data, hlcs, created_hlc, version, origin_token, purged_at)
         SELECT $4, r.entity, r.id, $3::bigint + x.rank - 1, r.household_id, r.kabupaten, r.kecamatan, r.desa,
           r.dusun, r.rw, r.rt, r.data, r.hlcs, r.created_hlc, r.version, r.origin_token, r.purged_at
         FROM records r JOIN (${ranked}) x ON r.entity = x.entity AND r.id = x.id WHERE r.desa_key = $2`,
        [householdId, from, first, to],
      )
      await batch.tx.query(
        `DELETE FROM records WHERE desa_key = $2 AND household_id = $1 AND entity <> 'households'`,
        [householdId, from],
      )
    }
  }
  if (from !== to) batch.moved(householdId, to)
  // Its number also tells a reader of the old desa that only looks for a new end (server/supervisor/store.ts)
  // that something left it.
  await batch.tx.query(
    'INSERT INTO departures (desa_key, seq, household_id, dusun, rw, rt) VALUES ($1, $2, $3, $4, $5, $6)',
    [from, batch.seqs.next(from), householdId, before.dusun, before.rw, before.rt],
  )
}

/**
 * A visit or follow-up: stored whole by its first change, never merged. A later change of a stored id is a
 * duplicate (a re-sent insert, or a different change id after a lost acknowledgement) and is answered with the
 * stored record.
 */
async function applyInsert(batch: Batch, p: Prepared): Promise<ChangeResult> {
  const prior = await priorOutcome(batch, p)
  if ('result' in prior) return prior.result
  if (prior.stored) return accept(batch, p, toState(prior.stored), prior.stored.desa_key)

  const { state } = mergeChange(undefined, p.fields)
  const forged = forgedStamps(batch, p, Object.keys(p.fields))
  if (forged.length > 0) return reject(p.changeId, 'invalid', forged)
  const checked = checkRecord(p, state)
  if ('status' in checked) return checked
  const placed = await placeOf(batch, p, checked.record)
  if ('status' in placed) return placed
  const problems = domainIssues(p, checked.record, placed.parent)
  if (problems.length > 0) return reject(p.changeId, 'invalid', problems)

  batch.write({
    desa_key: placed.desa,
    entity: p.entity,
    id: p.recordId,
    seq: batch.seqs.next(placed.desa),
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
    origin_token: batch.session.tokenId,
  })
  return accept(
    batch,
    p,
    { entity: p.entity, record: checked.record as RecordState['record'], hlcs: state.hlcs },
    placed.desa,
  )
}

/** Writes a merged record; one that moved to another desa leaves its old one (a delete and an insert). */
async function upsert(batch: Batch, stored: RecordRow | undefined, row: RecordRow): Promise<void> {
  if (stored && stored.desa_key !== row.desa_key) {
    await batch.flushRecords()
    await batch.tx.query('DELETE FROM records WHERE desa_key = $1 AND entity = $2 AND id = $3', [
      stored.desa_key,
      row.entity,
      row.id,
    ])
  }
  batch.write(row)
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
