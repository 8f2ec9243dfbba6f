// `npm start` (tsx server/main.ts): the built app and the sync API on one port, on the embedded database in .data/
// unless DATABASE_URL is set. On first run it creates a demo kader in a desa of its own (demo.ts), so the app can
// be tried at once.
// Environment: PORT (default 4173), HOST (default 127.0.0.1: this computer only; 0.0.0.0 lets phones on the same
// network connect), DATA_DIR, DATABASE_URL, STATIC_DIR (default dist), TILE_ORIGINS (the map tile servers the
// app may load from, comma-separated; default OpenStreetMap's), NODE_ENV (production: never a demo account),
// TRUST_PROXY=1 (behind a proxy that sets X-Forwarded-For to the phone's address: scripts/cluster.sh's nginx),
// PWS_CLINICAL_SETTINGS and PWS_UTC_OFFSET_HOURS (the wilayah binaan's, supervisor/options.ts), SYNC_IN_FLIGHT and
// SYNC_WAITING (sync requests at once, and waiting their turn, per process: app.ts DEFAULT_LIMITS.sync).
import { pathToFileURL } from 'node:url'
import { DEFAULT_LIMITS } from './app'
import { DEMO, seedDemo } from './demo'
import { type RunningServer, startServer } from './index'
import { binaanOptionsFromEnv } from './supervisor/options'

export interface ServeOptions {
  port?: number | undefined
  hostname?: string | undefined
  staticDir?: string | undefined
  dataDir?: string | undefined
  /** Seed the demo kader on an empty database (never on PostgreSQL, never with NODE_ENV=production). */
  demo: boolean
  env: Record<string, string | undefined>
  out: (line: string) => void
}

export async function serveApp(o: ServeOptions): Promise<RunningServer> {
  const databaseUrl = o.env.DATABASE_URL || undefined
  const hostname = o.hostname ?? (o.env.HOST || '127.0.0.1')
  const tileOrigins = o.env.TILE_ORIGINS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const server = await startServer({
    port: o.port ?? Number(o.env.PORT ?? 4173),
    hostname,
    databaseUrl,
    dataDir: o.dataDir ?? o.env.DATA_DIR ?? '.data',
    staticDir: o.staticDir ?? o.env.STATIC_DIR ?? 'dist',
    ...(tileOrigins?.length ? { tileOrigins } : {}),
    trustProxy: o.env.TRUST_PROXY === '1',
    binaan: binaanOptionsFromEnv(o.env),
    limits: {
      sync: {
        concurrent: count(o.env, 'SYNC_IN_FLIGHT', DEFAULT_LIMITS.sync.concurrent, 1),
        waiting: count(o.env, 'SYNC_WAITING', DEFAULT_LIMITS.sync.waiting, 0),
      },
    },
  })
  const dataDir = o.dataDir ?? o.env.DATA_DIR ?? '.data'
  const production = o.env.NODE_ENV === 'production'
  // A published password in production, or on a shared PostgreSQL: never.
  const demo = !databaseUrl && (o.demo || production) && (await seedDemo(server.admin, { production }))
  o.out(
    `Kader ILP server: ${server.url}  (${databaseUrl ? 'PostgreSQL' : `embedded database in ${dataDir}`})`,
  )
  if (hostname === '0.0.0.0' || hostname === '::')
    o.out(
      `Listening on all addresses (${hostname}): phones on this network open http://<this computer's IP>:${new URL(server.url).port}`,
    )
  if (demo)
    o.out(
      `Demo login: ${DEMO.username} / ${DEMO.password}  (${DEMO.area.desa}, a fictitious desa of its own)`,
    )
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return server
}

/** A whole number from the environment, at least `min`; a wrong one stops the server rather than be ignored. */
function count(env: ServeOptions['env'], name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`${name} must be a whole number ≥ ${min}, not ${raw}`)
  return n
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const demo = !process.argv.includes('--no-demo')
  serveApp({ demo, env: process.env, out: (line) => console.log(line) }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
