// The household list screen's model, built in memory from one work area's records: sorting, searching and
// filtering happen here, without Dexie, so they are cheap to test and to rerun on every keystroke.
import {
  LIFE_STAGES,
  type LifeStage,
  type MemberStages,
  memberStages,
  OVERLAYS,
  type Overlay,
} from '../domain/lifecycle'
import { type Household, type Member, padRtRw } from '../protocol/records'

export interface HouseholdRow {
  household: Household
  members: Member[]
  /** By member id; members whose stage cannot be worked out (birth date after today) have none. */
  stages: Map<string, MemberStages>
  /** Every LifeStage and Overlay present in the household. */
  stageSet: Set<string>
}

/**
 * What the list shows of a household, and all it shows: the row's text, its stage badges (LIFE_STAGES, then
 * OVERLAYS, in that order) and the link. The sealed list snapshot (list-snapshot.ts) holds exactly this.
 */
export interface ListedRow {
  id: string
  headName: string
  dusun: string
  rt: string
  rw: string
  memberCount: number
  stages: (LifeStage | Overlay)[]
}

/** The list screen's rows: `listed` first (from the sealed snapshot, at unlock), `rows` once the area is read. */
export interface ListRows {
  rows?: HouseholdRow[]
  listed: ListedRow[]
}

export interface HouseholdFilter {
  query?: string
  dusun?: string
  rt?: string
  /** A LifeStage or an Overlay. */
  stage?: string
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true })

/** Kepala keluarga first, then oldest to youngest, then by name. */
export function compareMembers(a: Member, b: Member): number {
  return (
    Number(b.relation === 'kepala') - Number(a.relation === 'kepala') ||
    a.birthDate.localeCompare(b.birthDate) ||
    collator.compare(a.name, b.name)
  )
}

function compareHouseholds(a: Household, b: Household): number {
  return (
    collator.compare(a.address.dusun, b.address.dusun) ||
    collator.compare(a.address.rw, b.address.rw) ||
    collator.compare(a.address.rt, b.address.rt) ||
    collator.compare(a.headName, b.headName) ||
    a.id.localeCompare(b.id)
  )
}

/** Sorted by dusun, RW, RT, then the head's name. */
export function buildHouseholdRows(
  households: Household[],
  members: Member[],
  today: string,
): HouseholdRow[] {
  const byHousehold = new Map<string, Member[]>()
  for (const m of members) {
    const list = byHousehold.get(m.householdId)
    if (list) list.push(m)
    else byHousehold.set(m.householdId, [m])
  }
  return [...households].sort(compareHouseholds).map((household) => {
    const own = (byHousehold.get(household.id) ?? []).sort(compareMembers)
    const stages = new Map<string, MemberStages>()
    const stageSet = new Set<string>()
    for (const m of own) {
      const s = memberStages(m, today)
      if (!s) continue
      stages.set(m.id, s)
      stageSet.add(s.stage)
      for (const overlay of s.overlays) stageSet.add(overlay)
    }
    return { household, members: own, stages, stageSet }
  })
}

/**
 * `rows` with the rows of the `changed` household ids built again from `households` (those still listed) and their
 * `members`; every other row object is kept as it is, with its search text.
 */
export function replaceHouseholdRows(
  rows: readonly HouseholdRow[],
  changed: ReadonlySet<string>,
  households: Household[],
  members: Member[],
  today: string,
): HouseholdRow[] {
  const kept = rows.filter((r) => !changed.has(r.household.id))
  // Nearly sorted already: the sort runs through the kept rows once.
  return [...kept, ...buildHouseholdRows(households, members, today)].sort((a, b) =>
    compareHouseholds(a.household, b.household),
  )
}

// "Siti" finds "SITI" and "Sítí"; the UI reruns the filter as the kader types, so each row's folded text is
// computed once per row object.
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
const searchText = new WeakMap<HouseholdRow, { names: string; numbers: string }>()

