// Pull: the records of the session's areas changed after a cursor per desa, in change order per desa
// (docs/sync-protocol.md). Each desa is read by its own query, on its own key: one shard each under Citus.
import { isInserted, PULL_PAGE_SIZE, type PullCursors, type PullResponse } from '../../src/protocol/wire'
import type { Session } from '../accounts'
import type { Database } from '../db'
import { type AreaKey, desaKey, desasOf, sessionAreas } from '../scope'
import { currentEpoch, cursorEnds } from './epochs'
import { type RecordRow, toState } from './rows'

/**
 * Records changed after `cursors` in the session's areas: desa by desa (in key order), each in change order. Visits
 * and follow-ups this token pushed are left out (the device holds them, and they never change), but the cursor
 * moves past them. A desa's cursor that is no longer valid (epochs.ts) is answered from 0, with `reset`; a desa
 * outside the areas is dropped from the cursors.
 */
export async function pull(
  db: Database,
  session: Session,
  asked: { cursors: PullCursors; epoch?: string | undefined; limit?: number },
  areas: readonly AreaKey[] = sessionAreas(session),
): Promise<Omit<PullResponse, 'serverTime'>> {
  const limit = asked.limit ?? PULL_PAGE_SIZE
  const desas = desasOf(areas)
  const ends = await cursorEnds(db, desas, asked.epoch)
  let reset = ends === undefined
  const cursors: PullCursors = {}
  for (const desa of desas) {
    const cursor = asked.cursors[desa] ?? 0
    const valid = cursor === 0 || cursor <= (ends?.get(desa) ?? -1)
    reset ||= !valid
    cursors[desa] = valid ? cursor : 0
  }
  const page: RecordRow[] = []
  let hasMore = false
  for (const desa of desas) {
    const room = limit - page.length
    const rows = await desaPage(db, desa, cursors[desa] ?? 0, areas, room + 1)
    page.push(...rows.slice(0, room))
    const last = rows.slice(0, room).at(-1)
    if (last) cursors[desa] = Number(last.seq)
    if (rows.length > room) {
      hasMore = true
      break
    }
  }
  return {
    records: page.filter((r) => r.origin_token !== session.tokenId || !isInserted(r.entity)).map(toState),
    cursors,
    hasMore,
    // Read after the page: an epoch started meanwhile began after every number on it.
    epoch: await currentEpoch(db),
    ...(reset ? { reset: true as const } : {}),
  }
}

/** Up to `limit` records of one desa after `after`, whose household lies in one of the areas in that desa. */
function desaPage(db: Database, desa: string, after: number, areas: readonly AreaKey[], limit: number) {
  const here = areas.filter((a) => desaKey(a) === desa)
  return db.query<RecordRow>(
    `SELECT r.* FROM records r
     JOIN records h ON h.desa_key = r.desa_key AND h.entity = 'households' AND h.id = r.household_id
     WHERE r.desa_key = $1 AND r.seq > $2
       AND EXISTS (SELECT 1 FROM unnest($3::text[], $4::text[], $5::text[]) AS a(dusun, rw, rt)
                   WHERE (a.dusun IS NULL OR h.dusun = a.dusun) AND (a.rw IS NULL OR h.rw = a.rw)
                     AND (a.rt IS NULL OR h.rt = a.rt))
     ORDER BY r.seq LIMIT $6`,
    [
      desa,
      after,
      here.map((a) => a.dusun ?? null),
      here.map((a) => a.rw ?? null),
      here.map((a) => a.rt ?? null),
      limit,
    ],
  )
}
