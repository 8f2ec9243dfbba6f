// The page's one sync scheduler (src/sync/scheduler.ts). The engine is a lazy chunk: it starts after the first
// screen has rendered, so a cold start offline costs nothing for it. The API is served from the app's own origin.
import { getDb } from '../../data/db'
import type { SyncRunSummary } from '../../data/sync-state'
import type { SyncScheduler } from '../../sync/scheduler'

let scheduler: Promise<SyncScheduler> | undefined

export function startSync(): Promise<SyncScheduler> {
  // The unlocked account's database: a wipe heard by this scheduler wipes that account, even after "Ganti kader".
  const db = getDb()
  scheduler ??= import('../../sync/scheduler').then(({ startSyncScheduler }) =>
    startSyncScheduler({
      db,
      baseUrl: window.location.origin,
      // Offline: ask the service worker to wake the page when the connection is back (Background Sync, where the
      // browser has it). The outbox in IndexedDB stays the queue; the event only triggers a run.
      onRun: (outcome) => {
        if ('reason' in outcome && outcome.reason === 'offline') void requestBackgroundSync()
        // A lost phone marked by the puskesmas: everything sendable has gone; nothing stays on it.
        if ('wipe' in outcome && outcome.wipe)
          void import('../../data/crypto/wipe')
            .then((w) => w.wipeAccountOf(db))
            .finally(() => window.location.reload())
      },
    }),
  )
  return scheduler
}

/** Stops the scheduler (on lock): no timer, no wake-up, no run until the next startSync. */
export function stopSync(): void {
  const running = scheduler
  scheduler = undefined
  void running?.then((s) => s.stop())
}

/** "Sinkronkan sekarang". */
export async function syncNow(): Promise<SyncRunSummary> {
  return (await startSync()).syncNow()
}

export async function login(username: string, password: string) {
  const auth = await import('../../sync/auth')
  const result = await auth.login(window.location.origin, username, password)
  void syncNow().catch(() => undefined)
  return result
}

/** Sends what waits first; rejects with UnsentChangesError (its count) when some changes still could not go. */
export async function logout() {
  const auth = await import('../../sync/auth')
  await syncNow().catch(() => undefined)
  await auth.logout()
}

/** The tag the service worker answers with a SYNC_REQUESTED message (sw/sw.ts). */
export const BACKGROUND_SYNC_TAG = 'kader-sync'

async function requestBackgroundSync() {
  if (!('serviceWorker' in navigator)) return
  const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
    sync?: { register(tag: string): Promise<void> }
  }
  await registration.sync?.register(BACKGROUND_SYNC_TAG).catch(() => undefined)
}