function searchTextOf(row: HouseholdRow): { names: string; numbers: string } {
  let text = searchText.get(row)
  if (!text) {
    const names = [row.household.headName, ...row.members.map((m) => m.name)]
    const numbers = [row.household.noKk, ...row.members.map((m) => m.nik)].filter(Boolean)
    // A separator no query contains, so a match never spans two names or two numbers.
    text = { names: names.map(fold).join('\n'), numbers: numbers.join('\n') }
    searchText.set(row, text)
  }
  return text
}

/** Folds the rows' search text ahead of the first keystroke, a slice at a time while the page is idle. */
export function prepareSearch(rows: readonly HouseholdRow[]): () => void {
  if (typeof requestIdleCallback !== 'function') return () => {}
  let next = 0
  const slice = (deadline: IdleDeadline) => {
    while (next < rows.length && deadline.timeRemaining() > 1) searchTextOf(rows[next++] as HouseholdRow)
    if (next < rows.length) handle = requestIdleCallback(slice)
  }
  let handle = requestIdleCallback(slice)
  return () => cancelIdleCallback(handle)
}

const SHOWN_STAGES: readonly (LifeStage | Overlay)[] = [...LIFE_STAGES, ...OVERLAYS]
const listed = new WeakMap<HouseholdRow, ListedRow>()

/** What the list shows of `row` (the same object for the same row). */
export function listedRow(row: HouseholdRow): ListedRow {
  let shown = listed.get(row)
  if (!shown) {
    const { id, headName, address } = row.household
    const stages = SHOWN_STAGES.filter((s) => row.stageSet.has(s))
    shown = {
      id,
      headName,
      dusun: address.dusun,
      rt: address.rt,
      rw: address.rw,
      memberCount: row.members.length,
      stages,
    }
    listed.set(row, shown)
  }
  return shown
}

// Fewer digits would match most NIKs: the first two are the province.
const MIN_NUMBER_QUERY = 3

/** Whether `row` passes the filter's menus (dusun, RT, stage); the search is filterHouseholdRows'. */
function inMenus(row: ListedRow, filter: HouseholdFilter, rt: string | undefined): boolean {
  return (
    (!filter.dusun || row.dusun === filter.dusun) &&
    (!rt || row.rt === rt) &&
    (!filter.stage || (row.stages as string[]).includes(filter.stage))
  )
}

export function filterHouseholdRows(rows: HouseholdRow[], filter: HouseholdFilter): HouseholdRow[] {
  const query = filter.query?.trim() ?? ''
  const digits = /^\d+$/.test(query) && query.length >= MIN_NUMBER_QUERY
  const needle = fold(query)
  const rt = filter.rt && padRtRw(filter.rt)
  return rows.filter(
    (row) =>
      inMenus(listedRow(row), filter, rt) &&
      (!needle || (digits ? searchTextOf(row).numbers : searchTextOf(row).names).includes(needle)),
  )
}

/**
 * The list's rows for `filter`: from the household rows once read, before that from the snapshot's rows — which hold
 * no member's name or NIK, so a search waits (undefined) for the household rows.
 */
export function shownRows(list: ListRows, filter: HouseholdFilter): ListedRow[] | undefined {
  if (list.rows) return filterHouseholdRows(list.rows, filter).map(listedRow)
  if (filter.query?.trim()) return undefined
  const rt = filter.rt && padRtRw(filter.rt)
  return list.listed.filter((row) => inMenus(row, filter, rt))
}

/** The dusun and RT values present, sorted, for the filter menus. */
export function filterOptions(rows: readonly ListedRow[]): { dusun: string[]; rt: string[] } {
  const dusun = new Set(rows.map((r) => r.dusun))
  const rt = new Set(rows.map((r) => r.rt))
  return { dusun: [...dusun].sort(collator.compare), rt: [...rt].sort(collator.compare) }
}
