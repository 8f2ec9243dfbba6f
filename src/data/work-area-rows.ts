// The household rows of the kader's work area (household-rows.ts), kept between screens. Reading and validating a
// whole area (5,000 households, 20,000 members) takes seconds on a cheap phone, so coming back to the list must not
// do it again. Dexie's storagemutated event names the households and members each committed write changed (this
// tab's writes, other tabs' and sync): those rows are read again and their households' rows rebuilt — at once
// while a screen shows them (the old rows stay up until the new ones are ready, as with useLiveQuery), else when
// one does (never showing rows out of date). A range of keys changed (a clear, a new database), or too many,
// reads the area again. At unlock the household list shows the sealed snapshot of its rows (list-snapshot.ts) while
// the area is read; every set of rows built from every change so far is kept as the next snapshot.
import Dexie, { type ObservabilitySet } from 'dexie'
import type { InteropableObservable } from 'dexie-react-hooks'
import type { Household, Member } from '../protocol/records'
import { type ChangedKeys, changedKeys } from './changed-keys'
import { onLockChange } from './crypto/session'
import { getDb, type KaderDb } from './db'
import {
  buildHouseholdRows,
  type HouseholdRow,
  type ListedRow,
  type ListRows,
  listedRow,
  replaceHouseholdRows,
} from './household-rows'
import { fewChanges, patchHouseholds } from './kept-area'
import { keepListSnapshot, readListSnapshot } from './list-snapshot'
import { loadWorkArea } from './read'

interface Entry {
  db: KaderDb
  workAreaId: string
  today: string
  rows?: HouseholdRow[]
  /** The list's rows from the sealed snapshot, until `rows` are read. */
  snapshot?: ListedRow[]
  /** What the rows were built from, by id: the area's households not deleted and their members not deleted. */
  households?: Map<string, Household>
  members?: Map<string, Member>
  /** Changed since the rows were built. */
  changed: { households: ChangedKeys; members: ChangedKeys }
  /** The rows miss changes: build them again when a screen subscribes. */
  stale: boolean
  /** Changed while no screen showed them: not shown again until rebuilt (never out of date on a screen). */
  hidden: boolean
  error?: unknown
  loading: boolean
}

let entry: Entry | undefined
const listeners = new Set<() => void>()
// Locked, the rows leave memory: the next kader to unlock ("Ganti kader") starts from her own database.
onLockChange((unlocked) => {
  if (!unlocked) entry = undefined
})

Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  const current = entry
  if (!current) return
  const before = size(current.changed.households) + size(current.changed.members)
  current.changed.households = changedKeys(parts, current.db, 'households', current.changed.households)
  current.changed.members = changedKeys(parts, current.db, 'members', current.changed.members)
  if (size(current.changed.households) + size(current.changed.members) === before) return
  current.stale = true
  if (listeners.size > 0) load(current)
  else current.hidden = true
})

const size = (changed: ChangedKeys) => (changed === 'all' ? Number.POSITIVE_INFINITY : changed.size)

function entryFor(workAreaId: string, today: string): Entry {
  const db = getDb()
  if (entry?.db !== db || entry.workAreaId !== workAreaId || entry.today !== today)
    entry = { db, workAreaId, today, changed: noChanges(), stale: true, hidden: false, loading: false }
  return entry
}

const noChanges = () => ({ households: new Set<string>(), members: new Set<string>() })

function load(e: Entry): void {
  if (e.loading) return
  e.loading = true
  e.stale = false
  const changed = e.changed
  e.changed = noChanges()
  const patching =
    e.rows &&
    e.households &&
    e.members &&
    fewChanges(changed.households, e.households.size) &&
    fewChanges(changed.members, e.members.size)
  const work = patching ? patch(e, changed as { households: Set<string>; members: Set<string> }) : readAll(e)
  work.then(
    () => {
      e.loading = false
      // Changed again while reading, with no screen showing them: still hidden until read again.
      if (!e.stale) {
        e.hidden = false
        // Rows read whole are kept at once (the phone may close the app any moment); a patch's after a pause.
        if (e.rows)
          keepListSnapshot(e.db, e.workAreaId, e.today, e.rows, patching ? 'later' : { shown: e.snapshot })
      }
      e.snapshot = undefined
      notify()
      // Changes committed while reading: read them too.
      if (e.stale && listeners.size > 0) load(e)
    },
    (error: unknown) => {
      e.loading = false
      e.error = error
      e.stale = true
      e.changed = { households: 'all', members: 'all' }
      notify()
    },
  )
}

