// The household rows of the kader's work area (household-rows.ts), kept between screens. Reading and validating a
// whole area (5,000 households, 20,000 members) takes seconds on a cheap phone, so coming back to the list must not
// do it again. The rows are dropped as soon as a household or member changes — Dexie's storagemutated event covers
// this tab's writes, other tabs' and sync — and reloaded at once while a screen shows them (the old rows stay up
// until the new ones are ready, as with useLiveQuery).
import Dexie, { type ObservabilitySet } from 'dexie'
import type { InteropableObservable } from 'dexie-react-hooks'
import { getDb, type KaderDb } from './db'
import { buildHouseholdRows, type HouseholdRow } from './household-rows'
import { loadWorkArea } from './read'

interface Entry {
  db: KaderDb
  workAreaId: string
  today: string
  rows?: HouseholdRow[]
  error?: unknown
  /** Bumped by every change of the records: a load started before it is outdated. */
  generation: number
  loading: boolean
}

let entry: Entry | undefined
const listeners = new Set<() => void>()

Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  const current = entry
  if (!current) return
  const prefixes = ['households', 'members'].map((t) => `idb://${current.db.name}/${t}/`)
  if (!Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) return
  current.generation += 1
  if (listeners.size === 0) current.rows = undefined
  else load(current)
})

function entryFor(workAreaId: string, today: string): Entry {
  const db = getDb()
  if (entry?.db !== db || entry.workAreaId !== workAreaId || entry.today !== today)
    entry = { db, workAreaId, today, generation: 0, loading: false }
  return entry
}

function load(e: Entry): void {
  if (e.loading) return
  e.loading = true
  const generation = e.generation
  loadWorkArea(e.workAreaId).then(
    ({ households, members }) => {
      e.loading = false
      if (e.generation !== generation) {
        if (listeners.size > 0) load(e)
        return
      }
      e.rows = buildHouseholdRows(households, members, e.today)
      notify()
    },
    (error: unknown) => {
      e.loading = false
      e.error = error
      notify()
    },
  )
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
  const now = () => {
    const e = entry
    if (e?.db !== getDb() || e.workAreaId !== workAreaId || e.today !== today) return undefined
    if (e.error !== undefined) throw e.error
    return e.rows
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
      if (!e.rows && !e.loading) {
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
