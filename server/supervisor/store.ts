// The synced records of each work area a supervisor has looked at, kept in this process's memory between requests
// and brought up to date by reading only what changed: the records of its desa with a sequence number after the
// last one read (each desa's change sequence is handed out in commit order, server/sync/sequences.ts, so nothing is
// skipped), read once for all the areas of the desa. A record of the desa that changed and is no longer in the area
// — a household whose address moved out, a member who moved to a household of another area — is dropped (with a
// household, its members, visits and follow-ups); a household moved to another desa leaves a gap in its old desa's
// numbers, and only then are the held households and members looked for elsewhere. Each change notes the households whose
// share of the figures it touched (src/domain/pws/area-shares.ts), so compute.ts computes only those again.
import { type AreaRecordsInput, sharesOf } from '../../src/domain/pws/area-shares'
import type { WorkAreaInfo } from '../../src/protocol/wire'
import type { Database } from '../db'
import { type AreaKey, areaOfWorkArea, covers, desaKey } from '../scope'
import { buildRecord, type RecordRow, stateOf } from '../sync/rows'

type Rec = Record<string, unknown> & { id: string }
type Entity = RecordRow['entity']

/** The versions of an area whose touched households are remembered: older sums are computed again whole. */
const LOG_LENGTH = 256

export class AreaRecords {
  readonly households = new Map<string, Rec>()
  readonly members = new Map<string, Rec>()
  readonly visits = new Map<string, Rec>()
  readonly followUps = new Map<string, Rec>()
  /** The highest sequence number of the area's desa read; every change up to it is in the maps. */
  seq = 0
  /** Bumped whenever a record changed: what the computed figures are kept against. */
  version = 0
  /** Bumped when a member or household changed: the stored NIKs (figures-db.ts) are written again. */
  peopleVersion = 0
  private readonly log: { version: number; households: Set<string> }[] = []

  constructor(readonly area: WorkAreaInfo) {}

  /** The households whose shares changed after `version`; undefined when that is too long ago to tell. */
  touchedSince(version: number): Set<string> | undefined {
    if (version === this.version) return new Set()
    const first = this.log[0]
    if (!first || first.version > version + 1) return undefined
    const touched = new Set<string>()
    for (const entry of this.log)
      if (entry.version > version) for (const h of entry.households) touched.add(h)
    return touched
  }

  /** Stores changed rows and drops records that left the area (by entity and id). */
  apply(rows: readonly RecordRow[], gone: readonly { entity: Entity; id: string }[]) {
    if (rows.length === 0 && gone.length === 0) return
    const lookup = this as unknown as AreaRecordsInput
    const touched = new Set<string>()
    const touch = (entity: Entity, record: Rec | undefined) => {
      if (record) for (const h of sharesOf(lookup, entity, record)) touched.add(h)
      if (entity === 'members' || entity === 'households') this.peopleVersion += 1
    }
    const dropped: { entity: Entity; id: string }[] = [...gone]
    for (const { entity, id } of gone)
      if (entity === 'households')
        for (const e of ['members', 'visits', 'followUps'] as const)
          for (const [rid, r] of this.map(e)) if (r.householdId === id) dropped.push({ entity: e, id: rid })
    // Shares as they were, before anything is changed, then as they are.
    for (const row of rows) touch(row.entity, this.map(row.entity).get(row.id))
    for (const { entity, id } of dropped) touch(entity, this.map(entity).get(id))
    for (const { entity, id } of dropped) this.map(entity).delete(id)
    for (const row of rows) this.map(row.entity).set(row.id, buildRecord(row.id, stateOf(row)) as Rec)
    for (const row of rows) touch(row.entity, this.map(row.entity).get(row.id))
    this.version += 1
    this.log.push({ version: this.version, households: touched })
    if (this.log.length > LOG_LENGTH) this.log.shift()
  }

  private map(entity: Entity) {
    return entity === 'households'
      ? this.households
      : entity === 'members'
        ? this.members
        : entity === 'visits'
          ? this.visits
          : this.followUps
  }
}

