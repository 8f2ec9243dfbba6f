// The household list's sealed snapshot: what the list's first screen shows (household-rows.ts ListedRow — the head's
// name, dusun, RT/RW, member count, stage badges), already sorted, as ONE row of the meta table ('listSnapshot'),
// sealed with the data key like every meta value (crypto/middleware.ts). At unlock the list paints from it — one
// decrypt instead of every household and member — and the full read replaces it a moment later
// (work-area-rows.ts). It is exact or absent: a committed change of any household or member deletes it at once (a
// delete needs no key), and the rows built after the change write it again SNAPSHOT_DELAY_MS later, or at once
// when the app locks or the page is hidden. Only a tab killed between a change and that delete leaves it a change
// behind, which the full read corrects (docs/security.md "The household list at unlock").
import Dexie, { type ObservabilitySet } from 'dexie'
import * as z from 'zod/mini'
import { LIFE_STAGES, OVERLAYS } from '../domain/lifecycle'
import { changedKeys } from './changed-keys'
import { storedForm } from './crypto/middleware'
import { currentKeys, onBeforeLock, onLockChange } from './crypto/session'
import { reportInvalidRow } from './data-issues'
import { getDb, type KaderDb } from './db'
import { type HouseholdRow, type ListedRow, listedRow } from './household-rows'

const KEY = 'listSnapshot'
/** A pause before writing: a sync storing page after page, or a kader saving form after form, writes it once. */
export const SNAPSHOT_DELAY_MS = 1_000

const listedRowSchema = z.object({
  id: z.string(),
  headName: z.string(),
  dusun: z.string(),
  rt: z.string(),
  rw: z.string(),
  memberCount: z.int(),
  stages: z.array(z.enum([...LIFE_STAGES, ...OVERLAYS])),
})
// `today`: the stage badges are those of that day; another day's snapshot is not shown.
const snapshotSchema = z.object({ workAreaId: z.string(), today: z.string(), rows: z.array(listedRowSchema) })

let ahead: { db: KaderDb; changes: number; row: Promise<{ value: unknown } | undefined> } | undefined

/** The snapshot's rows if it is this area's and today's; undefined when there is none (the full read then). */
export async function readListSnapshot(workAreaId: string, today: string): Promise<ListedRow[] | undefined> {
  const db = getDb()
  // Read ahead at unlock, while the screens mount and read the work area: used once, if nothing changed since.
  const early = ahead?.db === db && ahead.changes === changes ? ahead.row : undefined
  ahead = undefined
  const row = await (early ?? db.meta.get(KEY))
  if (row === undefined) return undefined
  const parsed = snapshotSchema.safeParse(row.value)
  if (!parsed.success) {
    reportInvalidRow('meta', KEY, [...new Set(parsed.error.issues.map((i) => i.path.join('.')))])
    return undefined
  }
  const { data } = parsed
  return data.workAreaId === workAreaId && data.today === today ? data.rows : undefined
}

let waiting: { db: KaderDb; workAreaId: string; today: string; rows: readonly HouseholdRow[] } | undefined
let timer: ReturnType<typeof setTimeout> | undefined
/** Counts the changes of households and members: a write sealed before the latest one is not stored. */
let changes = 0

/**
 * Rows built from every change so far, to keep as the snapshot: 'later' (after SNAPSHOT_DELAY_MS, or at lock), or
 * at once — unless they are the snapshot `shown` while they were read.
 */
export function keepListSnapshot(
  db: KaderDb,
  workAreaId: string,
  today: string,
  rows: readonly HouseholdRow[],
  when: 'later' | { shown?: readonly ListedRow[] },
): void {
  waiting = { db, workAreaId, today, rows }
  clearTimeout(timer)
  if (when === 'later') timer = setTimeout(writeListSnapshot, SNAPSHOT_DELAY_MS)
  else if (when.shown && sameRows(when.shown, rows)) waiting = undefined
  else writeListSnapshot()
}

function sameRows(shown: readonly ListedRow[], rows: readonly HouseholdRow[]): boolean {
  return (
    shown.length === rows.length &&
    shown.every((a, i) => {
      const b = listedRow(rows[i] as HouseholdRow)
      return (
        a.id === b.id &&
        a.headName === b.headName &&
        a.dusun === b.dusun &&
        a.rt === b.rt &&
        a.rw === b.rw &&
        a.memberCount === b.memberCount &&
        a.stages.join() === b.stages.join()
      )
    })
  )
}

/**
 * Writes the waiting snapshot now, if any. It is sealed with the keys of this moment — at lock, the last moment they
 * are there — and put into IndexedDB directly: a Dexie write would reach the encryption a few tasks later, locked.
 */
export function writeListSnapshot(): void {
  clearTimeout(timer)
  const next = waiting
  waiting = undefined
  if (!next || !currentKeys()) return
  const value = { workAreaId: next.workAreaId, today: next.today, rows: next.rows.map(listedRow) }
  const before = changes
  storedForm('meta', [{ key: KEY, value }])
    .then(([stored]) => {
      if (changes !== before) return
      next.db.backendDB().transaction('meta', 'readwrite').objectStore('meta').put(stored)
    })
    // A snapshot not written only costs the next unlock the full read.
    .catch(() => undefined)
}

Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  // Records change only while unlocked (the unlocked account's database is getDb()).
  if (!currentKeys()) return
  const db = getDb()
  const changed = (table: string) => {
    const keys = changedKeys(parts, db, table, new Set())
    return keys === 'all' || keys.size > 0
  }
  if (!changed('households') && !changed('members')) return
  changes += 1
  clearTimeout(timer)
  waiting = undefined
  void db.meta.delete(KEY).catch(() => undefined)
})
onBeforeLock(writeListSnapshot)
onLockChange((unlocked) => {
  const db = unlocked ? getDb() : undefined
  ahead = db && { db, changes, row: db.meta.get(KEY) }
  ahead?.row.catch(() => undefined) // a failed read ahead is read again when needed
})
// A phone closes a hidden app without warning: what waits is written when the page is hidden.
if (typeof document !== 'undefined')
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') writeListSnapshot()
  })
if (typeof addEventListener === 'function') addEventListener('pagehide', writeListSnapshot)
