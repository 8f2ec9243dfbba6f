// The change sequences of the desas a push may write in (migration 007; docs/scaling.md): one row per desa, locked
// at the start of the push's transaction in key order (two pushes never wait for each other in a cycle). Pushes in
// one desa thus apply one after another and its sequence numbers follow commit order — a pull never skips a number
// that commits later — while pushes in other desas never wait for them.
import type { Sql } from '../db'
import type { Writes } from './writes'

interface SeqRow {
  desa_key: string
  last_seq: number | string
}

export class Sequences {
  private readonly last = new Map<string, number>()

  private constructor(private readonly rows: Map<string, SeqRow>) {
    for (const [desa, row] of rows) this.last.set(desa, Number(row.last_seq))
  }

  /** Locks the sequences of `desas` (sorted) until the transaction ends; a desa without one gets it. */
  static async lock(tx: Sql, desas: readonly string[]): Promise<Sequences> {
    const select = () =>
      tx.query<SeqRow>(
        'SELECT desa_key, last_seq FROM desa_seqs WHERE desa_key = ANY($1::text[]) ORDER BY desa_key FOR UPDATE',
        [desas],
      )
    let rows = await select()
    if (rows.length < desas.length) {
      // A new desa starts after the sequence of the single-lock server (sync_state, migration 007).
      await tx.query(
        `INSERT INTO desa_seqs (desa_key, last_seq)
         SELECT k, (SELECT last_seq FROM sync_state WHERE id = 1) FROM unnest($1::text[]) AS k
         ON CONFLICT (desa_key) DO NOTHING`,
        [desas],
      )
      rows = await select()
    }
    return new Sequences(new Map(rows.map((r) => [r.desa_key, r])))
  }

  private at(desa: string): number {
    const last = this.last.get(desa)
    if (last === undefined) throw new Error('A push wrote in a desa whose sequence it did not lock.')
    return last
  }

  next(desa: string): number {
    return this.take(desa, 1)
  }

  /** `n` numbers of `desa` at once; returns the first. */
  take(desa: string, n: number): number {
    const first = this.at(desa) + 1
    this.last.set(desa, first + n - 1)
    return first
  }

  /**
   * Stores the sequences that moved, under the current epoch: read in the same statement, after the lock, so later
   * pushes of the desa see the same or a newer one. A desa's first push of a new epoch notes where the old epoch
   * ended for it (the statement's parts all see the rows as this push locked them).
   */
  save(w: Writes): void {
    const moved = [...this.rows.values()].filter((r) => this.last.get(r.desa_key) !== Number(r.last_seq))
    if (moved.length === 0) return
    const [desas, seqs] = [
      w.param(moved.map((r) => r.desa_key)),
      w.param(moved.map((r) => this.last.get(r.desa_key))),
    ]
    w.add('current', 'SELECT id FROM sync_epochs ORDER BY started_at DESC, id DESC LIMIT 1')
    w.add(
      'ended',
      `INSERT INTO desa_epoch_ends (desa_key, epoch, end_seq)
       SELECT s.desa_key, s.epoch, s.last_seq FROM desa_seqs s, current c
       WHERE s.desa_key = ANY(${desas}::text[]) AND s.epoch IS NOT NULL AND s.epoch <> c.id
       ON CONFLICT DO NOTHING`,
    )
    w.add(
      'saved',
      `UPDATE desa_seqs s SET last_seq = x.last_seq, epoch = (SELECT id FROM current)
       FROM unnest(${desas}::text[], ${seqs}::bigint[]) AS x(desa_key, last_seq) WHERE s.desa_key = x.desa_key`,
    )
  }
}
