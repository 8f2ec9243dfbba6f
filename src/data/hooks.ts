// The UI's live views of IndexedDB (db.ts): each hook re-runs its read (read.ts, meta.ts) whenever a table it read
// changes, in this tab or another. `undefined` always means "still loading".
import { type InteropableObservable, useLiveQuery, useObservable } from 'dexie-react-hooks'
import type { ClinicalSettings } from '../domain/clinical-settings'
import type { Household, Member } from '../protocol/records'
import { getClinicalSettings } from './clinical-settings'
import { onLockChange } from './crypto/session'
import { getDb } from './db'
import { type Draft, listDrafts } from './drafts'
import type { HouseholdRow, ListRows } from './household-rows'
import { getWorkArea } from './meta'
import { getHousehold, getMember, membersOf } from './read'
import type { WorkArea } from './schemas'
import { householdListRows, workAreaRows } from './work-area-rows'

/** Stays undefined while the work area itself is still loading; kept between screens (work-area-rows.ts). */
export function useWorkAreaRows(workAreaId: string | undefined, today: string): HouseholdRow[] | undefined {
  return useObservable(
    () => (workAreaId === undefined ? NO_ROWS : workAreaRows(workAreaId, today)),
    [workAreaId, today],
  )
}

/** The household list's rows: at unlock first from the sealed snapshot (list-snapshot.ts), then the area's. */
export function useHouseholdListRows(workAreaId: string | undefined, today: string): ListRows | undefined {
  return useObservable(
    () => (workAreaId === undefined ? NO_ROWS : householdListRows(workAreaId, today)),
    [workAreaId, today],
  )
}

const NO_ROWS: InteropableObservable<undefined> = {
  getValue: () => undefined,
  subscribe: (next) => {
    next(undefined)
    return () => {}
  },
}

/** `household` is undefined when it does not exist or was deleted. */
export function useHousehold(
  id: string,
): { household: Household | undefined; members: Member[] } | undefined {
  return useLiveQuery(async () => {
    const household = await getHousehold(id)
    return { household, members: household ? await membersOf(id) : [] }
  }, [id])
}

/** null: not found or deleted. */
export function useMember(id: string): Member | undefined | null {
  return useLiveQuery(async () => (await getMember(id)) ?? null, [id])
}

// The work area last read, shown at once when a screen mounts again (its live query corrects it within a read):
// the household list's rows (work-area-rows.ts) are then there at the first render, with no "loading" first.
let lastWorkArea: WorkArea | undefined
// Another kader may unlock next ("Ganti kader"): nothing read for this one is shown first to her.
onLockChange((unlocked) => {
  if (!unlocked) lastWorkArea = undefined
})

export function useWorkArea(): WorkArea | undefined {
  return useLiveQuery(
    async () => {
      lastWorkArea = await getWorkArea()
      return lastWorkArea
    },
    [],
    lastWorkArea,
  )
}

export function useClinicalSettings(): ClinicalSettings | undefined {
  return useLiveQuery(getClinicalSettings)
}

/**
 * Changes whenever the records may have: a local write (a new outbox row), a new visit, or a finished sync. The
 * area computations (area/client.ts) rerun on it instead of watching every table.
 */
export function useDataVersion(): string | undefined {
  return useLiveQuery(async () => {
    const db = getDb()
    const [outbox, visits, status] = await Promise.all([
      // The newest row's seq, not the count: an edit that supersedes a refused change deletes one row and adds one.
      db.outbox.orderBy(':id').lastKey(),
      db.visits.count(),
      db.meta.get('syncStatus'),
    ])
    return `${outbox}:${visits}:${JSON.stringify(status?.value ?? null)}`
  })
}

/** The Draf list: every form not saved yet, the most recent first. */
export function useDrafts(): Draft[] | undefined {
  return useLiveQuery(listDrafts)
}
