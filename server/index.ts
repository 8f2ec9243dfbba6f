// startServer: the reference sync server in-process — database (PGlite in a folder by default, PostgreSQL when a
// URL is given), migrations, the API and the built app on one port. Used by server/main.ts, the CLI and tests.
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { type AccountAdmin, accountAdmin } from './admin'
import { type AppLimits, type AppOptions, createApp } from './app'
import { type Database, openDatabase } from './db'
import { type Purged, purge } from './retention'
import { openEpoch } from './sync/epochs'

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1; 0.0.0.0 to let phones on the network reach it. */
  hostname?: string
  /** PostgreSQL; when absent the embedded database in dataDir is used. */
  databaseUrl?: string
  /** PGlite data folder (default .data) or 'memory://'. */
  dataDir?: string
  /** PostgreSQL schema to keep the tables in (tests share one database this way). */
  pgSchema?: string
  /** The built app to serve (dist/). */
  staticDir?: string
  /** Map tile servers the app may load from (its Content-Security-Policy); default OpenStreetMap's. */
  tileOrigins?: readonly string[]
  limits?: Partial<AppLimits>
  log?: (line: string) => void
  now?: () => number
  /** Behind a proxy that sets X-Forwarded-For (app.ts). */
  trustProxy?: boolean
  /** Tests only (app.ts). */
  insidePush?: AppOptions['insidePush']
  /** The wilayah binaan's clinical settings and day (app.ts). */
  binaan?: AppOptions['binaan']
  /** Tests only (app.ts). */
  admission?: AppOptions['admission']
}

export interface RunningServer {
  url: string
  db: Database
  admin: AccountAdmin
  /** Forgets now what the retention periods allow (retention.ts); also run at start and every day. */
  purge(): Promise<Purged>
  close(): Promise<void>
}

/** The retention purge runs once a day: its periods are counted in days. */
const PURGE_EVERY_MS = 24 * 3_600_000

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const db = await openDatabase(opts)
  await openEpoch(db).catch(async (error: unknown) => {
    await db.close()
    throw error
  })
  const app = createApp({ db, ...opts })
  const hostname = opts.hostname ?? '127.0.0.1'
  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname }, () => ok(s))
    s.once('error', fail)
  }).catch(async (error: unknown) => {
    await db.close()
    throw error
  })
  // Longer than a proxy's idle keep-alive (nginx: 60 s), so the server never closes a socket a client is reusing.
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 65_000
  const { port } = server.address() as AddressInfo
  const shown = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname
  const now = opts.now ?? Date.now
  const log = opts.log ?? ((line: string) => console.log(line))
  const purgeNow = () => purge(db, now())
  // A failed purge is tried again the next day; its error's class only, like every server error (app.ts).
  const purgeDaily = () =>
    purgeNow().catch((error: unknown) =>
      log(JSON.stringify({ error: (error as Error).name ?? 'Error', path: 'purge' })),
    )
  await purgeDaily()
  const timer = setInterval(purgeDaily, PURGE_EVERY_MS)
  timer.unref()
  let closing: Promise<void> | undefined
  return {
    url: `http://${shown}:${port}`,
    db,
    admin: accountAdmin(db),
    purge: purgeNow,
    close() {
      closing ??= (async () => {
        clearInterval(timer)
        await new Promise<void>((ok) => {
          server.close(() => ok())
          if ('closeAllConnections' in server) server.closeAllConnections()
        })
        await db.close()
      })()
      return closing
    },
  }
}
