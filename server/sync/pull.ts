// Pull: the records of the session's areas changed after a cursor per desa, in change order per desa
// (docs/sync-protocol.md). Each desa is read by its own query, on its own key: one shard each under Citus.
import { isInserted, PULL_PAGE_SIZE, type PullCursors, type PullResponse } from '../../src/protocol/wire'
import type { Session } from '../accounts'
import type { Database } from '../db'
import { type AreaKey, desaKey, desasOf, sessionAreas } from '../scope'
import { currentEpoch, cursorEnds } from './epochs'
import { type WireRow, wireOf } from './rows'

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
): Promise<PullPage> {
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
  let epoch: string | undefined
  for (const desa of desas) {
    const room = limit - page.length
    const rows = await desaPage(db, desa, cursors[desa] ?? 0, areas, room + 1)
    // Each page's statement reads the epoch too: every number it sees was handed out under that epoch or an earlier
    // one, and the last statement ran after every page.
    epoch = rows[0]?.epoch
    const found = rows.filter((r) => r.seq !== null)
    const taken = found.slice(0, room)
    page.push(...taken)
    const last = taken.at(-1)
    if (last) cursors[desa] = Number(last.seq)
    if (found.length > room) {
      hasMore = true
      break
    }
  }
  const left = [...new Set(page.filter((r) => r.departed).map((r) => r.household_id))]
  return {
    records: page.flatMap((r) =>
      r.departed || (r.origin_token === session.tokenId && isInserted(r.entity)) ? [] : [wireOf(r)],
    ),
    cursors,
    hasMore,
    epoch: epoch ?? (await currentEpoch(db)),
    ...(reset ? { reset: true as const } : {}),
    ...(left.length > 0 ? { left } : {}),
  }
}

/** A pull's answer with each record already as its wire JSON (rows.ts wireOf; jsonOfPull writes it whole). */
export type PullPage = Omit<PullResponse, 'serverTime' | 'records'> & { records: string[] }

/** The answer's JSON: the records' texts as they are, the rest stringified (no parse and stringify of records). */
export function jsonOfPull(page: PullPage, more: Pick<PullResponse, 'serverTime' | 'nextCursor'>): string {
  const { records, ...rest } = page
  const tail: Omit<PullResponse, 'records'> = { ...rest, ...more }
  return `{"records":[${records.join(',')}],${JSON.stringify(tail).slice(1)}`
}

/**
 * A row of a page: a record, or a household's departure from a place in the areas (migration 013) with nulls for
 * the record's columns; the epoch on every row (a page with no rows is one row of nulls and the epoch).
 */
type PageRow = {
  epoch: string
  seq: string | number | null
  household_id: string
  departed: boolean
} & WireRow

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
  // data and hlcs as text: the driver does not parse them, and most records go out without a parse (rows.ts wireOf).
  const columns = `r.seq, r.household_id, false AS departed, r.entity, r.id, r.data::text AS data, r.hlcs::text AS hlcs,
    r.created_hlc, r.version, r.purged_at IS NOT NULL AS purged, r.origin_token`
  // The household by its whole key, one index probe per record: LIMIT keeps the planner from turning it into a
  // scan of the desa's households when the statistics are stale (a table that grew since the last ANALYZE).
  const records = wholeDesa
    ? `SELECT ${columns} FROM records r WHERE r.desa_key = $1 AND r.seq > $2`
    : `SELECT ${columns} FROM records r
       CROSS JOIN LATERAL (SELECT h.dusun, h.rw, h.rt FROM records h
         WHERE h.desa_key = r.desa_key AND h.entity = 'households' AND h.id = r.household_id LIMIT 1) h
       WHERE r.desa_key = $1 AND r.seq > $2 AND ${covered('h')}`
  return db.query<PageRow>(
    `SELECT e.id AS epoch, p.*
     FROM (SELECT id FROM sync_epochs ORDER BY started_at DESC, id DESC LIMIT 1) e
     LEFT JOIN LATERAL (
       SELECT * FROM (
         ${records}
         UNION ALL
         SELECT d.seq, d.household_id, true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
         FROM departures d
         WHERE d.desa_key = $1 AND d.seq > $2 AND ${covered('d')}
           AND NOT EXISTS (SELECT 1 FROM records h WHERE h.desa_key = d.desa_key AND h.entity = 'households'
                             AND h.id = d.household_id AND ${covered('h')})
       ) rows ORDER BY seq LIMIT $6) p ON true
     ORDER BY p.seq`,
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
