// The sync server under load (issue 16; npm run bench:server, not part of npm test): K kaders in D desas, all at
// once, each doing what the app does on a sync — pull → push of C changes (gzip, like the app) → pull — against a
// running server (scripts/cluster.sh: nginx in front of N API processes on PostgreSQL). Reports push and pull p50/p95,
// pushes/s, records/s and errors, checks that every record is stored, and writes bench/results/server/<label>.json
// (not kept in git: bench/results/server-load.md holds the figures quoted in docs/scaling.md).
//   eval "$(scripts/cluster.sh start 4)" && npm run bench:server -- --label pg-4 && scripts/cluster.sh stop
//   npm run bench:server -- --pglite /tmp/bench-pglite --label pglite    (the embedded database: the bench seeds a
//   fresh folder, starts one server process on it, and counts the records after stopping it)
// Accounts and device tokens are written straight into the database (a login is a password hash, not what is
// measured). Works against the single-lock server too (CLUSTER_REF), so both run in one session on one machine.
import { execFileSync, spawn } from 'node:child_process'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import pg from 'pg'
import { openDatabase } from '../server/db'
import { formatHlc } from '../src/protocol/hlc'
import { householdInput, memberInput } from '../tests/records'

const { values: args } = parseArgs({
  options: {
    kaders: { type: 'string', default: '50' },
    desas: { type: 'string', default: '20' },
    changes: { type: 'string', default: '200' },
    label: { type: 'string', default: 'run' },
    // Every kader pulls first, then all push at the same instant: "a push while 199 others push" (issue 16).
    together: { type: 'boolean', default: false },
    // At most this many kaders syncing at a time (default: all): the CPU a sync costs without a burst's overhead.
    'at-once': { type: 'string' },
    // A PGlite data folder (emptied first): one server process on the embedded database instead of KADER_URL's.
    pglite: { type: 'string' },
  },
})
const [KADERS, DESAS, CHANGES] = [Number(args.kaders), Number(args.desas), Number(args.changes)]
const AT_ONCE = Number(args['at-once'] ?? KADERS)
if (args.together && AT_ONCE < KADERS) throw new Error('--together needs every kader at once')
const PGLITE_PORT = 8190
const url = args.pglite
  ? `http://127.0.0.1:${PGLITE_PORT}`
  : (process.env.KADER_URL ?? 'http://127.0.0.1:8088')
/** Seeding and counting: PostgreSQL through pg, or the PGlite folder opened here while no server holds it. */
interface Sql {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>
  end(): Promise<void>
}
async function connect(): Promise<Sql> {
  if (!args.pglite) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    return client as unknown as Sql
  }
  const lite = await openDatabase({ dataDir: args.pglite })
  return {
    query: async (text, params) => ({ rows: await lite.query(text, params) }),
    end: () => lite.close(),
  }
}
if (args.pglite) await rm(args.pglite, { recursive: true, force: true })
let db = await connect()

const run = randomUUID().slice(0, 8)
const kaders: {
  token: string
  node: string
  area: { id: string; kabupaten: string; kecamatan: string; desa: string }
}[] = []
for (let i = 0; i < KADERS; i++) {
  const area = {
    id: `bench-${run}-${i}`,
    kabupaten: 'Cilacap',
    kecamatan: 'Dayeuhluhur',
    desa: `Bench ${run} ${i % DESAS}`,
  }
  const token = randomBytes(32).toString('base64url')
  const node = `bench-${i}`
  await db.query('INSERT INTO work_areas (id, kabupaten, kecamatan, desa) VALUES ($1, $2, $3, $4)', [
    area.id,
    area.kabupaten,
    area.kecamatan,
    area.desa,
  ])
  await db.query(
    `INSERT INTO users (id, username, display_name, password_hash, work_area_id) VALUES ($1, $1, $1, 'none', $2)`,
    [area.id, area.id],
  )
  await db.query('INSERT INTO tokens (id, user_id, token_hash, device_id) VALUES ($1, $2, $3, $4)', [
    randomUUID(),
    area.id,
    createHash('sha256').update(token).digest('hex'),
    node,
  ])
  kaders.push({ token, node, area })
}

