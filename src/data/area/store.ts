// The work area's records as the area worker keeps them between computations: read and validated once, then
// patched from the primary keys each committed write touched (Dexie's storagemutated, from this context or any
// other tab or worker) — so an edit or a sync page costs a read of the changed rows, not of the area's 125,000.
// The schedule keeper (domain/schedule/keeper.ts) is patched with them and recomputes only the members touched.
import Dexie from 'dexie'
import { ScheduleKeeper } from '../../domain/schedule'
import type { Household, Member } from '../../protocol/records'
import { type FollowUp, followUp, type Visit, visit } from '../../protocol/visits'
import { changedKeys } from '../changed-keys'
import { getDb } from '../db'
import { fewChanges, patchHouseholds } from '../kept-area'
import { loadWorkArea, validRows } from '../read'

const TABLES = ['households', 'members', 'visits', 'followUps'] as const
type AreaTable = (typeof TABLES)[number]

/** A table's changed ids, or 'all' when a write touched a range of keys (a clear, a delete by range, an upgrade). */
type Pending = Set<string> | 'all'

export class AreaStore {
  readonly households = new Map<string, Household>()
  /** Members not deleted, of the households above. */
  readonly members = new Map<string, Member>()
  readonly visits = new Map<string, Visit>()
  readonly followUps = new Map<string, FollowUp>()
  keeper = new ScheduleKeeper()

  private readonly pending = new Map<AreaTable, Pending>()
  private loaded = false
  private queue: Promise<unknown> = Promise.resolve()

  /** The database it reads (tests open one per test). */
  readonly db = getDb()

  constructor(readonly workAreaId: string) {}

  /** Notes what a committed write changed (a Dexie ObservabilitySet); read on the next `current()`. */
  changed(parts: Readonly<Record<string, unknown>>): void {
    for (const table of TABLES) {
      const keys = changedKeys(parts, this.db, table, this.pending.get(table) ?? new Set<string>())
      if (keys === 'all' || keys.size > 0) this.pending.set(table, keys)
    }
  }

  /** The store with every change noted so far applied; concurrent callers wait for one another. */
  current(): Promise<this> {
    const next = this.queue.then(() => this.update())
    this.queue = next.catch(() => undefined)
    return next.then(() => this)
  }

  private async update(): Promise<void> {
    // Changes noted while reading are read again on the next round: they may have missed the read's snapshot.
    // A sync storing page after page could keep that going: after a few rounds the rest waits for the next call.
    for (let round = 0; round < 5 && (!this.loaded || this.pending.size > 0); round += 1) {
      const pending = new Map(this.pending)
      this.pending.clear()
      try {
        if (!this.loaded || [...pending].some(([table, ids]) => !fewChanges(ids, this[table].size)))
          await this.load()
        else await this.patch(pending)
      } catch (error) {
        this.loaded = false // the changes taken are not applied: read everything next time
        throw error
      }
    }
  }

  private async load(): Promise<void> {
    const db = this.db
    const area = await db.transaction('r', [db.households, db.members, db.visits, db.followUps], async () => {
      const { households, members } = await loadWorkArea(this.workAreaId)
      const visits = await db.visits.where('workAreaId').equals(this.workAreaId).toArray()
      const followUps = await db.followUps.where('workAreaId').equals(this.workAreaId).toArray()
      return {
        households,
        members,
        visits: validRows(visit, 'visits', visits),
        followUps: validRows(followUp, 'followUps', followUps),
      }
    })
    for (const map of [this.households, this.members, this.visits, this.followUps]) map.clear()
    for (const h of area.households) this.households.set(h.id, h)
    for (const m of area.members) this.members.set(m.id, m)
    for (const v of area.visits) this.visits.set(v.id, v)
    for (const f of area.followUps) this.followUps.set(f.id, f)
    this.keeper = new ScheduleKeeper()
    this.keeper.putMembers(area.members)
    this.keeper.putVisits(area.visits)
    this.keeper.putFollowUps(area.followUps)
    this.loaded = true
  }

  private async patch(pending: Map<AreaTable, Pending>): Promise<void> {
    const ids = (table: AreaTable) => (pending.get(table) as Set<string> | undefined) ?? new Set<string>()
    const { put, removed } = await patchHouseholds(this, this.workAreaId, {
      households: ids('households'),
      members: ids('members'),
    })
    this.keeper.removeMembers(removed)
    this.keeper.putMembers(put)

    // Visits and follow-ups are never deleted and never change area (a correction is a new visit): only new ones.
    const db = this.db
    const [visitRows, followUpRows] = await db.transaction('r', [db.visits, db.followUps], () =>
      Promise.all([db.visits.bulkGet([...ids('visits')]), db.followUps.bulkGet([...ids('followUps')])]),
    )
    const visits = validRows(visit, 'visits', visitRows.filter(Boolean)).filter(
      (v) => v.workAreaId === this.workAreaId,
    )
    for (const v of visits) this.visits.set(v.id, v)
    this.keeper.putVisits(visits)
    const followUps = validRows(followUp, 'followUps', followUpRows.filter(Boolean)).filter(
      (f) => f.workAreaId === this.workAreaId,
    )
    for (const f of followUps) this.followUps.set(f.id, f)
    this.keeper.putFollowUps(followUps)
  }
}

let store: AreaStore | undefined

/** The store of `workAreaId` in the app's database, with what changed since its last use applied. */
export function areaStore(workAreaId: string): Promise<AreaStore> {
  if (store?.workAreaId !== workAreaId || store.db !== getDb()) store = new AreaStore(workAreaId)
  return store.current()
}

/** What the area's records changed: noted here from this context's commits, and by worker.ts from the page's. */
export function areaChanged(parts: Readonly<Record<string, unknown>>): void {
  store?.changed(parts)
}

Dexie.on('storagemutated', areaChanged)
