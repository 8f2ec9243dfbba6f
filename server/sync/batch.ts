// One push's reads and deferred writes, inside its transaction. A query per change costs ≈ 1 ms, so a batch reads
// the change ids and records it names in two queries up front, and writes its inserts and change ids in one
// statement each at the end (flush). Reads go through a cache of rows by entity and id (absent ones as null);
// rows written meanwhile are in the cache, so a later change of the same batch sees them.
import type { ChangeResult, SyncedEntity } from '../../src/protocol/wire'
import type { Session } from '../accounts'
import type { Sql } from '../db'
import { type AreaKey, covers } from '../scope'
import { ENTITY_RULES } from './entities'
import type { Prepared } from './prepare'
import type { RecordRow } from './rows'

/** The change sequence while a push holds its lock (sync_state): numbers handed out in order. */
export class Sequence {
  constructor(public last: number) {}
  next(): number {
    this.last += 1
    return this.last
  }
  /** `n` numbers at once; returns the first. */
  take(n: number): number {
    const first = this.last + 1
    this.last += n
    return first
  }
}

/** A change id already applied: to which record, and what it answered. */
export interface Applied {
  entity: string
  record_id: string
  result: ChangeResult
}

export class Batch {
  private readonly records = new Map<string, RecordRow | null>()
  private readonly inserts: RecordRow[] = []
  private readonly remembered: Applied[] = []

  private constructor(
    readonly tx: Sql,
    readonly session: Session,
    readonly area: AreaKey,
    readonly seq: Sequence,
    private readonly applied: Map<string, Applied>,
  ) {}

  static async open(tx: Sql, session: Session, area: AreaKey, seq: Sequence, changes: Prepared[]) {
    const seen = await tx.query<Applied & { change_id: string }>(
      `SELECT change_id, entity, record_id, result FROM applied_changes
       WHERE change_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(changes.map((c) => c.changeId))],
    )
    const batch = new Batch(tx, session, area, seq, new Map(seen.map((r) => [r.change_id, r])))
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
    return home !== undefined && covers(this.area, home)
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
