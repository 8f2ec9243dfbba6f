// Epochs of the change sequences (migrations 004, 007): each server start opens one, so a restore from backup —
// which hands out again sequence numbers some phones have already seen — is noticed. A phone's cursor of a desa is
// valid when it names an epoch this database has, and does not go beyond where that desa's sequence stood when the
// epoch ended; otherwise the phone pulls that desa again from 0 (docs/sync-protocol.md, "Pull").
import { randomUUID } from 'node:crypto'
import { TOKEN_IDLE_DAYS } from '../accounts'
import type { Sql } from '../db'

/**
 * Opens a new epoch, and compacts the epoch ends (below): each start may add a row per desa, a start is when to
 * forget the old ones. started_seq is the sequence of the single-lock server, frozen since migration 007: it still
 * tells where the epochs before it ended.
 */
export async function openEpoch(sql: Sql, nowMs = Date.now()): Promise<string> {
  const id = randomUUID()
  await sql.query(
    'INSERT INTO sync_epochs (id, started_seq) SELECT $1, last_seq FROM sync_state WHERE id = 1',
    [id],
  )
  await compactEpochEnds(sql, nowMs)
  return id
}

/**
 * desa_epoch_ends gains a row per desa per epoch it was pushed in, and every process start opens an epoch. A row
 * of a desa's epoch E is read only for a phone whose epoch lies between E and the desa's next epoch (its next row,
 * or desa_seqs): a phone that last pulled before that next epoch started. When it started more than
 * TOKEN_IDLE_DAYS ago, such a phone has not synced since — its token has expired — and the row is deleted. Deleting
 * only ever lowers the end a cursor is checked against, never raises it: that phone's desa is answered from 0
 * (reset), which is safe; no cursor that a restore made invalid becomes valid. Multi-shard (Citus), like the purge.
 */
export async function compactEpochEnds(sql: Sql, nowMs: number): Promise<void> {
  await sql.query(
    `DELETE FROM desa_epoch_ends x USING sync_epochs xe
     WHERE xe.id = x.epoch AND EXISTS (
       SELECT 1 FROM (SELECT y.epoch FROM desa_epoch_ends y WHERE y.desa_key = x.desa_key
                      UNION ALL SELECT s.epoch FROM desa_seqs s WHERE s.desa_key = x.desa_key) n
       JOIN sync_epochs ne ON ne.id = n.epoch
       WHERE ne.started_at > xe.started_at AND ne.started_at < $1::timestamptz - make_interval(days => $2))`,
    [new Date(nowMs), TOKEN_IDLE_DAYS],
  )
}

/** The epoch pulls answer with and pushes write under: the latest one started. */
export async function currentEpoch(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    'SELECT id FROM sync_epochs ORDER BY started_at DESC, id DESC LIMIT 1',
  )
  return row?.id ?? ''
}

/**
 * How far a cursor of each desa may go: where the desa's sequence stood when `epoch` ended — the last push of an
 * epoch no later than it (its row in desa_seqs, or the end noted in desa_epoch_ends), or, for a desa no push wrote
 * in by then, where the single-lock sequence stood. Without an epoch (an older app): the sequence's end. Undefined
 * when the epoch is not this database's (another database, or a restore from before it): every cursor is reset.
 */
export async function cursorEnds(
  sql: Sql,
  desas: readonly string[],
  epoch: string | undefined,
): Promise<Map<string, number> | undefined> {
  const floor = `(SELECT last_seq FROM sync_state WHERE id = 1)`
  if (epoch === undefined) {
    const rows = await sql.query<{ desa_key: string; end_seq: string | number }>(
      `SELECT k AS desa_key, COALESCE(s.last_seq, ${floor}) AS end_seq
       FROM unnest($1::text[]) AS k LEFT JOIN desa_seqs s ON s.desa_key = k`,
      [desas],
    )
    return new Map(rows.map((r) => [r.desa_key, Number(r.end_seq)]))
  }
  const rows = await sql.query<{ desa_key: string; end_seq: string | number }>(
    `WITH e AS (
       SELECT started_at, COALESCE(
         (SELECT min(n.started_seq) FROM sync_epochs n WHERE n.started_at > x.started_at), ${floor}) AS old_end
       FROM sync_epochs x WHERE x.id = $2)
     SELECT k AS desa_key, COALESCE(
       (SELECT p.end_seq FROM (
          SELECT s.last_seq AS end_seq, se.started_at FROM desa_seqs s JOIN sync_epochs se ON se.id = s.epoch
          WHERE s.desa_key = k
          UNION ALL
          SELECT h.end_seq, he.started_at FROM desa_epoch_ends h JOIN sync_epochs he ON he.id = h.epoch
          WHERE h.desa_key = k) p
        WHERE p.started_at <= e.started_at ORDER BY p.started_at DESC LIMIT 1),
       e.old_end) AS end_seq
     FROM e CROSS JOIN unnest($1::text[]) AS k`,
    [desas, epoch],
  )
  if (rows.length === 0 && desas.length > 0) return undefined
  return new Map(rows.map((r) => [r.desa_key, Number(r.end_seq)]))
}
