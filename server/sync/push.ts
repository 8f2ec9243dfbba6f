// Push (docs/sync-protocol.md). A push is one transaction: it first locks the change sequences of the desas its
// session may write in (sequences.ts) — a kader's one desa — so pushes in a desa apply one after another and its
// sequence numbers follow commit order, while pushes in other desas go on at the same time. Each change is checked
// (prepare.ts), merged or inserted (apply.ts) and either stored with its desa's next sequence number or rejected
// with its reason — the batch's other changes still apply. Applied change ids are stored in the same transaction,
// so a batch delivered twice is applied once, and answered the second time with the records as they then are.
import type { ChangeResult } from '../../src/protocol/wire'
import type { Session } from '../accounts'
import type { Database } from '../db'
import { type AreaKey, desasOf, sessionAreas } from '../scope'
import { applyOne } from './apply'
import { Batch } from './batch'
import { type Prepared, prepare } from './prepare'
import { Sequences } from './sequences'
import { Writes } from './writes'

/** Tests only: runs inside a push's transaction once the desas' sequences (their keys) are locked. */
export type PushHook = (desas: readonly string[]) => Promise<void>

/** Applies a batch for a session; results are in the order of `changes`. */
export async function push(
  db: Database,
  session: Session,
  changes: unknown[],
  nowMs: number,
  opts: { areas?: readonly AreaKey[]; hook?: PushHook | undefined } = {},
): Promise<ChangeResult[]> {
  const prepared = changes.map((raw) => prepare(raw, nowMs))
  const areas = opts.areas ?? sessionAreas(session)
  const desas = desasOf(areas)
  return db.transaction(async (tx) => {
    const seqs = await Sequences.lock(tx, desas)
    await opts.hook?.(desas)
    const valid = prepared.filter((p): p is Prepared => !('status' in p))
    const batch = await Batch.open(tx, session, areas, seqs, nowMs, valid)
    const results: ChangeResult[] = []
    for (const p of prepared) results.push('status' in p ? p : await applyOne(batch, p))
    // Records, applied change ids and sequences in one statement.
    const last = new Writes()
    batch.flush(last)
    seqs.save(last)
    await last.run(tx)
    return results
  })
}