/** The PGlite server process, started once the accounts are written (it owns the folder from then on). */
let liteServer: ReturnType<typeof spawn> | undefined
if (args.pglite) {
  await db.end()
  liteServer = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--no-demo'], {
    env: { ...process.env, DATA_DIR: args.pglite, PORT: String(PGLITE_PORT), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((ready, fail) => {
    liteServer?.once('exit', () => fail(new Error('the PGlite server stopped')))
    liteServer?.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Kader ILP server')) ready()
    })
  })
}

/** A kader's push: households and a member of each, stamped a minute ago on the kader's device. */
function changesOf(k: (typeof kaders)[number]) {
  const changes = []
  let counter = 0
  const stamp = () => formatHlc({ millis: Date.now() - 60_000, counter: counter++, node: k.node })
  for (let i = 0; changes.length < CHANGES; i++) {
    const householdId = randomUUID()
    const fields = (values: object, hlc: string) =>
      Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, hlc }]))
    changes.push({
      changeId: randomUUID(),
      entity: 'households',
      recordId: householdId,
      fields: fields(householdInput({ headName: `Kepala ${i}` }, k.area), stamp()),
    })
    if (changes.length < CHANGES)
      changes.push({
        changeId: randomUUID(),
        entity: 'members',
        recordId: randomUUID(),
        fields: fields(memberInput(householdId), stamp()),
      })
  }
  return changes
}

