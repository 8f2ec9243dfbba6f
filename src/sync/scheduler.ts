// When sync runs: at app start, when the phone comes online, when the app comes back to the foreground, every
// SYNC_INTERVAL_MS while online and visible, when the kader taps "Sinkronkan sekarang" (syncNow), and when the
// service worker's Background Sync fires — the SW posts `{ type: 'SYNC_REQUESTED' }` (SW_SYNC_MESSAGE) to its
// clients on its 'sync' event, and the page runs the sync (IndexedDB, the token and the engine live here).
// Never two runs at once: a trigger during a run asks for one more run right after it, so an edit made meanwhile
// goes out without waiting for the next tick. A run that failed for a reason worth retrying (offline, timeout,
// server, rate-limited) is tried again after a growing pause; one that needs the kader (login, work area) waits.
import { getDb } from '../data/db'
import { watchNewChanges } from '../data/outbox'
import type { SyncRunSummary } from '../data/sync-state'
import { syncNow as runSync, type SyncOptions } from './engine'
import { SyncError, toSyncError } from './errors'

/**
 * Every 5 minutes while the app is open, online and visible: the fallback that pulls what other phones sent (a
 * local change goes out sooner, SEND_AFTER_CHANGE). More often would only spend battery and data on empty pulls
 * (each costs a request even when nothing changed), and the burst limit of the server (60 requests per token) is
 * never approached.
 */
export const SYNC_INTERVAL_MS = 5 * 60_000
/**
 * A local change is sent once the kader has paused for 3 s, and at most 10 s after the first change not yet sent:
 * at a posyandu table with several kaders' phones, the others see a check-in or a weighing within seconds, while
 * a burst of saves (a form, then its member, then a visit) goes out as one run of one or two requests.
 */
export const SEND_AFTER_CHANGE = { quietMs: 3_000, maxMs: 10_000 }
/** The message the service worker posts to its clients on a Background Sync 'sync' event. */
export const SW_SYNC_MESSAGE = 'SYNC_REQUESTED'
/**
 * After a failed run: 30 s, doubling up to 30 min. The requests of a run already retried for a minute or so;
 * a server down for maintenance or a phone in a dead zone is then left alone, and the 'online' event or the
 * kader's button still start a run at once.
 */
export const FAILED_RUN_RETRY = { baseMs: 30_000, maxMs: 30 * 60_000 }

export interface SchedulerOptions extends SyncOptions {
  baseUrl: string
  intervalMs?: number
  sendAfterChange?: { quietMs: number; maxMs: number }
  /** Where 'online' and 'visibilitychange' are listened to; default: window and document. */
  events?: { window?: EventTarget; document?: EventTarget; serviceWorker?: EventTarget }
  isOnline?: () => boolean
  isVisible?: () => boolean
  /** Told of every run's outcome (the UI reads the same from sync-state.ts). */
  onRun?: (outcome: SyncRunSummary | SyncError) => void
}

export interface SyncScheduler {
  /** "Sinkronkan sekarang": resolves with the run's summary, rejects with a SyncError. */
  syncNow(): Promise<SyncRunSummary>
  stop(): void
}

export function startSyncScheduler(opts: SchedulerOptions): SyncScheduler {
  const win = opts.events?.window ?? (typeof window === 'undefined' ? undefined : window)
  const doc = opts.events?.document ?? (typeof document === 'undefined' ? undefined : document)
  const sw =
    opts.events?.serviceWorker ??
    (typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined)
  const isOnline = opts.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false)
  const isVisible =
    opts.isVisible ?? (() => typeof document === 'undefined' || document.visibilityState === 'visible')
  const controller = new AbortController()
  let running: Promise<SyncRunSummary> | undefined
  let again = false
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let firstUnsent: number | undefined
  let sendTimer: ReturnType<typeof setTimeout> | undefined

  const run = (): Promise<SyncRunSummary> => {
    if (stopped) return Promise.reject(new SyncError('aborted', { detail: 'stopped' }))
    if (running) {
      again = true
      return running
    }
    clearTimeout(retryTimer)
    const current = runSync({ ...opts, signal: controller.signal })
      .then(
        (summary) => {
          failures = 0
          opts.onRun?.(summary)
          return summary
        },
        (caught: unknown) => {
          const error = toSyncError(caught)
          opts.onRun?.(error)
          if (error.retryable && !stopped) {
            const wait = Math.min(FAILED_RUN_RETRY.maxMs, FAILED_RUN_RETRY.baseMs * 2 ** failures)
            failures += 1
            retryTimer = setTimeout(() => void quiet(), wait * (0.5 + Math.random() / 2))
          }
          throw error
        },
      )
      .finally(() => {
        running = undefined
        // A trigger that came during the run gets its own run, unless the phone went offline meanwhile.
        if (again && !stopped) {
          again = false
          if (isOnline()) void quiet()
        }
      })
    running = current
    return current
  }
  // Triggers other than the button: failures are in sync-state for the UI, nobody awaits them here.
  const quiet = () => run().catch(() => undefined)

  // Offline, a change waits: the 'online' event sends it.
  const send = opts.sendAfterChange ?? SEND_AFTER_CHANGE
  const onLocalChange = () => {
    if (stopped || !isOnline()) return
    const now = Date.now()
    firstUnsent ??= now
    clearTimeout(sendTimer)
    const wait = Math.min(send.quietMs, firstUnsent + send.maxMs - now)
    sendTimer = setTimeout(
      () => {
        firstUnsent = undefined
        // Offline by now: the change waits for the 'online' event, like one made offline.
        if (isOnline()) void quiet()
      },
      Math.max(0, wait),
    )
  }
  const unwatch = watchNewChanges(opts.db ?? getDb(), onLocalChange)

  const onOnline = () => void quiet()
  const onVisible = () => {
    if (isVisible()) void quiet()
  }
  const onMessage = (event: Event) => {
    if ((event as MessageEvent).data?.type === SW_SYNC_MESSAGE) void quiet()
  }
  win?.addEventListener('online', onOnline)
  doc?.addEventListener('visibilitychange', onVisible)
  sw?.addEventListener('message', onMessage)
  const tick = setInterval(() => {
    if (isOnline() && isVisible()) void quiet()
  }, opts.intervalMs ?? SYNC_INTERVAL_MS)
  void quiet()

  return {
    syncNow: run,
    stop() {
      stopped = true
      controller.abort()
      clearInterval(tick)
      clearTimeout(retryTimer)
      clearTimeout(sendTimer)
      unwatch()
      win?.removeEventListener('online', onOnline)
      doc?.removeEventListener('visibilitychange', onVisible)
      sw?.removeEventListener('message', onMessage)
    },
  }
}
