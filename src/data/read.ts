// Reads of households, members and the outbox from IndexedDB (db.ts). Every row is validated against its schema:
// a corrupt row is reported to data-issues.ts and skipped, so one bad record never breaks a screen.
import type { Table } from 'dexie'
import type * as z from 'zod/mini'
import { type Household, household, type Member, member } from '../protocol/records'
import { reportInvalidRow } from './data-issues'
import { getDb } from './db'
import { compareMembers } from './household-rows'
import { type HouseholdRef, householdRef, type MemberRef, memberRef } from './schemas'

export function validRows<S extends z.ZodMiniType>(schema: S, table: string, rows: unknown[]): z.infer<S>[] {
  const valid: z.infer<S>[] = []
  for (const row of rows) {
    const parsed = schema.safeParse(row)
    if (parsed.success) valid.push(parsed.data)
    else {
      const id = String((row as { id?: unknown } | undefined)?.id)
      reportInvalidRow(table, id, [...new Set(parsed.error.issues.map((i) => i.path.join('.')))])
    }
  }
  return valid
}

/** Soft-deleted households included: writes must tell "deleted" from "missing". */
export async function findHousehold(id: string): Promise<Household | undefined> {
  const row = await getDb().households.get(id)
  return row === undefined ? undefined : validRows(household, 'households', [row])[0]
}

/** Soft-deleted members included. */
export async function findMember(id: string): Promise<Member | undefined> {
  const row = await getDb().members.get(id)
  return row === undefined ? undefined : validRows(member, 'members', [row])[0]
}

/**
 * What a batch write of visits reads of their members and households, by id (soft-deleted ones included; missing
 * and unreadable ids are absent). Only those fields are validated: 1,000 whole members cost more than the write.
 */
export function findHouseholds(ids: Iterable<string>): Promise<Map<string, HouseholdRef>> {
  return findMany(getDb().households, householdRef, 'households', ids)
}

/** See findHouseholds. */
export function findMembers(ids: Iterable<string>): Promise<Map<string, MemberRef>> {
  return findMany(getDb().members, memberRef, 'members', ids)
}

// Each get is a request and a success event on the main thread; a batch that fills most of its key range (a
// posyandu day's visits touch most members) reads the whole range in one getAll, several times cheaper.
const RANGE_READ_MIN = 50

async function findMany<T extends { id: string }, R extends { id: string }>(
  table: Table<T, string>,
  schema: z.ZodMiniType<R>,
  name: string,
  ids: Iterable<string>,
): Promise<Map<string, R>> {
  const wanted = new Set(ids)
  const range = keyBounds(wanted)
  const all = range && table.where(':id').between(range[0], range[1], true, true)
  const rows =
    all && wanted.size >= RANGE_READ_MIN && (await all.count()) <= 2 * wanted.size
      ? (await all.toArray()).filter((r) => wanted.has(r.id))
      : (await table.bulkGet([...wanted])).filter((r) => r !== undefined)
  return new Map(validRows(schema, name, rows).map((r) => [r.id, r]))
}

/** The lowest and the highest key, in IndexedDB's order of strings (UTF-16 code units, as `<`); none if empty. */
function keyBounds(keys: Iterable<string>): [string, string] | undefined {
  let range: [string, string] | undefined
  for (const k of keys) {
    if (!range) range = [k, k]
    else if (k < range[0]) range[0] = k
    else if (k > range[1]) range[1] = k
  }
  return range
}

export async function getHousehold(id: string): Promise<Household | undefined> {
  const h = await findHousehold(id)
  return h?.deleted ? undefined : h
}

export async function getMember(id: string): Promise<Member | undefined> {
  const m = await findMember(id)
  return m?.deleted ? undefined : m
}

/** Kepala keluarga first, then oldest to youngest. */
export async function membersOf(householdId: string): Promise<Member[]> {
  const rows = await getDb().members.where('householdId').equals(householdId).toArray()
  return validRows(member, 'members', rows)
    .filter((m) => !m.deleted)
    .sort(compareMembers)
}

/** Members of deleted households are left out with them. */
export async function loadWorkArea(
  workAreaId: string,
): Promise<{ households: Household[]; members: Member[] }> {
  const db = getDb()
  return db.transaction('r', [db.households, db.members], async () => {
    // The households' ids first (keys only: nothing to decrypt), then the households and the members of their range
    // of ids read side by side: their decrypts run as one wave, not one after the other.
    const ids = await db.households.where('workAreaId').equals(workAreaId).primaryKeys()
    const [householdRows, memberRows] = await Promise.all([
      db.households.where('workAreaId').equals(workAreaId).toArray(),
      memberRowsOf(ids),
    ])
    const households = validRows(household, 'households', householdRows).filter((h) => !h.deleted)
    return {
      households,
      members: liveMembers(
        memberRows,
        households.map((h) => h.id),
      ),
    }
  })
}

/** The members, not deleted, of these households. */
export async function membersOfHouseholds(householdIds: readonly string[]): Promise<Member[]> {
  return liveMembers(await memberRowsOf(householdIds), householdIds)
}

/** The rows of the members table over the range of these household ids (more than their members: filter them). */
async function memberRowsOf(householdIds: readonly string[]): Promise<Member[]> {
  const range = keyBounds(householdIds)
  if (!range) return []
  // One getAll over the range of household ids, filtered afterwards: anyOf would step a cursor member by member (one
  // success event each, seconds for 20,000 members on a cheap phone).
  return getDb().members.where('householdId').between(range[0], range[1], true, true).toArray()
}

/** Of `rows`, the valid members, not deleted, of these households. */
function liveMembers(rows: readonly Member[], householdIds: readonly string[]): Member[] {
  const ids = new Set(householdIds)
  return validRows(
    member,
    'members',
    rows.filter((m) => ids.has(m.householdId)),
  ).filter((m) => !m.deleted)
}
