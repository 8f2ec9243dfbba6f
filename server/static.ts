// The built app (dist/) as the browser gets it: files with their headers, and index.html for client routes. Every
// answer carries a strict Content-Security-Policy — scripts, styles, workers only from this origin; images and
// fetches also from the map tile servers the app is configured with; no plugins, no framing — plus nosniff and
// no referrer (app.ts). Hashed files under /assets are cached for a year; everything else is revalidated, so a
// new version (index.html, sw.js, the manifest) is seen at once.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'
import type { Env } from './app'
import { ApiError } from './http'

/** The tile servers the app's default map settings use (src/data/map-settings.ts OSM_TILES). */
export const DEFAULT_TILE_ORIGINS = ['https://tile.openstreetmap.org']

/**
 * The app's policy. `img-src` and `connect-src` name the tile origins: Leaflet draws tiles as images, and the
 * service worker fetches them to cache them. data: and blob: images are Leaflet's and the offline area map's
 * (PMTiles tiles are drawn from blobs).
 */
export function contentSecurityPolicy(tileOrigins: readonly string[]): string {
  const tiles = tileOrigins.map((o) => new URL(o).origin).join(' ')
  return [
    "default-src 'self'",
    // WebAssembly (the PIN's Argon2id, docs/security.md) may compile; JavaScript eval stays forbidden.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${tiles}`,
    `connect-src 'self' ${tiles}`,
    "font-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Files named by their content hash (Vite's /assets/name-HASH.ext): a new version gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

export function serveBuiltApp(app: Hono<Env>, staticDir: string, tileOrigins: readonly string[]): void {
  const root = resolve(staticDir)
  const csp = contentSecurityPolicy(tileOrigins)
  const appHeaders = (c: Context<Env>, cache: string) => {
    c.header('Content-Security-Policy', csp)
    c.header('X-Frame-Options', 'DENY')
    c.header('Cache-Control', cache)
  }
  app.use(
    '*',
    serveStatic({
      root,
      onFound: (path, c) => appHeaders(c, path.includes('/assets/') ? IMMUTABLE : 'no-cache'),
    }),
  )
  // A missing asset is a 404, never the app: a stale page asking for a file of an older version must fail loudly.
  app.get('/assets/*', () => {
    throw new ApiError(404, 'not-found', 'Not found.')
  })
  // SPA fallback: a deep link such as /rumah/123 opens the app, which routes on the client.
  app.get('*', async (c) => {
    appHeaders(c, 'no-cache')
    return c.html(await readFile(join(root, 'index.html'), 'utf8'))
  })
}
