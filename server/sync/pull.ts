// Pull: the records of the session's work area changed after a cursor, in change order (docs/sync-protocol.md).
import { isInserted, PULL_PAGE_SIZE, type PullResponse } from '../../src/protocol/wire'
import type { Session } from '../accounts'
import type { Database } from '../db'
import { areaOfWorkArea } from '../scope'
import { currentEpoch, cursorIsValid } from './epochs'
import { type RecordRow, toState } from './rows'

/**
 * Records changed after `cursor` in the session's work area, in change order. Visits and follow-ups this token
 * pushed are left out (the device holds them, and they never change), but the cursor moves past them. A cursor
 * that is no longer valid (epochs.ts) is answered from 0, with `reset`.
 */
export async function pull(
  db: Database,
  session: Session,
  asked: { cursor: number; epoch?: string | undefined; limit?: number },
): Promise<Omit<PullResponse, 'serverTime'>> {
  const limit = asked.limit ?? PULL_PAGE_SIZE
  const reset = !(await cursorIsValid(db, asked.cursor, asked.epoch))
  const cursor = reset ? 0 : asked.cursor
  const a = areaOfWorkArea(session.workArea)
  const rows = await db.query<RecordRow>(
    `SELECT r.* FROM records r JOIN records h ON h.entity = 'households' AND h.id = r.household_id
     WHERE r.seq > $1 AND h.kabupaten = $2 AND h.kecamatan = $3 AND h.desa = $4
       AND ($5::text IS NULL OR h.dusun = $5) AND ($6::text IS NULL OR h.rw = $6) AND ($7::text IS NULL OR h.rt = $7)
     ORDER BY r.seq LIMIT $8`,
    [cursor, a.kabupaten, a.kecamatan, a.desa, a.dusun ?? null, a.rw ?? null, a.rt ?? null, limit + 1],
  )
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    records: page.filter((r) => r.origin_token !== session.tokenId || !isInserted(r.entity)).map(toState),
    nextCursor: last ? Number(last.seq) : cursor,
    hasMore: rows.length > limit,
    // Read after the page: an epoch started meanwhile began after every number on it.
    epoch: await currentEpoch(db),
    ...(reset ? { reset: true as const } : {}),
  }
}
