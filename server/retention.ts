// What the server forgets, and when (UU 27/2022 PDP; docs/sync-protocol.md, "Retention"). Run at start, every day
// (index.ts) and by `npm run server -- purge`:
//   applied change ids after APPLIED_CHANGE_DAYS — by then the phone that sent the change has stored its answer or
//     given up; a change sent again after that is merged again, which changes nothing (same stamps);
//   the data of a deleted household or member TOMBSTONE_DATA_DAYS after its deletion — only the tombstone stays
//     (id, scope, the deletion's stamp), so that a phone offline all that time still learns of the deletion; the
//     visits and follow-ups of a purged member go with its data;
//   rate-limit buckets (keyed by a username, an address, a token) a day after their last use (limits.ts).
import { MERGED_ENTITIES } from '../src/protocol/wire'
import type { Database } from './db'

/** A phone re-sends an unanswered batch on its next run; a month covers a phone left in a drawer. */
export const APPLIED_CHANGE_DAYS = 30
/** Three months for every phone of the area to receive the deletion with the data, and a mistake to be noticed. */
export const TOMBSTONE_DATA_DAYS = 90

const DAY_MS = 86_400_000

export interface Purged {
  appliedChanges: number
  tombstones: number
  /** Visits and follow-ups of purged members. */
  children: number
}

export async function purge(db: Database, nowMs: number): Promise<Purged> {
  return db.transaction(async (tx) => {
    const applied = await tx.query('DELETE FROM applied_changes WHERE applied_at < $1 RETURNING change_id', [
      new Date(nowMs - APPLIED_CHANGE_DAYS * DAY_MS),
    ])
    // The deletion's stamp starts with its ISO instant (24 characters), which compares as text.
    const tombstones = await tx.query(
      `UPDATE records SET data = '{"deleted": true}'::jsonb, hlcs = jsonb_build_object('deleted', hlcs->'deleted'),
         purged_at = $2
       WHERE entity = ANY($3::text[]) AND purged_at IS NULL AND data->>'deleted' = 'true'
         AND left(hlcs->>'deleted', 24) < $1
       RETURNING id`,
      [new Date(nowMs - TOMBSTONE_DATA_DAYS * DAY_MS).toISOString(), new Date(nowMs), [...MERGED_ENTITIES]],
    )
    const children = await tx.query(
      `DELETE FROM records r USING records m
       WHERE r.entity <> ALL($1::text[]) AND m.desa_key = r.desa_key AND m.entity = 'members'
         AND m.id = r.data->>'memberId'
         AND m.purged_at IS NOT NULL
       RETURNING r.id`,
      [[...MERGED_ENTITIES]],
    )
    // A rate limit's bucket idle for a day is full again: forgetting it changes nothing (limits.ts).
    await tx.query('DELETE FROM rate_buckets WHERE at < $1', [new Date(nowMs - DAY_MS)])
    return { appliedChanges: applied.length, tombstones: tombstones.length, children: children.length }
  })
}
