// One push's reads and deferred writes, inside its transaction. A query per change costs ≈ 0.3 ms of round trip
// and planning on PostgreSQL, so a batch reads the change ids and records it names in one query up front, and
// writes its records (new and merged, one multi-row upsert) and change ids at the end, in the push's one last
// statement (flush, writes.ts). Reads go through a cache of rows by entity and id (absent ones as null); rows written meanwhile are in
// the cache, so a later change of the same batch sees them.
import type { SyncedEntity } from '../../src/protocol/wire'
import type { Session } from '../accounts'
import type { Sql } from '../db'
import { type AreaKey, coveredByAny, desasOf } from '../scope'
import { ENTITY_RULES } from './entities'
import type { Prepared } from './prepare'
import type { RecordRow } from './rows'
import type { Sequences } from './sequences'
import { Writes } from './writes'

/** A change id already applied, and to which record (retention.ts forgets it after a month). */
export interface Applied {
  entity: string
  record_id: string
}

/**
 * A RecordRow's columns, named: a prepared statement (db.ts) reading `*` would fail once a migration adds a column
 * while the process runs.
 */
const COLUMNS = (r: string) =>
  'desa_key entity id seq household_id kabupaten kecamatan desa dusun rw rt data hlcs created_hlc version origin_token purged_at'
    .split(' ')
    .map((c) => `${r}${c}`)
    .join(', ')

// Arrays, not a joined set: every column of the key is an index condition, whatever the table's statistics.
const RECORDS = `SELECT ${COLUMNS('')} FROM records
  WHERE desa_key = ANY($1::text[]) AND entity = ANY($2::text[]) AND id = ANY($3::text[])`
/**
 * The same, with the change ids of $4 already applied (kept in the desa of the record they changed: one of the
 * session's) riding on the first row — one row of nulls carries them when no record is found.
 */
const RECORDS_AND_APPLIED = `SELECT ${COLUMNS('r.')}, CASE WHEN row_number() OVER () = 1 THEN (
    SELECT json_agg(json_build_object('change_id', a.change_id, 'entity', a.entity, 'record_id', a.record_id))
    FROM applied_changes a WHERE a.desa_key = ANY($1::text[]) AND a.change_id = ANY($4::text[])) END AS applied
  FROM (SELECT 1) AS one LEFT JOIN records r
    ON r.desa_key = ANY($1::text[]) AND r.entity = ANY($2::text[]) AND r.id = ANY($3::text[])`

export class Batch {
  private readonly records = new Map<string, RecordRow | null>()
  /** Rows to write, by desa, entity and id: a record changed twice in a batch is written once, as it ends. */
  private readonly writes = new Map<string, RecordRow>()
  private readonly remembered: (Applied & { change_id: string; desa_key: string })[] = []

  private constructor(
    readonly tx: Sql,
    readonly session: Session,
    readonly areas: readonly AreaKey[],
    readonly seqs: Sequences,
    readonly nowMs: number,
    private readonly applied: Map<string, Applied>,
  ) {}

  static async open(
    tx: Sql,
    session: Session,
    areas: readonly AreaKey[],
    seqs: Sequences,
    nowMs: number,
    changes: Prepared[],
  ) {
    const batch = new Batch(tx, session, areas, seqs, nowMs, new Map())
    // The records the changes name and their parents, with the change ids already applied; then the households of
    // all of them.
    const named: [string, unknown][] = []
    for (const c of changes) {
      const parent = ENTITY_RULES[c.entity].parent
      named.push([c.entity, c.recordId])
      if (parent) named.push([parent.entity, c.fields[parent.field]?.value])
    }
    await batch.preload(
      named,
      changes.map((c) => c.changeId),
    )
    await batch.preload([...batch.records.values()].map((r) => ['households', r?.household_id]))
    return batch
  }

  /**
   * Reads records by entity and id in the session's desas only — one shard each under Citus. A record of another
   * desa is not found here: a change naming one is refused only after a look there (elsewhere()).
   */
  private async preload(keys: [string, unknown][], changeIds: string[] = []) {
    const wanted = new Map<string, { entity: string; id: string }>()
    for (const [entity, id] of keys)
      if (typeof id === 'string' && !this.records.has(`${entity}:${id}`))
        wanted.set(`${entity}:${id}`, { entity, id })
    if (wanted.size === 0 && changeIds.length === 0) return
    const asked = [...wanted.values()]
    const params = [desasOf(this.areas), [...new Set(asked.map((k) => k.entity))], asked.map((k) => k.id)]
    const rows = await this.tx.query<RecordRow & { applied?: (Applied & { change_id: string })[] | null }>(
      changeIds.length === 0 ? RECORDS : RECORDS_AND_APPLIED,
      changeIds.length === 0 ? params : [...params, changeIds],
    )
    for (const key of wanted.keys()) this.records.set(key, null)
    for (const { applied, ...row } of rows) {
      for (const a of applied ?? []) this.applied.set(a.change_id, a)
      if (row.id !== null) this.records.set(`${row.entity}:${row.id}`, row)
    }
  }