type PlacedRow = RecordRow & { [K in `h_${keyof AreaKey}`]: string | null }

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
    const byDesa = new Map<string, AreaRecords[]>()
    const all = areas.map((area) => {
      let held = this.areas.get(area.id)
      // An area whose bounds were changed is read again from the start.
      if (!held || JSON.stringify(held.area) !== JSON.stringify(area)) {
        held = new AreaRecords(area)
        this.areas.set(area.id, held)
      }
      const desa = desaKey(areaOfWorkArea(area))
      byDesa.set(desa, [...(byDesa.get(desa) ?? []), held])
      return held
    })
    for (const [desa, held] of byDesa) {
      const end = last.get(desa) ?? 0
      const behind = held.filter((r) => r.seq < end)
      const fresh = behind.filter((r) => r.seq === 0)
      for (const r of fresh) await this.readWhole(r, desa, end)
      const warm = behind.filter((r) => r.seq > 0)
      if (warm.length > 0) await this.readChanges(warm, desa, end)
    }
    return all
  }

  /** Every record of an area read for the first time (its desa's other areas are not read). */
  private async readWhole(held: AreaRecords, desa: string, end: number) {
    const a = areaOfWorkArea(held.area)
    const rows = await this.db.query<RecordRow>(
      `SELECT r.* FROM records r
       JOIN records h ON h.desa_key = r.desa_key AND h.entity = 'households' AND h.id = r.household_id
       WHERE r.desa_key = $1 AND r.seq <= $2
         AND ($3::text IS NULL OR h.dusun = $3) AND ($4::text IS NULL OR h.rw = $4) AND ($5::text IS NULL OR h.rt = $5)
       ORDER BY r.seq`,
      [desa, end, a.dusun ?? null, a.rw ?? null, a.rt ?? null],
    )
    held.apply(rows, [])
    held.seq = end
  }

  /** What changed in the desa after the areas' last reads, read once for all of them. */
  private async readChanges(held: readonly AreaRecords[], desa: string, end: number) {
    const from = Math.min(...held.map((r) => r.seq))
    const rows = await this.db.query<PlacedRow>(
      `SELECT r.*, h.kabupaten AS h_kabupaten, h.kecamatan AS h_kecamatan, h.desa AS h_desa, h.dusun AS h_dusun,
         h.rw AS h_rw, h.rt AS h_rt
       FROM records r
       LEFT JOIN records h ON h.desa_key = r.desa_key AND h.entity = 'households' AND h.id = r.household_id
       WHERE r.desa_key = $1 AND r.seq > $2 AND r.seq <= $3
       ORDER BY r.seq`,
      [desa, from, end],
    )
    // Every number of the range has its record unless one changed twice, or left the desa.
    const gap = rows.length < end - from
    for (const r of held) {
      const area = areaOfWorkArea(r.area)
      const mine: RecordRow[] = []
      const gone: { entity: Entity; id: string }[] = []
      for (const row of rows) {
        if (Number(row.seq) <= r.seq) continue
        const place = row.entity === 'households' ? row : placeOf(row)
        if (covers(area, place)) mine.push(row)
        else if (holds(r, row.entity, row.id)) gone.push({ entity: row.entity, id: row.id })
      }
      if (gap) gone.push(...(await this.leftDesa(r, desa)))
      r.apply(mine, gone)
      r.seq = end
    }
  }

  /**
   * Households and members held that are now in another desa (a household's members, visits and follow-ups went
   * with it; a member who moved house left her visits behind).
   */
  private async leftDesa(held: AreaRecords, desa: string): Promise<{ entity: Entity; id: string }[]> {
    return this.db.query<{ entity: Entity; id: string }>(
      `SELECT entity, id FROM records WHERE entity IN ('households', 'members') AND desa_key <> $2
         AND id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify([...held.households.keys(), ...held.members.keys()]), desa],
    )
  }
}

const placeOf = (row: PlacedRow) => ({
  kabupaten: row.h_kabupaten,
  kecamatan: row.h_kecamatan,
  desa: row.h_desa,
  dusun: row.h_dusun,
  rw: row.h_rw,
  rt: row.h_rt,
})

function holds(r: AreaRecords, entity: Entity, id: string): boolean {
  const map =
    entity === 'households'
      ? r.households
      : entity === 'members'
        ? r.members
        : entity === 'visits'
          ? r.visits
          : r.followUps
  return map.has(id)
}
