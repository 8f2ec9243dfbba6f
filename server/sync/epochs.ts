// Epochs of the change sequence (migration 004): each server start opens one, so a restore from backup — which
// hands out again sequence numbers some phones have already seen — is noticed. A phone's cursor is valid when it
// names an epoch this database has, and does not go beyond where that epoch ended; otherwise the phone pulls
// again from 0 (docs/sync-protocol.md, "Pull").
import { randomUUID } from 'node:crypto'
import type { Database, Sql } from '../db'

/** Opens a new epoch at the current end of the sequence (at start, with the pushes' lock so none is half-done). */
export async function openEpoch(db: Database): Promise<string> {
  const id = randomUUID()
  await db.transaction(async (tx) => {
    await tx.query('SELECT last_seq FROM sync_state WHERE id = 1 FOR UPDATE')
    await tx.query(
      'INSERT INTO sync_epochs (id, started_seq) SELECT $1, last_seq FROM sync_state WHERE id = 1',
      [id],
    )
  })
  return id
}

/** The epoch pulls answer with: the latest one started. */
export async function currentEpoch(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    'SELECT id FROM sync_epochs ORDER BY started_at DESC, id DESC LIMIT 1',
  )
  return row?.id ?? ''
}

/**
 * Whether a phone's cursor still means what it meant: its epoch is one of this database's, and the cursor is no
 * further than where that epoch ended (the next epoch's start, or the sequence's end for the current one). An
 * app that sends no epoch is checked against the sequence's end only.
 */
export async function cursorIsValid(sql: Sql, cursor: number, epoch: string | undefined): Promise<boolean> {
  const [row] = await sql.query<{ known: boolean; end_seq: string | number | null }>(
    `SELECT e.id IS NOT NULL AS known,
       COALESCE((SELECT min(n.started_seq) FROM sync_epochs n WHERE n.started_at > e.started_at),
                (SELECT last_seq FROM sync_state WHERE id = 1)) AS end_seq
     FROM (SELECT 1) one LEFT JOIN sync_epochs e ON e.id = $1`,
    [epoch ?? null],
  )
  if (epoch !== undefined && !row?.known) return false
  return cursor <= Number(row?.end_seq ?? 0)
}