  async load(entity: SyncedEntity, id: string): Promise<RecordRow | undefined> {
    await this.preload([[entity, id]])
    return this.records.get(`${entity}:${id}`) ?? undefined
  }

  /**
   * Whether a record the session's desas lack lies in another desa: asked only before a change naming it is
   * refused, to answer `forbidden` rather than `invalid`. The one statement of a push that reads every shard.
   */
  async elsewhere(entity: SyncedEntity, id: string): Promise<boolean> {
    const rows = await this.tx.query('SELECT 1 FROM records WHERE entity = $1 AND id = $2 LIMIT 1', [
      entity,
      id,
    ])
    return rows.length > 0
  }

  /** A household is visible when its address is in the area; any other record when its household is. */
  async visible(row: RecordRow): Promise<boolean> {
    const home = row.entity === 'households' ? row : await this.load('households', row.household_id)
    return home !== undefined && coveredByAny(this.areas, home)
  }

  seen(changeId: string): Applied | undefined {
    return this.applied.get(changeId)
  }

  /** A row to store (new or merged): written by flush(), seen by the rest of the batch at once. */
  write(row: RecordRow) {
    this.records.set(`${row.entity}:${row.id}`, row)
    this.writes.set(`${row.desa_key}:${row.entity}:${row.id}`, row)
  }

  remember(changeId: string, entity: SyncedEntity, recordId: string, desa: string) {
    const applied = { entity, record_id: recordId }
    this.applied.set(changeId, applied)
    this.remembered.push({ change_id: changeId, ...applied, desa_key: desa })
  }

  /**
   * A household that moved to `desa` (apply.ts moved its stored records, after flushing the batch's writes): the
   * cached rows of it follow it.
   */
  moved(householdId: string, desa: string) {
    for (const row of this.records.values())
      if (row && row.entity !== 'households' && row.household_id === householdId) row.desa_key = desa
  }

  /** Writes the records waiting, before a statement that reads or moves stored rows (apply.ts). */
  async flushRecords() {
    const w = new Writes()
    this.writeRecords(w)
    await w.run(this.tx)
  }

  private writeRecords(w: Writes) {
    if (this.writes.size === 0) return
    const rows = [...this.writes.values()]
    this.writes.clear()
    // origin_token (a new visit's or follow-up's: apply.ts) is set by the insert only; a merge never changes it.
    w.add(
      'stored',
      `INSERT INTO records (desa_key, entity, id, seq, household_id, kabupaten, kecamatan, desa, dusun, rw, rt, data,
         hlcs, created_hlc, version, origin_token)
       SELECT x.desa_key, x.entity, x.id, x.seq, x.household_id, x.kabupaten, x.kecamatan, x.desa, x.dusun, x.rw,
         x.rt, x.data, x.hlcs, x.created_hlc, x.version, x.origin_token
       FROM jsonb_to_recordset(${w.param(JSON.stringify(rows))}::jsonb) AS x(desa_key text, entity text, id text,
         seq bigint, household_id text, kabupaten text, kecamatan text, desa text, dusun text, rw text, rt text,
         data jsonb, hlcs jsonb, created_hlc text, version int, origin_token text)
       ON CONFLICT (desa_key, entity, id) DO UPDATE SET seq = EXCLUDED.seq, household_id = EXCLUDED.household_id,
         kabupaten = EXCLUDED.kabupaten, kecamatan = EXCLUDED.kecamatan, desa = EXCLUDED.desa,
         dusun = EXCLUDED.dusun, rw = EXCLUDED.rw, rt = EXCLUDED.rt, data = EXCLUDED.data, hlcs = EXCLUDED.hlcs,
         created_hlc = EXCLUDED.created_hlc, version = EXCLUDED.version`,
    )
  }

  /** The batch's last writes — the records waiting and the change ids applied — as parts of `w` (writes.ts). */
  flush(w: Writes) {
    this.writeRecords(w)
    if (this.remembered.length > 0)
      w.add(
        'applied',
        `INSERT INTO applied_changes (desa_key, change_id, entity, record_id, applied_at)
         SELECT desa_key, change_id, entity, record_id, ${w.param(new Date(this.nowMs))}::timestamptz
         FROM jsonb_to_recordset(${w.param(JSON.stringify(this.remembered))}::jsonb)
           AS x(desa_key text, change_id text, entity text, record_id text)`,
      )
  }
}
