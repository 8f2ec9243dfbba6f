// What one sync run carries (Run), and the request every step makes through it: retries with exponential backoff
// and jitter for offline, timeout, 5xx and 429; the bytes of every answer counted and the clock skew measured.
import type { KaderDb } from '../data/db'
import {
  CLOCK_SKEW_WARNING_MS,
  type ClockSkew,
  PROGRESS_KEY,
  type SyncAuth,
  type SyncProgress,
  type SyncRunSummary,
} from '../data/sync-state'
import { MAX_BODY_BYTES, type SyncedEntity } from '../protocol/wire'
import { SyncError, toSyncError } from './errors'
import { type Answer, type FetchLike, request } from './transport'

export interface RetryPolicy {
  /** Tries per request, the first included. */
  attempts: number
  baseMs: number
  maxMs: number
}

/**
 * Five tries, 1 s doubling to at most 60 s, with full jitter: a request that fails through a tower change or a
 * server restart is retried within a minute, and a hundred phones coming back online at once after a posyandu do
 * not hit the puskesmas server in lock step. After the last try the run fails; the scheduler tries again later.
 */
export const RETRY: RetryPolicy = { attempts: 5, baseMs: 1_000, maxMs: 60_000 }

/**
 * A push batch stops before its JSON reaches 768 KiB: the server refuses bodies over 1 MiB after gunzip
 * (MAX_BODY_BYTES), and visits with many screening parts can be large; the rest of the room is the envelope's.
 */
export const MAX_BATCH_JSON_BYTES = Math.floor(MAX_BODY_BYTES * 0.75)

/** Full jitter: a random wait between 0 and the capped exponential, at least a tenth of the base. */
export function backoffMs(attempt: number, policy: RetryPolicy = RETRY, random: () => number = Math.random) {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt)
  return Math.max(policy.baseMs / 10, Math.round(cap * random()))
}

export interface SyncOptions {
  /** Default: the base URL of the login. */
  baseUrl?: string
  db?: KaderDb
  fetch?: FetchLike
  signal?: AbortSignal
  /** The device's clock (tests). */
  now?: () => number
  retry?: Partial<RetryPolicy>
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Changes per push and records per pull page: PAGE_SIZE and PULL_PAGE_SIZE (tests use smaller ones). */
  pageSize?: number
  timeoutMs?: number
}

export interface Run {
  db: KaderDb
  auth: SyncAuth & { token: string }
  baseUrl: string
  opts: SyncOptions
  now: () => number
  retry: RetryPolicy
  pageSize: number
  pullPageSize: number
  summary: SyncRunSummary
  skew?: ClockSkew
  /** The server's clock minus ours, from the latest answer: our best estimate of the real time. */
  offsetMs: number
  deviceId: string
}

/** Every table a stored page or a push answer touches: one transaction over all of them. */
export const tables = (db: KaderDb) => [
  db.households,
  db.members,
  db.visits,
  db.followUps,
  db.clocks,
  db.outbox,
  db.conflicts,
  db.meta,
]

export async function call<T>(
  run: Run,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  /** Tries (default: the run's policy), and a hook told of every failed one. */
  opts: { attempts?: number; onFailure?: (error: SyncError) => void } = {},
): Promise<Answer<T>> {
  const sleep = run.opts.sleep ?? wait
  const attempts = opts.attempts ?? run.retry.attempts
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await request<T>(method, path, body, {
        baseUrl: run.baseUrl,
        token: run.auth.token,
        fetch: run.opts.fetch,
        signal: run.opts.signal,
        timeoutMs: run.opts.timeoutMs,
        now: run.now,
      })
      run.summary.bytesSent += answer.bytesSent
      run.summary.bytesReceived += answer.bytesReceived
      if (Number.isFinite(answer.serverTimeMs)) {
        const skewMs = answer.localMidMs - answer.serverTimeMs
        run.offsetMs = -skewMs
        run.skew = {
          skewMs,
          measuredAt: new Date(answer.serverTimeMs).toISOString(),
          warning: Math.abs(skewMs) > CLOCK_SKEW_WARNING_MS,
        }
      }
      return answer
    } catch (caught) {
      const error = toSyncError(caught)
      opts.onFailure?.(error)
      if (!error.retryable || attempt + 1 >= attempts) throw error
      await sleep(pauseMs(error, attempt, run.retry), run.opts.signal)
    }
  }
}

/**
 * How long to wait before the next try: the backoff, or what the server asked for. After a 503 (too busy) that is
 * "not before": the backoff's jitter is added, so phones turned away together do not all come back together.
 */
export function pauseMs(
  error: SyncError,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  if (error.retryAfterMs === undefined) return backoffMs(attempt, policy, random)
  return error.status === 503 ? error.retryAfterMs + backoffMs(attempt, policy, random) : error.retryAfterMs
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((ok, fail) => {
    if (signal?.aborted) return fail(new SyncError('aborted'))
    const timer = setTimeout(ok, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      fail(new SyncError('aborted'))
    })
  })
}

/** Our best estimate of the real time: the device's clock corrected by the server's, never behind the device's. */
export const realNow = (run: Run) => Math.max(run.now(), run.now() + run.offsetMs)

export async function setProgress(run: Run, progress: Omit<SyncProgress, 'startedAt'>): Promise<void> {
  await run.db.meta.put({ key: PROGRESS_KEY, value: { ...progress, startedAt: run.summary.startedAt } })
}

export type Row = Record<string, unknown>
export const zip = <K, V>(keys: K[], values: V[]) => keys.map((k, i) => [k, values[i] as V] as const)

/** The Dexie table of a synced entity. */
export const tableOf = (db: KaderDb, entity: SyncedEntity) =>
  ({ households: db.households, members: db.members, visits: db.visits, followUps: db.followUps })[entity]
