// `npm start` (tsx server/main.ts): the built app and the sync API on one port, on the embedded database in .data/
// unless DATABASE_URL is set. On first run it creates a demo kader so the app can be tried at once.
// Environment: PORT (default 4173), HOST (default 0.0.0.0: phones on the same network can connect), DATA_DIR,
// DATABASE_URL, STATIC_DIR (default dist).
import { pathToFileURL } from 'node:url'
import type { AccountAdmin } from './accounts'
import { type RunningServer, startServer } from './index'

/** The demo account: a fixed, published password, so it is made only on an empty embedded database. */
export const DEMO = {
  username: 'demo',
  password: 'kader-demo',
  area: {
    id: 'demo-bolang',
    kabupaten: 'Cilacap',
    kecamatan: 'Dayeuhluhur',
    desa: 'Bolang',
  },
} as const

/** Creates the demo work area and kader when there is no account yet; returns whether it did. */
export async function seedDemo(admin: AccountAdmin): Promise<boolean> {
  if ((await admin.userCount()) > 0) return false
  await admin.addWorkArea({ ...DEMO.area })
  await admin.addUser({
    username: DEMO.username,
    password: DEMO.password,
    name: 'Kader Demo',
    workAreaId: DEMO.area.id,
  })
  return true
}

export interface ServeOptions {
  port?: number | undefined
  hostname?: string | undefined
  staticDir?: string | undefined
  dataDir?: string | undefined
  /** Seed the demo kader on an empty database (never on PostgreSQL). */
  demo: boolean
  env: Record<string, string | undefined>
  out: (line: string) => void
}

export async function serveApp(o: ServeOptions): Promise<RunningServer> {
  const databaseUrl = o.env.DATABASE_URL || undefined
  const server = await startServer({
    port: o.port ?? Number(o.env.PORT ?? 4173),
    hostname: o.hostname ?? o.env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir: o.dataDir ?? o.env.DATA_DIR ?? '.data',
    staticDir: o.staticDir ?? o.env.STATIC_DIR ?? 'dist',
  })
  const dataDir = o.dataDir ?? o.env.DATA_DIR ?? '.data'
  const withDemo = o.demo && !databaseUrl
  if (withDemo) await seedDemo(server.admin)
  o.out(
    `Kader ILP server: ${server.url}  (${databaseUrl ? 'PostgreSQL' : `embedded database in ${dataDir}`})`,
  )
  const demoExists =
    withDemo && (await server.admin.listUsers()).some((a) => a.user.username === DEMO.username)
  if (demoExists)
    o.out(`Demo login: ${DEMO.username} / ${DEMO.password}  (${DEMO.area.desa}, ${DEMO.area.kecamatan})`)
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  serveApp({ demo: true, env: process.env, out: (line) => console.log(line) }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
