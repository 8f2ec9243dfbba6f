// The work area's households and members as the kept views hold them (area/store.ts for the schedule and PWS,
// work-area-rows.ts for the household list): the area's households not deleted and their members not deleted, by
// id, patched with the ids a committed write changed (changed-keys.ts) instead of read again whole.

import { type Household, household, type Member, member } from '../protocol/records'
import type { changedKeys } from './changed-keys'
import { getDb } from './db'
import { membersOfHouseholds, validRows } from './read'

export interface KeptHouseholds {
  households: Map<string, Household>
  members: Map<string, Member>
}

export interface HouseholdsPatch {
  /** Members kept now that were changed or arrived (with a household that came into the area). */
  put: Member[]
  /** Members no longer kept: deleted, moved out of the area's households, or their household left. */
  removed: string[]
  /** Households whose record or members changed: where a member was before and is now. */
  affected: Set<string>
}

/** Reads the changed households and members again and applies them to `kept`; says what changed. */
export async function patchHouseholds(
  kept: KeptHouseholds,
  workAreaId: string,
  changed: { households: ReadonlySet<string>; members: ReadonlySet<string> },
): Promise<HouseholdsPatch> {
  const db = getDb()
  const [householdRows, memberRows] = await db.transaction('r', [db.households, db.members], () =>
    Promise.all([db.households.bulkGet([...changed.households]), db.members.bulkGet([...changed.members])]),
  )
  const read = new Map(
    validRows(household, 'households', householdRows.filter(Boolean)).map((h) => [h.id, h]),
  )
  const affected = new Set(changed.households)
  const arrived: string[] = []
  const left = new Set<string>()
  for (const id of changed.households) {
    const h = read.get(id)
    const inArea = h !== undefined && h.workAreaId === workAreaId && !h.deleted
    if (inArea && !kept.households.has(id)) arrived.push(id)
    if (!inArea && kept.households.has(id)) left.add(id)
    if (inArea) kept.households.set(id, h)
    else kept.households.delete(id)
  }

  // Members count only in the area's households.
  const put: Member[] = []
  for (const m of [
    ...validRows(member, 'members', memberRows.filter(Boolean)),
    ...(await membersOfHouseholds(arrived)),
  ])
    if (!m.deleted && kept.households.has(m.householdId)) put.push(m)
  const stays = new Set(put.map((m) => m.id))
  const removed = new Set<string>()
  for (const id of changed.members) if (!stays.has(id) && kept.members.has(id)) removed.add(id)
  for (const m of kept.members.values()) if (left.has(m.householdId)) removed.add(m.id)
  for (const id of [...changed.members, ...removed]) {
    const before = kept.members.get(id)
    if (before) affected.add(before.householdId)
  }
  for (const id of removed) kept.members.delete(id)
  for (const m of put) {
    kept.members.set(m.id, m)
    affected.add(m.householdId)
  }
  return { put, removed: [...removed], affected }
}

/** Reading this many rows one by one costs more than reading the area again. */
export function fewChanges(changed: ReturnType<typeof changedKeys>, keptSize: number): boolean {
  return changed !== 'all' && changed.size <= Math.max(2_000, keptSize / 4)
}
