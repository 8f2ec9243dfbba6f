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
  const page: PageRow[] = []
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
  const left = [...new Set(page.filter((r) => r.departed).map((r) => r.household_id))]
  return {
    records: page
      .filter((r) => !r.departed && (r.origin_token !== session.tokenId || !isInserted(r.entity)))
      .map(toState),
    cursors,
    hasMore,
    // Read after the page: an epoch started meanwhile began after every number on it.
    epoch: await currentEpoch(db),
    ...(reset ? { reset: true as const } : {}),
    ...(left.length > 0 ? { left } : {}),
  }
}

/** A row of a page: a record, or a household's departure from a place in the areas (migration 013). */
type PageRow = RecordRow & { departed: boolean }

/**
 * Up to `limit` rows of one desa after `after`, in change order: the records whose household lies in one of the
 * areas in that desa, and the departures of households from a place in them to one outside all of them. An area
 * that is the whole desa needs no look at the records' households: every record of the desa is in it.
 */
function desaPage(db: Database, desa: string, after: number, areas: readonly AreaKey[], limit: number) {
  const here = areas.filter((a) => desaKey(a) === desa)
  const wholeDesa = here.some((a) => a.dusun === undefined && a.rw === undefined && a.rt === undefined)
  const covered = (alias: string) =>
    `EXISTS (SELECT 1 FROM unnest($3::text[], $4::text[], $5::text[]) AS a(dusun, rw, rt)
             WHERE (a.dusun IS NULL OR ${alias}.dusun = a.dusun) AND (a.rw IS NULL OR ${alias}.rw = a.rw)
               AND (a.rt IS NULL OR ${alias}.rt = a.rt))`
  // The household by its whole key, one index probe per record: LIMIT keeps the planner from turning it into a
  // scan of the desa's households when the statistics are stale (a table that grew since the last ANALYZE).
  const columns = `r.desa_key, r.entity, r.id, r.seq, r.household_id, r.kabupaten, r.kecamatan, r.desa, r.dusun,
    r.rw, r.rt, r.data, r.hlcs, r.created_hlc, r.version, r.origin_token, r.purged_at, false AS departed`
  const records = wholeDesa
    ? `SELECT ${columns} FROM records r WHERE r.desa_key = $1 AND r.seq > $2`
    : `SELECT ${columns} FROM records r
       CROSS JOIN LATERAL (SELECT h.dusun, h.rw, h.rt FROM records h
         WHERE h.desa_key = r.desa_key AND h.entity = 'households' AND h.id = r.household_id LIMIT 1) h
       WHERE r.desa_key = $1 AND r.seq > $2 AND ${covered('h')}`
  return db.query<PageRow>(
    `SELECT * FROM (
       ${records}
       UNION ALL
       SELECT d.desa_key, NULL, d.household_id, d.seq, d.household_id, NULL, NULL, NULL, d.dusun, d.rw, d.rt,
         NULL, NULL, NULL, NULL, NULL, NULL, true
       FROM departures d
       WHERE d.desa_key = $1 AND d.seq > $2 AND ${covered('d')}
         AND NOT EXISTS (SELECT 1 FROM records h WHERE h.desa_key = d.desa_key AND h.entity = 'households'
                           AND h.id = d.household_id AND ${covered('h')})
     ) page ORDER BY seq LIMIT $6`,
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
