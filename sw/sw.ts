/// <reference lib="webworker" />
// Kader ILP service worker (built by vite-plugin-pwa, injectManifest).
//
// What is cached where:
// - Workbox precache (Cache Storage, `workbox-precache-v2-<scope>`): the app shell only, i.e. index.html, the entry
//   JS/CSS, the lazy route chunks, the icons and the web manifest, as listed by the build in self.__WB_MANIFEST.
//   Big data assets (regions-*.js) are excluded in vite.config.ts and load on demand.
// - Navigations (any path, any hash) are answered with the precached index.html, so a reload with no signal works.
// - Nothing else: no runtime caching of API calls and no Workbox background-sync queue. Household records and the
//   outbox of unsent changes live in IndexedDB (src/data), which survives without this worker.
//
// Updates are prompted, never automatic: a new version waits until the page sends {type: 'SKIP_WAITING'}, which it
// does only when the kader taps "Muat ulang" with no half-filled form (src/ui/pwa).
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> }

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// Server endpoints are never SPA pages, even when opened as a navigation (e.g. a download link).
const NOT_THE_APP = [/^\/api\//]
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: NOT_THE_APP }))

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})

// Take over pages opened before this worker existed: the first install then controls the page without a reload,
// and the page can say "ready to work offline". Updates still wait for SKIP_WAITING above.
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim())
})
