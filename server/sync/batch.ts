// One push's reads and deferred writes, inside its transaction. A query per change costs ≈ 1 ms, so a batch reads
// the change ids and records it names in two queries up front, and writes its inserts and change ids in one
// statement each at the end (flush). Reads go through a cache of rows by entity and id (absent ones as null);
// rows written meanwhile are in the cache, so a later change of the same batch sees them.
import type { SyncedEntity } from '../../src/protocol/wire'
import type { Session } from '../accounts'
import type { Sql } from '../db'
import { type AreaKey, coveredByAny, desasOf } from '../scope'
import { ENTITY_RULES } from './entities'
import type { Prepared } from './prepare'
import type { RecordRow } from './rows'
import type { Sequences } from './sequences'

/** A change id already applied, and to which record (retention.ts forgets it after a month). */
export interface Applied {
  entity: string
  record_id: string
}

export class Batch {
  private readonly records = new Map<string, RecordRow | null>()
  private readonly inserts: RecordRow[] = []
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
    // Applied change ids are kept in the desa of the record they changed: one of the session's.
    const seen = await tx.query<Applied & { change_id: string }>(
      `SELECT change_id, entity, record_id FROM applied_changes
       WHERE desa_key = ANY($2::text[]) AND change_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(changes.map((c) => c.changeId)), desasOf(areas)],
    )
    const batch = new Batch(tx, session, areas, seqs, nowMs, new Map(seen.map((r) => [r.change_id, r])))
    // The records the changes name and their parents, then the households of all of them.
    const named: [string, unknown][] = []
    for (const c of changes) {
      const parent = ENTITY_RULES[c.entity].parent
      named.push([c.entity, c.recordId])
      if (parent) named.push([parent.entity, c.fields[parent.field]?.value])
    }
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

  /** A household is visible when its address is in the area; any other record when its household is. */
  async visible(row: RecordRow): Promise<boolean> {
    const home = row.entity === 'households' ? row : await this.load('households', row.household_id)
    return home !== undefined && coveredByAny(this.areas, home)
  }

  seen(changeId: string): Applied | undefined {
    return this.applied.get(changeId)
  }

  /** A row written now (merged records are written at once; this keeps the cache right). */
  stored(row: RecordRow) {
    this.records.set(`${row.entity}:${row.id}`, row)
  }

  /** A row written by flush(). */
  insert(row: RecordRow) {
    this.stored(row)
    this.inserts.push(row)
  }

  remember(changeId: string, entity: SyncedEntity, recordId: string, desa: string) {
    const applied = { entity, record_id: recordId }
    this.applied.set(changeId, applied)
    this.remembered.push({ change_id: changeId, ...applied, desa_key: desa })
  }

  /**
   * A household that moved to `desa` (apply.ts moved its stored records): the rows of it read or waiting to be
   * inserted follow it, the waiting ones with numbers of their new desa.
   */
  moved(householdId: string, desa: string) {
    for (const row of this.inserts)
      if (row.household_id === householdId && row.desa_key !== desa) {
        row.desa_key = desa
        row.seq = this.seqs.next(desa)
      }
    for (const row of this.records.values())
      if (row && row.entity !== 'households' && row.household_id === householdId) row.desa_key = desa
  }

  async flush() {
    if (this.inserts.length > 0)
      await this.tx.query(
        `INSERT INTO records (desa_key, entity, id, seq, household_id, data, hlcs, created_hlc, version, origin_token)
         SELECT desa_key, entity, id, seq, household_id, data, hlcs, created_hlc, 1, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(desa_key text, entity text, id text, seq bigint,
           household_id text, data jsonb, hlcs jsonb, created_hlc text)`,
        [JSON.stringify(this.inserts), this.session.tokenId],
      )
    if (this.remembered.length > 0)
      await this.tx.query(
        `INSERT INTO applied_changes (desa_key, change_id, entity, record_id, applied_at)
         SELECT desa_key, change_id, entity, record_id, $2 FROM jsonb_to_recordset($1::jsonb)
           AS x(desa_key text, change_id text, entity text, record_id text)`,
        [JSON.stringify(this.remembered), new Date(this.nowMs)],
      )
  }
}
