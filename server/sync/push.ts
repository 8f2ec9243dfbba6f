// Push (docs/sync-protocol.md). A push is one transaction: it first locks the change sequence (sync_state), so
// pushes apply one after another and sequence numbers follow commit order; each change is checked (prepare.ts),
// merged or inserted (apply.ts) and either stored with the next sequence number or rejected with its reason — the
// batch's other changes still apply. Applied change ids are stored in the same transaction, so a batch delivered
// twice is applied once and answered the same both times.
import type { ChangeResult } from '../../src/protocol/wire'
import type { Session } from '../accounts'
import type { Database } from '../db'
import { areaOfWorkArea } from '../scope'
import { applyOne } from './apply'
import { Batch, Sequence } from './batch'
import { type Prepared, prepare } from './prepare'

/** Applies a batch for a session; results are in the order of `changes`. */
export async function push(
  db: Database,
  session: Session,
  changes: unknown[],
  nowMs: number,
): Promise<ChangeResult[]> {
  const prepared = changes.map((raw) => prepare(raw, nowMs))
  const area = areaOfWorkArea(session.workArea)
  return db.transaction(async (tx) => {
    const [state] = await tx.query<{ last_seq: number | string }>(
      'SELECT last_seq FROM sync_state WHERE id = 1 FOR UPDATE',
    )
    const seq = new Sequence(Number(state?.last_seq ?? 0))
    const valid = prepared.filter((p): p is Prepared => !('status' in p))
    const batch = await Batch.open(tx, session, area, seq, valid)
    const results: ChangeResult[] = []
    for (const p of prepared) results.push('status' in p ? p : await applyOne(batch, p))
    await batch.flush()
    await tx.query('UPDATE sync_state SET last_seq = $1 WHERE id = 1', [seq.last])
    return results
  })
}
