// A batch the server keeps failing on — a server bug, a record it cannot store — must not block the outbox for
// ever. After POISON_AFTER identical failures of a batch (every try answered with the same 5xx, or one 400/413:
// the server refused the request whole; never 503, a server too busy for anything), the batch is sent in halves, down to single changes; a change that
// fails alone as often is marked "perlu diperbaiki" (reason 'server-error') and the rest go through. An empty
// push first proves that the server works at all: when that fails too, the server is down, not the batch, so
// nothing is marked and the run fails as it always did (docs/sync-protocol.md, "The device").
import type { Change, ChangeResult, PushResponse } from '../protocol/wire'
import { SyncError, toSyncError } from './errors'
import { call, RETRY, type Run } from './run'

/** Identical failures of a batch before it is split: the same as a request's tries (five, over about a minute). */
export const POISON_AFTER = RETRY.attempts

/** The answer for a change the server failed on alone, POISON_AFTER times, while it works for others. */
export const UNSENDABLE = 'unsendable'
export interface BatchAnswer {
  /** One per change, in order. */
  results: (ChangeResult | typeof UNSENDABLE)[]
  /** The server's clock at the last answer; NaN when none came. */
  serverTimeMs: number
}

/** Sends one push batch; splits it when the server keeps refusing it (above). */
export async function sendBatch(run: Run, changes: Change[]): Promise<BatchAnswer> {
  const whole = await attempt(run, changes)
  if ('results' in whole) return whole
  await probe(run, whole.error)
  return isolate(run, changes)
}

async function isolate(run: Run, changes: Change[]): Promise<BatchAnswer> {
  if (changes.length === 1) {
    const alone = await attempt(run, changes)
    if ('results' in alone) return alone
    await probe(run, alone.error)
    return { results: [UNSENDABLE], serverTimeMs: Number.NaN }
  }
  const half = Math.ceil(changes.length / 2)
  const answer: BatchAnswer = { results: [], serverTimeMs: Number.NaN }
  for (const part of [changes.slice(0, half), changes.slice(half)]) {
    // One try per half: a failing half is split again, and only a single change gets every try.
    const once = await attempt(run, part, 1)
    const got = 'results' in once ? once : await isolate(run, part)
    answer.results.push(...got.results)
    if (Number.isFinite(got.serverTimeMs)) answer.serverTimeMs = got.serverTimeMs
  }
  return answer
}

/**
 * One send with up to `attempts` tries: the answer, or — when every try was refused identically by the server —
 * the refusal. Any other failure (offline, a timeout, a 401) ends the run as usual.
 */
async function attempt(
  run: Run,
  changes: Change[],
  attempts = run.retry.attempts,
): Promise<BatchAnswer | { error: SyncError }> {
  const failures: SyncError[] = []
  try {
    const { body, serverTimeMs } = await call<PushResponse>(
      run,
      'POST',
      '/changes',
      { workAreaId: run.auth.workArea.id, changes },
      { attempts, onFailure: (e) => failures.push(e) },
    )
    if (!Array.isArray(body?.results) || body.results.length !== changes.length)
      throw new SyncError('server', { detail: 'bad-push-answer' })
    return { results: body.results, serverTimeMs }
  } catch (caught) {
    const error = toSyncError(caught)
    const status = failures[0]?.status
    const refusedWhole = status === 400 || status === 413
    // 503 is the server too busy for any request, never a refusal of this batch.
    const identical =
      status !== undefined &&
      status !== 503 &&
      (refusedWhole || status >= 500) &&
      failures.every((f) => f.status === status) &&
      (refusedWhole || failures.length >= Math.min(attempts, POISON_AFTER))
    if (!identical) throw error
    return { error }
  }
}

/** An empty push: the server locks, writes and answers. When it cannot, the batch is not to blame. */
async function probe(run: Run, batchError: SyncError): Promise<void> {
  try {
    await call<PushResponse>(run, 'POST', '/changes', { workAreaId: run.auth.workArea.id, changes: [] })
  } catch {
    throw batchError
  }
}
