// The synced records of each work area a supervisor has looked at, kept in this process's memory between requests
// and brought up to date by reading only what changed: every record of its desa with a sequence number after the
// last one read (each desa's change sequence is handed out in commit order, server/sync/sequences.ts, so nothing is
// skipped). One cheap query (the desas' sequence ends) tells that nothing changed at all. A household that leaves the area is
// dropped with its members, visits and follow-ups; what a kader pushes reaches the next request.
import type { WorkAreaInfo } from '../../src/protocol/wire'
import type { Database } from '../db'
import { areaOfWorkArea, desaKey } from '../scope'
import { buildRecord, type RecordRow, stateOf } from '../sync/rows'

type Rec = Record<string, unknown> & { id: string }

export class AreaRecords {
  readonly households = new Map<string, Rec>()
  readonly members = new Map<string, Rec>()
  readonly visits = new Map<string, Rec>()
  readonly followUps = new Map<string, Rec>()
  /** The highest sequence number of the area's desa read; every change up to it is in the maps. */
  seq = 0
  /** Bumped whenever a record changed: what the computed figures are cached against. */
  version = 0

  constructor(readonly area: WorkAreaInfo) {}

  apply(rows: readonly RecordRow[], left: readonly string[]) {
    for (const row of rows) this.map(row.entity).set(row.id, buildRecord(row.id, stateOf(row)) as Rec)
    for (const householdId of left) {
      this.households.delete(householdId)
      for (const map of [this.members, this.visits, this.followUps])
        for (const [id, r] of map) if (r.householdId === householdId) map.delete(id)
    }
    if (rows.length > 0 || left.length > 0) this.version += 1
  }

  private map(entity: RecordRow['entity']) {
    return entity === 'households'
      ? this.households
      : entity === 'members'
        ? this.members
        : entity === 'visits'
          ? this.visits
          : this.followUps
  }
}

export class AreaStore {
  private readonly areas = new Map<string, AreaRecords>()

  constructor(private readonly db: Database) {}

  /** The areas' records as of now, in the order given. */
  async recordsOf(areas: readonly WorkAreaInfo[]): Promise<AreaRecords[]> {
    const ends = await this.db.query<{ desa_key: string; last_seq: string | number }>(
      'SELECT desa_key, last_seq FROM desa_seqs WHERE desa_key = ANY($1::text[])',
      [areas.map((a) => desaKey(areaOfWorkArea(a)))],
    )
    const last = new Map(ends.map((e) => [e.desa_key, Number(e.last_seq)]))
    const all: AreaRecords[] = []
    for (const area of areas) all.push(await this.refresh(area, last.get(desaKey(areaOfWorkArea(area))) ?? 0))
    return all
  }

  /** The area's records up to its desa's sequence number `last`. */
  private async refresh(area: WorkAreaInfo, last: number): Promise<AreaRecords> {
    let cached = this.areas.get(area.id)
    // An area whose bounds were changed is read again from the start.
    if (!cached || JSON.stringify(cached.area) !== JSON.stringify(area)) {
      cached = new AreaRecords(area)
      this.areas.set(area.id, cached)
    }
    if (last <= cached.seq) return cached
    const a = areaOfWorkArea(area)
    const desa = desaKey(a)
    const rows = await this.db.query<RecordRow>(
      `SELECT r.* FROM records r
       JOIN records h ON h.desa_key = r.desa_key AND h.entity = 'households' AND h.id = r.household_id
       WHERE r.desa_key = $2 AND r.seq > $1 AND r.seq <= $6
         AND ($3::text IS NULL OR h.dusun = $3) AND ($4::text IS NULL OR h.rw = $4) AND ($5::text IS NULL OR h.rt = $5)
       ORDER BY r.seq`,
      [cached.seq, desa, a.dusun ?? null, a.rw ?? null, a.rt ?? null, last],
    )
    // Households held that changed and are no longer in the area (their address moved out, or to another desa).
    const inArea = new Set(rows.filter((r) => r.entity === 'households').map((r) => r.id))
    const moved = await this.db.query<{ id: string }>(
      `SELECT id FROM records WHERE entity = 'households' AND id IN (SELECT jsonb_array_elements_text($3::jsonb))
         AND (desa_key <> $4 OR (seq > $1 AND seq <= $2))`,
      [cached.seq, last, JSON.stringify([...cached.households.keys()]), desa],
    )
    cached.apply(
      rows,
      moved.map((r) => r.id).filter((id) => !inArea.has(id)),
    )
    cached.seq = last
    return cached
  }
}