async function readAll(e: Entry): Promise<void> {
  // The snapshot is painted before the read's decrypts fill the page's thread.
  if (!e.rows && (await showSnapshot(e))) await afterPaint()
  const { households, members } = await loadWorkArea(e.workAreaId)
  e.households = new Map(households.map((h) => [h.id, h]))
  e.members = new Map(members.map((m) => [m.id, m]))
  e.rows = buildHouseholdRows(households, members, e.today)
}

/** Shows the snapshot's rows while the area is read; false if it is absent or not this area's today. */
async function showSnapshot(e: Entry): Promise<boolean> {
  const rows = await readListSnapshot(e.workAreaId, e.today).catch(() => undefined)
  if (!rows || e.rows || entry !== e) return false
  e.snapshot = rows
  notify()
  return true
}

/** After the next frame is painted; at once where there is none (a hidden page, or no DOM: tests). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') resolve()
    else requestAnimationFrame(() => setTimeout(resolve, 0))
  })
}

/** Reads the changed households and members, and rebuilds the rows of the households they belong (or belonged) to. */
async function patch(e: Entry, changed: { households: Set<string>; members: Set<string> }): Promise<void> {
  const kept = { households: e.households ?? new Map(), members: e.members ?? new Map() }
  const { affected } = await patchHouseholds(kept, e.workAreaId, changed)
  const theirs = [...kept.members.values()].filter((m) => affected.has(m.householdId))
  const households = [...affected].flatMap((id) => kept.households.get(id) ?? [])
  e.rows = replaceHouseholdRows(e.rows ?? [], affected, households, theirs, e.today)
}

function notify(): void {
  for (const listener of listeners) listener()
}

/**
 * The rows of a work area for useObservable (dexie-react-hooks): `getValue` gives the kept rows at once (undefined
 * while loading); subscribing loads them when they are not there and reports every new version.
 */
export function workAreaRows(
  workAreaId: string,
  today: string,
): InteropableObservable<HouseholdRow[] | undefined> {
  return observe(workAreaId, today, (e) => e.rows)
}

const listRows = new WeakMap<readonly unknown[], ListRows>()

/** The household list's rows: the snapshot's at unlock, then the area's (one object per version, for React). */
export function householdListRows(
  workAreaId: string,
  today: string,
): InteropableObservable<ListRows | undefined> {
  return observe(workAreaId, today, ({ rows, snapshot }) => {
    const from = rows ?? snapshot
    if (!from) return undefined
    let list = listRows.get(from)
    if (!list) {
      list = rows ? { rows, listed: rows.map(listedRow) } : { listed: snapshot ?? [] }
      listRows.set(from, list)
    }
    return list
  })
}

function observe<T>(
  workAreaId: string,
  today: string,
  pick: (e: Entry) => T | undefined,
): InteropableObservable<T | undefined> {
  const now = () => {
    const e = entry
    if (e?.db !== getDb() || e.workAreaId !== workAreaId || e.today !== today) return undefined
    if (e.error !== undefined) throw e.error
    return e.hidden ? undefined : pick(e)
  }
  return {
    getValue: now,
    subscribe(next, fail) {
      const listener = () => {
        try {
          next(now())
        } catch (error) {
          fail?.(error)
        }
      }
      listeners.add(listener)
      const e = entryFor(workAreaId, today)
      if (e.stale && !e.loading) {
        e.error = undefined // a screen shown again tries again
        load(e)
      }
      listener()
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
