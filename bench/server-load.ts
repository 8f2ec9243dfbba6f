// The sync server under load (issue 16; npm run bench:server, not part of npm test): K kaders in D desas, all at
// once, each doing what the app does on a sync — pull → push of C changes (default 50–200 each; gzip, like the app)
// → pull — against a running server (scripts/cluster.sh: nginx in front of N API processes on PostgreSQL). The
// simulated phones run in worker threads (server-load-phones.ts); their batches are built and gzipped before the
// clock starts, since a phone's CPU is not the server's. Reports push and pull p50/p95, pushes/s, records/s and
// errors, checks that every record is stored, and writes bench/results/server/<label>.json (not kept in git:
// bench/results/server-load.md holds the figures quoted in docs/scaling.md).
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
import { Worker } from 'node:worker_threads'
import { gzipSync } from 'node:zlib'
import pg from 'pg'
import { openDatabase } from '../server/db'
import { formatHlc } from '../src/protocol/hlc'
import { householdInput, memberInput } from '../tests/records'
import type { PhonesJob, PhonesMessage } from './server-load-phones'

const { values: args } = parseArgs({
  options: {
    kaders: { type: 'string', default: '200' },
    desas: { type: 'string', default: '20' },
    changes: { type: 'string', default: '50-200' },
    label: { type: 'string', default: 'run' },
    // Every kader pulls first, then all push at the same instant: "a push while 199 others push" (issue 16).
    together: { type: 'boolean', default: false },
    // At most this many kaders syncing at a time (default: all): the CPU a sync costs without a burst's overhead.
    'at-once': { type: 'string' },
    // Worker threads the simulated phones are spread over (each its own event loop, like separate phones).
    workers: { type: 'string', default: '2' },
    // A PGlite data folder (emptied first): one server process on the embedded database instead of KADER_URL's.
    pglite: { type: 'string' },
  },
})
const [KADERS, DESAS] = [Number(args.kaders), Number(args.desas)]
// "100", or a range "50-200": each kader's batch size drawn from it, as phones differ in what they saved offline.
const [FEWEST, MOST] = ((range) => [Number(range[0]), Number(range[1] ?? range[0])])(args.changes.split('-'))
if (!(FEWEST >= 1 && MOST >= FEWEST))
  throw new Error(`--changes ${args.changes}: give N or A-B with 1 ≤ A ≤ B`)
const AT_ONCE = Number(args['at-once'] ?? KADERS)
const WORKERS = Math.min(Number(args.workers), AT_ONCE)
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
function changesOf(k: (typeof kaders)[number], size: number) {
  const changes = []
  let counter = 0
  const stamp = () => formatHlc({ millis: Date.now() - 60_000, counter: counter++, node: k.node })
  for (let i = 0; changes.length < size; i++) {
    const householdId = randomUUID()
    const fields = (values: object, hlc: string) =>
      Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, hlc }]))
    changes.push({
      changeId: randomUUID(),
      entity: 'households',
      recordId: householdId,
      fields: fields(householdInput({ headName: `Kepala ${i}` }, k.area), stamp()),
    })
    if (changes.length < size)
      changes.push({
        changeId: randomUUID(),
        entity: 'members',
        recordId: randomUUID(),
        fields: fields(memberInput(householdId), stamp()),
      })
  }
  return changes
}

const sizes = kaders.map(() => FEWEST + Math.floor(Math.random() * (MOST - FEWEST + 1)))
const bodies = kaders.map((k, i) => gzipSync(JSON.stringify({ changes: changesOf(k, sizes[i] ?? FEWEST) })))
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

// The kaders are dealt round-robin to the worker threads; each worker runs its share of AT_ONCE.
const phones = Array.from({ length: WORKERS }, (_, w) => {
  const mine = kaders.flatMap((k, i) =>
    i % WORKERS === w ? [{ token: k.token, body: bodies[i] as Uint8Array }] : [],
  )
  const job: PhonesJob = {
    url,
    kaders: mine,
    atOnce: Math.floor(AT_ONCE / WORKERS) + (w < AT_ONCE % WORKERS ? 1 : 0),
    together: args.together,
  }
  return new Worker(new URL('./server-load-phones.mjs', import.meta.url), { workerData: job })
})
let pulled = 0
const finished = phones.map(
  (worker) =>
    new Promise<Extract<PhonesMessage, { kind: 'done' }>>((done, fail) => {
      worker.on('error', fail)
      worker.on('message', (m: PhonesMessage) => {
        if (m.kind === 'done') done(m)
        // Together: the pushes start once every kader of every worker has pulled.
        else if (m.kind === 'pulled' && ++pulled === KADERS) for (const p of phones) p.postMessage('push')
      })
    }),
)
await Promise.all(
  phones.map(
    (worker) =>
      new Promise((ready) => worker.on('message', (m: PhonesMessage) => m.kind === 'ready' && ready(m))),
  ),
)
const cpuBefore = clusterCpu()
const benchBefore = process.cpuUsage()
const started = performance.now()
for (const worker of phones) worker.postMessage('start')
const outcomes = await Promise.all(finished)
const wallS = (performance.now() - started) / 1000
const cpuAfter = clusterCpu()
const bench = process.cpuUsage(benchBefore)
// Each worker still listens to the main thread: ended here, or the bench would never exit.
await Promise.all(phones.map((worker) => worker.terminate()))
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

const pushMs = outcomes.flatMap((o) => o.pushMs)
const pullMs = outcomes.flatMap((o) => o.pullMs)
const accepted = outcomes.reduce((sum, o) => sum + o.accepted, 0)
const failures = new Map<number, number>()
for (const [status, n] of outcomes.flatMap((o) => o.failures))
  failures.set(status, (failures.get(status) ?? 0) + n)
const errors = [...failures.values()].reduce((a, b) => a + b, 0)
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
  changesPerPush: args.changes,
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
  expected: sizes.reduce((a, b) => a + b, 0),
}
await mkdir(new URL('results/server/', import.meta.url), { recursive: true })
await writeFile(
  new URL(`results/server/${args.label}.json`, import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
)
console.log(JSON.stringify(result))
if (errors > 0 || result.stored !== result.expected) process.exitCode = 1
