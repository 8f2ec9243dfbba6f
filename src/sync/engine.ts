// The sync engine: one run = pull → push → pull (docs/sync-protocol.md).
//   pull  pages after the stored cursor, each stored with the next cursor in one transaction (pull.ts);
//   push  the outbox in order, in batches; each answer stored in one transaction (push.ts), refused changes kept
//         as "perlu diperbaiki", and those the server may now accept sent again (requeue.ts);
//   pull  again, for what others pushed meanwhile (and our own changes' sequence numbers, to move the cursor on);
//   then the outbox's counts go to the server for the supervisor (status.ts).
// The first pull goes before the push so that an edit made elsewhere is seen while ours is still unsent: that is
// when a conflict can be logged (clock.ts `base`). Every request retries offline/timeout/5xx/429 with exponential
// backoff and jitter (run.ts); the run's bytes, progress and outcome go to meta for the UI (src/data/sync-state.ts).
import { getDb } from '../data/db'
import {
  AUTH_KEY,
  PROGRESS_KEY,
  readMeta,
  STATUS_KEY,
  type SyncAuth,
  type SyncRunSummary,
  type SyncStatus,
} from '../data/sync-state'
import { PAGE_SIZE, PULL_PAGE_SIZE } from '../protocol/wire'
import { SyncError, toSyncError } from './errors'
import { pullAll } from './pull'
import { pushAll } from './push'
import { RETRY, type Run, type SyncOptions } from './run'
import { reportOutbox } from './status'
import { wipeAsked } from './wipe'

export type { SyncOptions } from './run'

const inFlight = new Map<string, Promise<SyncRunSummary>>()

/**
 * One sync run; never two at once for one database (a second call while one runs gets the running one), nor,
 * where the browser has Web Locks, in two tabs. Resolves with the run's summary; rejects with a SyncError.
 */
export function syncNow(opts: SyncOptions = {}): Promise<SyncRunSummary> {
  const db = opts.db ?? getDb()
  const running = inFlight.get(db.name)
  if (running) return running
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  // The lock's callback returns the run's promise; the lock is held until it settles.
  const run = locks
    ? (locks.request(`kader-ilp-sync:${db.name}`, () =>
        syncOnce({ ...opts, db }),
      ) as unknown as Promise<SyncRunSummary>)
    : syncOnce({ ...opts, db })
  const tracked = run.finally(() => inFlight.delete(db.name))
  inFlight.set(db.name, tracked)
  return tracked
}

/** One run without the single-run guard: use syncNow. */
export async function syncOnce(opts: SyncOptions = {}): Promise<SyncRunSummary> {
  const db = opts.db ?? getDb()
  const now = opts.now ?? Date.now
  const auth = await readMeta<SyncAuth>(db, AUTH_KEY)
  if (!auth?.token) throw new SyncError('not-logged-in')
  const deviceId = (await db.meta.get('deviceId'))?.value
  const run: Run = {
    db,
    auth: { ...auth, token: auth.token },
    baseUrl: opts.baseUrl ?? auth.baseUrl,
    opts,
    now,
    retry: { ...RETRY, ...opts.retry },
    pageSize: opts.pageSize ?? PAGE_SIZE,
    pullPageSize: opts.pageSize ?? PULL_PAGE_SIZE,
    summary: {
      startedAt: new Date(now()).toISOString(),
      finishedAt: '',
      bytesSent: 0,
      bytesReceived: 0,
      pushed: 0,
      rejected: 0,
      pulled: 0,
    },
    offsetMs: 0,
    deviceId: typeof deviceId === 'string' ? deviceId : 'device',
  }
  try {
    await pullAll(run)
    await pushAll(run)
    await pullAll(run)
    await reportOutbox(run)
    if (await wipeAsked(run)) run.summary.wipe = true
    await finish(run)
    return run.summary
  } catch (caught) {
    const error = toSyncError(caught)
    run.summary.error = error.detail
      ? { reason: error.reason, detail: error.detail }
      : { reason: error.reason }
    await finish(run, error).catch(() => {})
    throw error
  }
}

async function finish(run: Run, error?: SyncError): Promise<void> {
  const { db, summary } = run
  summary.finishedAt = new Date(run.now()).toISOString()
  await db.transaction('rw', db.meta, async () => {
    const status = (await readMeta<SyncStatus>(db, STATUS_KEY)) ?? {}
    const next: SyncStatus = { ...status, lastRun: summary }
    if (!error) next.lastSuccessAt = summary.finishedAt
    if (run.skew) next.clockSkew = run.skew
    await db.meta.put({ key: STATUS_KEY, value: next })
    await db.meta.delete(PROGRESS_KEY)
    // A refused token is gone for good: keep the account (to prefill the login) but stop syncing with it.
    if (error?.reason === 'unauthorized') {
      const auth = await readMeta<SyncAuth>(db, AUTH_KEY)
      if (auth?.token === run.auth.token) {
        const { token: _gone, ...rest } = auth
        await db.meta.put({ key: AUTH_KEY, value: rest })
      }
    }
  })
}

/** A request with retries; counts bytes and measures the clock skew on every answer. */
