// Service-worker registration in prompt mode (the worker is sw/sw.ts). A new version never activates by itself:
// it waits until the kader taps "Muat ulang" in the UpdateBanner, because a reload would lose a half-filled form.
// localStorage keeps one flag, whether "Siap dipakai offline" has been shown, so it is shown once per install.
import type { WorkboxLifecycleEvent } from 'workbox-window'

export interface PwaState {
  /** The app shell is cached: the app opens and reloads with no signal. */
  offlineReady: boolean
  /** Show "Siap dipakai offline" now: only right after the first install, never again on later starts. */
  offlineNotice: boolean
  /** A new version is installed and waits for the kader to tap "Muat ulang". */
  updateWaiting: boolean
}

export interface PwaController {
  getState(): PwaState
  subscribe(listener: () => void): () => void
  /** Activates the waiting version, then reloads the page once it controls it. */
  applyUpdate(): void
  dismissOfflineNotice(): void
}

const NOTICE_SHOWN_KEY = 'kader-ilp.pwa.offlineNoticeShown'

/** A tiny observable holding PwaState; also the base of the fake controllers in tests. */
export function createPwaStore(initial: Partial<PwaState> = {}) {
  let state: PwaState = { offlineReady: false, offlineNotice: false, updateWaiting: false, ...initial }
  const listeners = new Set<() => void>()
  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    set(patch: Partial<PwaState>) {
      state = { ...state, ...patch }
      for (const listener of listeners) listener()
    },
  }
}

let current: PwaController | undefined

/**
 * Registers /sw.js (production builds only, where service workers exist). Idempotent: every call returns the same
 * controller, so UpdateBanner can use it before or after startPwa() ran.
 */
export function registerServiceWorker(): PwaController {
  if (current) return current
  const store = createPwaStore()
  let apply = () => window.location.reload()
  current = {
    getState: store.getState,
    subscribe: store.subscribe,
    applyUpdate: () => apply(),
    dismissOfflineNotice: () => store.set({ offlineNotice: false }),
  }
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    // workbox-window loads after the first screen: it is not needed to paint it.
    void import('workbox-window')
      .then(async ({ Workbox }) => {
        const wb = new Workbox('/sw.js', { scope: '/' })
        wb.addEventListener('installed', (event: WorkboxLifecycleEvent) => {
          if (event.isUpdate || event.isExternal) return
          const firstTime = !readFlag()
          writeFlag()
          store.set({ offlineReady: true, offlineNotice: firstTime })
        })
        wb.addEventListener('waiting', () => store.set({ updateWaiting: true }))
        // A phone offline for days finds new versions when the signal comes back, not only at the next start.
        window.addEventListener('online', () => void wb.update().catch(() => {}))
        const registration = await wb.register()
        apply = () => {
          // No waiting worker: another tab activated it already, so the page only needs the new files.
          if (!registration?.waiting) return window.location.reload()
          wb.addEventListener('controlling', () => window.location.reload())
          wb.messageSkipWaiting()
        }
        if (registration?.active && navigator.serviceWorker.controller) {
          // A later start: offline already worked before, so the notice is not shown again.
          writeFlag()
          store.set({ offlineReady: true })
        }
      })
      .catch((error: unknown) => console.warn('Service worker registration failed', error))
  }
  return current
}

function readFlag(): boolean {
  try {
    return localStorage.getItem(NOTICE_SHOWN_KEY) === '1'
  } catch {
    return false
  }
}

function writeFlag() {
  try {
    localStorage.setItem(NOTICE_SHOWN_KEY, '1')
  } catch {
    // Private mode without storage: the notice may show again on the next install, which is harmless.
  }
}
