// Households that left the work area (docs/sync-protocol.md, "Households that leave the area"): a pull page's `left`
// names households moved to a place outside the area; the phone drops each with its members, visits and follow-ups,
// in the page's transaction. One with a change not yet sent (or refused and not yet fixed) is kept until that
// change has left the outbox — the kader's work is never deleted unsent — and dropped by a later pull.
import { entriesOfRecords } from '../data/outbox'
import { readMeta } from '../data/sync-state'
import type { RecordState } from '../protocol/wire'
import { clockKey } from './clock'
import type { Run } from './run'

/** Meta: the households of an area that left it but are kept for changes still in the outbox. */
export const leftKey = (workAreaId: string): string => `leftArea:${workAreaId}`

/** Inside the caller's transaction over tables(db), after the page's records are stored. */
export async function dropLeft(
  run: Run,
  left: readonly string[],
  records: readonly RecordState[],
): Promise<void> {
  const { db } = run
  const key = leftKey(run.auth.workArea.id)
  const kept = (await readMeta<string[]>(db, key)) ?? []
  if (left.length === 0 && kept.length === 0) return
  // A household whose records come in this page is in the area again.
  const back = new Set(records.map((s) => (s.entity === 'households' ? s.record.id : householdOf(s))))
  const still: string[] = []
  for (const householdId of new Set([...kept, ...left])) {
    if (back.has(householdId)) continue
    const members = await db.members.where('householdId').equals(householdId).primaryKeys()
    const [visits, followUps] = await Promise.all([
      db.visits.where('memberId').anyOf(members).primaryKeys(),
      db.followUps.where('memberId').anyOf(members).primaryKeys(),
    ])
    const ids = [householdId, ...members, ...visits, ...followUps]
    if ((await entriesOfRecords(db, ids)).length > 0) {
      still.push(householdId)
      continue
    }
    await Promise.all([
      db.households.delete(householdId),
      db.members.bulkDelete(members),
      db.visits.bulkDelete(visits),
      db.followUps.bulkDelete(followUps),
      db.clocks.bulkDelete([
        clockKey('households', householdId),
        ...members.map((m) => clockKey('members', m)),
      ]),
      db.conflicts.where('recordId').anyOf(ids).delete(),
    ])
  }
  if (still.length > 0) await db.meta.put({ key, value: still })
  else await db.meta.delete(key)
}

const householdOf = (s: RecordState): string | undefined => {
  const id = (s.record as { householdId?: unknown }).householdId
  return typeof id === 'string' ? id : undefined
}