let errors = 0
/** Answers other than 200 by status (nginx answers 502 or 504 itself when an API process fails or is too slow). */
const failures = new Map<number, number>()
async function call(k: (typeof kaders)[number], method: string, path: string, body?: unknown) {
  const start = performance.now()
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${k.token}`,
      // What the app's browser sends: the server answers in brotli (fetch decodes it).
      'Accept-Encoding': 'gzip, deflate, br',
      ...(body ? { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } : {}),
    },
    ...(body ? { body: gzipSync(JSON.stringify(body)) } : {}),
  })
  const text = await res.text()
  if (res.status !== 200) {
    errors += 1
    failures.set(res.status, (failures.get(res.status) ?? 0) + 1)
    return { ms: performance.now() - start, json: {} as Record<string, unknown> }
  }
  return { ms: performance.now() - start, json: JSON.parse(text) as Record<string, unknown> }
}

const pushMs: number[] = []
const pullMs: number[] = []
let accepted = 0
const bodies = kaders.map(changesOf)
// How many database sessions wait on a lock, sampled every 100 ms while the kaders sync: the single-lock server's
// queue shows here, whatever the CPU does.
const sampler = args.pglite ? undefined : new pg.Client({ connectionString: process.env.DATABASE_URL })
await sampler?.connect()
const waiting: number[] = []
let sampling = sampler !== undefined
const sampled = (async () => {
  while (sampling && sampler) {
    const { rows } = await sampler.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
    )
    waiting.push(Number(rows[0]?.n ?? 0))
    await new Promise((ok) => setTimeout(ok, 100))
  }
})()
/** CPU used so far by the cluster's API processes and PostgreSQL (scripts/cluster.sh cpu), in seconds. */
function clusterCpu(): { api: number; pg: number; nginx?: number } | undefined {
  if (liteServer?.pid) {
    // utime + stime of the one process (PGlite runs inside it): all of it counted as the API's.
    const fields = readFileSync(`/proc/${liteServer.pid}/stat`, 'utf8').split(') ')[1]
    const [utime, stime] = (fields?.split(' ') ?? []).slice(11, 13).map(Number)
    const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }))
    return { api: ((utime ?? 0) + (stime ?? 0)) / hz, pg: 0 }
  }
  if (!process.env.CLUSTER_DIR) return undefined
  const ticks = JSON.parse(
    execFileSync(new URL('../scripts/cluster.sh', import.meta.url).pathname, ['cpu'], { encoding: 'utf8' }),
  ) as { api: number; pg: number; nginx?: number; hz: number }
  return { api: ticks.api / ticks.hz, pg: ticks.pg / ticks.hz, nginx: (ticks.nginx ?? 0) / ticks.hz }
}
let pulled = 0
let allPulled: () => void = () => {}
const barrier = new Promise<void>((go) => {
  allPulled = go
})
const cpuBefore = clusterCpu()
const benchBefore = process.cpuUsage()
const started = performance.now()
let next = 0
await Promise.all(
  Array.from({ length: AT_ONCE }, async () => {
    for (let i = next++; i < KADERS; i = next++) await sync(i)
  }),
)
async function sync(i: number) {
  const k = kaders[i]
  if (!k) return
  // The single cursor: both this server and the single-lock one answer it.
  const first = await call(k, 'GET', '/changes?cursor=0')
  pullMs.push(first.ms)
  if (++pulled === KADERS) allPulled()
  if (args.together) await barrier
  const pushed = await call(k, 'POST', '/changes', { changes: bodies[i] })
  pushMs.push(pushed.ms)
  const results = (pushed.json.results ?? []) as { status: string }[]
  accepted += results.filter((r) => r.status === 'accepted').length
  const again = await call(k, 'GET', `/changes?cursor=${Number(first.json.nextCursor ?? 0)}`)
  pullMs.push(again.ms)
}
const wallS = (performance.now() - started) / 1000
const cpuAfter = clusterCpu()
const bench = process.cpuUsage(benchBefore)
sampling = false
await sampled
await sampler?.end()
if (liteServer) {
  const stopped = new Promise((done) => liteServer?.once('exit', done))
  liteServer.kill('SIGTERM')
  await stopped
  db = await connect()
}
// The table grew from empty during the run: without fresh statistics the count below takes a quadratic plan.
await db.query('ANALYZE records')
const [stored] = (
  await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM records WHERE household_id IN (
    SELECT id FROM records WHERE entity = 'households' AND desa LIKE $1)`,
    [`bench ${run} %`],
  )
).rows
await db.end()

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN)
}
const result = {
  label: args.label,
  date: new Date().toISOString(),
  machine: `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
  kaders: KADERS,
  desas: DESAS,
  changesPerPush: CHANGES,
  wallS: Number(wallS.toFixed(2)),
  pushesPerS: Number((KADERS / wallS).toFixed(1)),
  recordsPerS: Math.round(accepted / wallS),
  pushP50Ms: pct(pushMs, 50),
  pushP95Ms: pct(pushMs, 95),
  pullP50Ms: pct(pullMs, 50),
  pullP95Ms: pct(pullMs, 95),
  together: args.together,
  atOnce: AT_ONCE,
  // CPU per kader's sync (pull → push → pull), API processes and PostgreSQL: what the hardware must supply.
  ...(cpuBefore && cpuAfter
    ? {
        apiCpuMsPerSync: Math.round(((cpuAfter.api - cpuBefore.api) * 1000) / KADERS),
        pgCpuMsPerSync: Math.round(((cpuAfter.pg - cpuBefore.pg) * 1000) / KADERS),
        nginxCpuMsPerSync: Math.round((((cpuAfter.nginx ?? 0) - (cpuBefore.nginx ?? 0)) * 1000) / KADERS),
      }
    : {}),
  // The bench's own CPU (the simulated phones: gzip, brotli, JSON) shares the machine's cores with the servers.
  benchCpuMsPerSync: Math.round((bench.user + bench.system) / 1000 / KADERS),
  lockWaitersMean: Number((waiting.reduce((a, b) => a + b, 0) / Math.max(1, waiting.length)).toFixed(1)),
  lockWaitersMax: Math.max(0, ...waiting),
  errors,
  ...(failures.size > 0 ? { failures: Object.fromEntries(failures) } : {}),
  accepted,
  stored: Number(stored?.n ?? 0),
  expected: KADERS * CHANGES,
}
await mkdir(new URL('results/server/', import.meta.url), { recursive: true })
await writeFile(
  new URL(`results/server/${args.label}.json`, import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
)
console.log(JSON.stringify(result))
if (errors > 0 || result.stored !== result.expected) process.exitCode = 1
