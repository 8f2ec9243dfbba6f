// After a run the device tells the server what its outbox holds — two counts, no record — so the bidan's wilayah
// binaan shows each kader's last sync and what still waits or was refused (docs/sync-protocol.md, "Roles and the
// wilayah binaan"). Best effort, one try: the report is not the kader's data, and a server before roles answers 404.
import { outboxCounts } from '../data/outbox'
import type { Run } from './run'
import { request } from './transport'

export async function reportOutbox(run: Run): Promise<void> {
  const { waiting, rejected } = await outboxCounts(run.db)
  await request(
    'POST',
    '/status',
    { pending: waiting, rejected },
    {
      baseUrl: run.baseUrl,
      token: run.auth.token,
      fetch: run.opts.fetch,
      timeoutMs: run.opts.timeoutMs,
      signal: run.opts.signal,
      now: run.now,
    },
  ).catch(() => {})
}
