/// <reference lib="webworker" />
// Kader ILP service worker (built by vite-plugin-pwa, injectManifest).
//
// What is cached where:
// - Workbox precache (Cache Storage, `workbox-precache-v2-<scope>`): the app shell only, i.e. index.html, the entry
//   JS/CSS, the lazy route chunks (the WHO tables and the Kemendagri region list among them, so screenings and NIK
//   checks work offline), the icons and the web manifest, as listed by the build in self.__WB_MANIFEST.
// - Navigations (any path, any hash) are answered with the precached index.html, so a reload with no signal works.
// - Map tiles the kader has viewed (Cache Storage, TILE_CACHE_NAME from src/data/tile-cache.ts): cache-first, at most
//   TILE_CACHE_MAX_ENTRIES tiles for TILE_CACHE_MAX_AGE_DAYS days (their ages in IndexedDB 'workbox-expiration'),
//   emptied whole when a cache write hits the quota (purgeOnQuotaError): tiles can be fetched again, records cannot.
//   Only CORS responses with status 200 are kept: an opaque one would be counted as ~7 MB of quota. Nothing is ever
//   fetched ahead (OpenStreetMap's tile usage policy forbids bulk downloads); the offline area map file lives in
//   IndexedDB instead (src/data/map-settings.ts).
// - Nothing else: no runtime caching of API calls and no Workbox background-sync queue (it drops requests after
//   7 days). Background Sync is used as a trigger only: on its 'sync' event the worker asks the open pages to run
//   a sync (src/sync/scheduler.ts), and the page sends the outbox from IndexedDB. Household records and the
//   outbox of unsent changes live in IndexedDB (src/data), which survives without this worker.
//
// Updates are prompted, never automatic: a new version waits until the page sends {type: 'SKIP_WAITING'}, which it
// does only when the kader taps "Muat ulang" with no half-filled form (src/ui/pwa).
import { CacheableResponsePlugin } from 'workbox-cacheable-response'
import { ExpirationPlugin } from 'workbox-expiration'
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'
import { TILE_CACHE_MAX_AGE_DAYS, TILE_CACHE_MAX_ENTRIES, TILE_CACHE_NAME } from '../src/data/tile-cache'

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> }

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// Server endpoints are never SPA pages, even when opened as a navigation (e.g. a download link).
const NOT_THE_APP = [/^\/api\//]
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: NOT_THE_APP }))

// A map tile: a cross-origin image fetched in CORS mode (the map's tile layer sets crossOrigin) whose path ends in
// {z}/{x}/{y}.png|jpg|webp. Matched by shape rather than by the configured server's origin: the setting lives in
// IndexedDB and a route must match synchronously, also in a worker just restarted mid-session. Whatever server
// the kader configures is covered; same-origin images (the icons) and no-cors requests never are.
const TILE_PATH = /\/\d{1,2}\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/
registerRoute(
  ({ request, url }) =>
    request.destination === 'image' &&
    request.mode === 'cors' &&
    url.origin !== self.location.origin &&
    TILE_PATH.test(url.pathname),
  new CacheFirst({
    cacheName: TILE_CACHE_NAME,
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({
        maxEntries: TILE_CACHE_MAX_ENTRIES,
        maxAgeSeconds: TILE_CACHE_MAX_AGE_DAYS * 24 * 60 * 60,
        purgeOnQuotaError: true,
      }),
    ],
  }),
)

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})

// The tag the page registers when a sync failed for want of a network (src/ui/sync/controller.ts).
const BACKGROUND_SYNC_TAG = 'kader-sync'

interface SyncEvent extends ExtendableEvent {
  readonly tag: string
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent
  if (sync.tag !== BACKGROUND_SYNC_TAG) return
  sync.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((pages) => {
      for (const page of pages) page.postMessage({ type: 'SYNC_REQUESTED' })
    }),
  )
})

// Take over pages opened before this worker existed: the first install then controls the page without a reload,
// and the page can say "ready to work offline". Updates still wait for SKIP_WAITING above.
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim())
})
