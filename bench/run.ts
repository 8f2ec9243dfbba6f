// `npm run bench`: performance of the BUILT app on a cheap-phone profile, with PouchDB 7.3 side by side.
// Steps (each phone is a fresh on-disk Chromium profile):
//   1. data: the kader and pustu datasets (bench/generate.ts), checked against the app's zod schemas;
//   2. servers: the reference sync server (in memory, serving dist/ plus the in-page bench library) seeded with the
//      kader's 10,000 records through the sync API; express-pouchdb with the same records as documents;
//   3. phone A (kader): first sync on slow 4G at 4× CPU, IndexedDB bytes per record, 1,000 visits (3 cold writes taking turns with the plain build), a
//      push of 1,000 changes, one screening, indexed query, JS per route, then offline cold starts at 6× and 4×;
//   4. phone B (pustu, 5,000 households): household list, search per keystroke, open a household, the list after
//      a member edit, JS heap, schedule for 20,000 members (first run, and kept after one saved visit), PWS month;
//   5. phone D: the bulk insert of 10,000 records into the app's schema;
//   6. phones C and C2 (PouchDB): its pull on one profile; the same bulk insert, indexed query and push on another;
//   7. phone E: the posyandu open day — its queue of 80 sasaran, one saved weighing's result (bench/openday.ts);
//   8. report: bench/results/latest.{json,md}, the table printed.
// Encryption at rest (bench/at-rest.ts): phones A, B (its area read) and D run again on the app's PLAIN build, served
// by a second reference server, and the report sets the two side by side with the budgets.
// BENCH_ONLY=openday runs step 7 alone and prints its rows without writing the report; BENCH_ONLY=at-rest runs the
// side-by-side figures alone (phone A without its push, screening and per-route JS; no PouchDB) and prints them.
// Budgets live here (issue 6), never as timed assertions in tests.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { CDPSession, Page } from 'playwright-core'
import { startServer } from '../server/index'
import type { SyncRunSummary } from '../src/data/sync-state'
import { E2E_PIN } from '../tests/e2e/lock-answer'
import { atRestPairs, buildPlain, type Figures, type Mode } from './at-rest'
import {
  cdpOf,
  launchPhone,
  NO_THROTTLE,
  type PerfProbe,
  type Phone,
  SLOW_4G,
  throttle,
  trackTraffic,
  waitForServiceWorker,
} from './browser'
import { buildPages } from './build-pages'
import { toDoc } from './docs'
import { AREA, DATA_TODAY, type Dataset, generate, KADER, PUSTU, stageCounts } from './generate'
import { waitForIdle } from './idle'
import { openDayFigures } from './openday'
import type { bench as AppBench } from './page/app-bench'
import type { pouch as PouchBench } from './page/pouch-bench'
import { startPouchServer } from './pouch-server'
import { markdown, type Row, writeReport } from './report'
import { seedServer } from './seed'
import { selfCheck } from './self-check'

const ROOT = resolve(fileURLToPath(import.meta.url), '../..')
const KIB = 1024

// ——— Budgets (issue 6) ———
const BUDGET = {
  entryJsKiB: 150,
  coldStartMs: 2_000,
  listFirstRowsMs: 300,
  searchKeystrokeMs: 100,
  saveScreeningMs: 100,
  write1000VisitsMs: 250,
  schedule20kMs: 500,
  firstSyncMs: 10_000,
  push1000Ms: 3_000,
  heapMiB: 50,
}
/** CPU slowdowns: a cheap Android phone is ≈ 4× slower than this machine's core; 6× for its worst cold start. */
const CPU = 4
const CPU_COLD = 6
const SYNC_RECORDS = 10_000
const PUSH_CHANGES = 1_000
/** Cold writes of PUSH_CHANGES visits, each after a reload: their median is the figure. */
const WRITES = 3
/** Offline cold starts at 4× per build: their median is the figure. */
const COLD_STARTS = 3
const KADER_LOGIN = { username: 'siti', password: 'rahasia-posyandu', name: 'Siti' }
const SEEDER = { username: 'seeder', password: 'rahasia-seeder', name: 'Seeder' }
const SEARCH_TEXT = 'siti am'

const rows: Row[] = []
const details: Record<string, unknown> = {}
/** The side-by-side figures of the encrypted app and its plain build (at-rest.ts). */
const figures: Figures = { encrypted: {}, plain: {} }
const started = Date.now()
const log = (message: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`)
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0
    ? Number.NaN
    : ((s[Math.floor((s.length - 1) / 2)] as number) + (s[Math.ceil((s.length - 1) / 2)] as number)) / 2
}

type BenchWindow = Window & {
  __bench: typeof AppBench
  __pouch: typeof PouchBench
  __perf: PerfProbe
  __arm(selector: string): void
}

/** One step alone (BENCH_ONLY=openday or at-rest): its rows are printed, the report is left as it was. */
const ONLY = process.env.BENCH_ONLY
const AT_REST_ONLY = ONLY === 'at-rest'

/** The reference sync server serving `www`, with the kader's area and login, seeded with the first-sync set. */
async function referenceServer(www: string, syncSet: Pick<Dataset, 'households' | 'members' | 'visits'>) {
  const server = await startServer({ dataDir: 'memory://', staticDir: www, log: () => {} })
  await server.admin.addWorkArea({ id: KADER.workAreaId, ...AREA })
  await server.admin.addUser({ ...KADER_LOGIN, workAreaId: KADER.workAreaId })
  await server.admin.addUser({ ...SEEDER, workAreaId: KADER.workAreaId })
  const t = Date.now()
  const seedRequests = await seedServer(server.url, SEEDER, syncSet)
  log(`reference server seeded with ${SYNC_RECORDS} records (${seedRequests} pushes, ${Date.now() - t} ms)`)
  return server
}

async function main() {
  if (ONLY === 'openday') return openDayOnly()
  if (ONLY !== undefined && !AT_REST_ONLY) throw new Error(`BENCH_ONLY=${ONLY}: openday or at-rest`)
  // ——— 1. Build and data ———
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    log('dist/ is missing: npm run build')
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    if (built.status !== 0) throw new Error('npm run build failed')
  }
  log('generating the kader and pustu datasets')
  const kader = generate(KADER)
  const pustu = generate(PUSTU)
  for (const d of [kader, pustu]) {
    const check = selfCheck(d)
    details[`selfCheck.${d.spec.name}`] = { ...check, stages: stageCounts(d.members) }
    if (check.invalid > 0)
      throw new Error(
        `${d.spec.name}: ${check.invalid} records fail the app's schemas: ${check.problems.join(' | ')}`,
      )
    log(`${d.spec.name}: ${check.checked.toLocaleString('en-US')} records pass the app's zod schemas`)
  }

  const work = mkdtempSync(join(tmpdir(), 'kader-ilp-bench-www-'))
  const phones: Phone[] = []
  const closers: (() => Promise<void>)[] = []
  try {
    const www = join(work, 'www')
    const pages = join(work, 'pages')
    cpSync(join(ROOT, 'dist'), www, { recursive: true })
    log('bundling the in-page bench libraries (the app modules from src/, PouchDB)')
    await buildPages(ROOT, pages)
    mkdirSync(join(www, '__bench'))
    cpSync(join(pages, 'app-bench.js'), join(www, '__bench', 'app-bench.js'))

    figures.encrypted.entryJsKiB = entryKiB()
    log('building the plain app (no encryption at rest) for the side-by-side rows')
    const plainWww = await buildPlain(ROOT, work)

    // ——— 2. Servers ———
    const syncSet = { households: kader.households, members: kader.members, visits: kader.visits }
    const syncCount = syncSet.households.length + syncSet.members.length + syncSet.visits.length
    if (syncCount !== SYNC_RECORDS)
      throw new Error(`the sync set has ${syncCount} records, not ${SYNC_RECORDS}`)
    const server = await referenceServer(www, syncSet)
    closers.push(() => server.close())
    const plainServer = await referenceServer(plainWww, syncSet)
    closers.push(() => plainServer.close())

    // ——— 3. Phone A: the kader, on the app and on its plain build ———
    const kaderA = await phoneA(server.url, 'encrypted')
    phones.push(kaderA.phone)
    const plainA = await phoneA(plainServer.url, 'plain')
    phones.push(plainA.phone)
    await visitWrites({ encrypted: kaderA, plain: plainA })
    for (const a of [kaderA, plainA]) await areaRead(a)
    if (!AT_REST_ONLY) await pushScreeningQueryJs(kaderA.phone, server.url, kader, kaderA.cdp)
    await coldStarts(kader, {
      encrypted: { phone: kaderA.phone, url: server.url },
      plain: { phone: plainA.phone, url: plainServer.url },
    })

    const builds = { encrypted: server.url, plain: plainServer.url }
    // ——— 4. Phone B: the pustu (the plain build: its storage and first area read only) ———
    // ——— 5. Phone D: our bulk insert on a fresh profile ———
    for (const step of [phoneB, bulkInsert])
      for (const mode of ['encrypted', 'plain'] as const) {
        const phone = await launchPhone()
        phones.push(phone)
        await step(phone, builds[mode], mode)
        await phone.dispose()
      }
    if (AT_REST_ONLY) {
      console.log(`\n${markdown([], { machine: machineLoad() }, atRestPairs(figures))}`)
      return
    }

    const docs = [
      ...syncSet.households.map((h) => toDoc('households', h)),
      ...syncSet.members.map((m) => toDoc('members', m)),
      ...syncSet.visits.map((v) => toDoc('visits', v)),
    ]
    const couch = await startPouchServer({ pagesDir: pages, docs })
    closers.push(() => couch.close())
    log(`express-pouchdb seeded with ${docs.length} documents`)

    // ——— 6. Phones C and C2: PouchDB ———
    const pouch = await phoneC(couch.url, couch.dbUrl, phones)

    // ——— 7. Phone E: the open day ———
    const openDayPhone = await launchPhone()
    phones.push(openDayPhone)
    rows.push(...(await phoneE(openDayPhone, server.url)))
    await openDayPhone.dispose()

    // ——— 8. Report ———
    attachPouch(pouch)
    pouchBytes = pouch
  } finally {
    for (const phone of phones) await phone.dispose().catch(() => {})
    for (const close of closers.reverse()) await close().catch(() => {})
    rmSync(work, { recursive: true, force: true })
  }
  const meta = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    chromium: execFileSync('/usr/bin/chromium', ['--version']).toString().trim(),
    throttling: `CPU ${CPU}× (cold start also ${CPU_COLD}×); slow 4G = 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT`,
    data: `kader ${KADER.households}/${KADER.members}/${KADER.visits} (households/members/visits), pustu ${PUSTU.households}/${PUSTU.members}/${PUSTU.visits}, data up to ${DATA_TODAY}`,
    duration: `${((Date.now() - started) / 1000).toFixed(0)} s`,
    load: machineLoad(),
  }
  const md = writeReport(
    join(ROOT, 'bench', 'results'),
    rows,
    meta,
    details,
    atRestPairs(figures, pouchBytes),
  )
  console.log(`\n${md}`)
}

let pouchBytes: { pullBytesPerDoc: number; insertBytesPerDoc: number } | undefined

/** The load average at the end (1, 5, 15 min): 2 cores shared with other work, so ratios say more than times. */
function machineLoad(): string {
  return `${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')} (1, 5, 15 min) at the end`
}

// ————————————————————————————————————————————— phone E —————————————————————————————————————————————

async function phoneE(phone: Phone, url: string): Promise<Row[]> {
  log('phone E (open day): installing the app')
  await phone.page.goto(url)
  await waitForServiceWorker(phone.page)
  const cdp = await cdpOf(phone.page)
  return openDayFigures(phone, url, { cdp, cpu: CPU, throttle, tapToPaint, loadBench, log })
}

/** Step 7 alone: the built app and the bench library on the reference server, one phone. */
async function openDayOnly() {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('dist/ is missing: npm run build')
  const work = mkdtempSync(join(tmpdir(), 'kader-ilp-bench-www-'))
  const www = join(work, 'www')
  try {
    cpSync(join(ROOT, 'dist'), www, { recursive: true })
    await buildPages(ROOT, join(work, 'pages'))
    mkdirSync(join(www, '__bench'))
    cpSync(join(work, 'pages', 'app-bench.js'), join(www, '__bench', 'app-bench.js'))
    const server = await startServer({ dataDir: 'memory://', staticDir: www, log: () => {} })
    const phone = await launchPhone()
    try {
      const found = await phoneE(phone, server.url)
      for (const row of found) console.log(`${row.label}: ${row.value?.toFixed(1)} ${row.unit} — ${row.note}`)
    } finally {
      await phone.dispose()
      await server.close()
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

// ————————————————————————————————————————————— phone A —————————————————————————————————————————————

interface PouchFigures {
  insertMs: number
  insertBytesPerDoc: number
  queryMs: number
  pullMs: number
  pullRequests: number
  pullBytesDown: number
  pullBytesPerDoc: number
  pushMs: number
  pushRequests: number
  pushBytesUp: number
}

const pending: { id: string; pouch: keyof PouchFigures }[] = []
function compareWithPouch(id: string, pouch: keyof PouchFigures) {
  pending.push({ id, pouch })
}
function attachPouch(p: PouchFigures) {
  for (const { id, pouch } of pending) {
    const row = rows.find((r) => r.id === id)
    if (row) row.pouch = p[pouch]
  }
  rows.push(
    {
      id: 'pouch.pullRequests',
      label: 'PouchDB pull: requests',
      value: p.pullRequests,
      unit: 'count',
      note: 'reference ≈ 403',
    },
    { id: 'pouch.pushRequests', label: 'PouchDB push: requests', value: p.pushRequests, unit: 'count' },
  )
}

/** The app's last sync run; loads and unlocks the bench bundle when the page has none (after a reload). */
async function lastRun(page: Page): Promise<SyncRunSummary | undefined> {
  return page.evaluate(async (pin) => {
    const w = window as unknown as Partial<BenchWindow>
    if (!w.__bench) {
      await import(/* @vite-ignore */ `${location.origin}/__bench/app-bench.js`)
      await (window as unknown as BenchWindow).__bench.unlock(pin)
    }
    return (await (window as unknown as BenchWindow).__bench.lastRun()) as SyncRunSummary | undefined
  }, E2E_PIN)
}

/** Waits for a sync run that started after `after` to finish; its summary. */
async function waitForRun(page: Page, after: string | undefined): Promise<SyncRunSummary> {
  const deadline = Date.now() + 5 * 60_000
  while (Date.now() < deadline) {
    const run = await lastRun(page).catch(() => undefined)
    if (run?.finishedAt && run.startedAt !== after) return run
    await page.waitForTimeout(250)
  }
  throw new Error('the sync run did not finish in 5 minutes')
}

/** IndexedDB bytes of the page's origin, as bench/page/usage.ts measures them (the precache left out). */
const idbBytes = (page: Page) =>
  page.evaluate(async () => {
    const e = (await navigator.storage.estimate()) as StorageEstimate & {
      usageDetails?: { indexedDB?: number }
    }
    return e.usageDetails?.indexedDB ?? e.usage ?? 0
  })
const runMs = (run: SyncRunSummary) => Date.parse(run.finishedAt) - Date.parse(run.startedAt)
const pageToday = (page: Page) =>
  page.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })

async function loadBench(page: Page) {
  await page.evaluate(async (pin) => {
    await import(/* @vite-ignore */ `${location.origin}/__bench/app-bench.js`)
    await (window as unknown as BenchWindow).__bench.unlock(pin)
  }, E2E_PIN)
}

/**
 * Phone A installed and through its first sync. `mode` 'plain': the plain build, for the side-by-side figures only —
 * its rows stay out of the main table, and it has no push, screening, query, per-route JS or 6× cold start (no budget
 * against plain), as the encrypted one has none with BENCH_ONLY=at-rest.
 */
async function phoneA(url: string, mode: Mode): Promise<PhoneA> {
  const out: Row[] = mode === 'encrypted' ? rows : []
  const fig = figures[mode]
  const phone = await launchPhone()
  const { page } = phone
  log(`phone A (kader, ${mode}): installing the app`)
  await page.goto(url)
  await waitForServiceWorker(page)
  const cdp = await cdpOf(page)

  // First sync: log in with CPU 4× and slow 4G; the login starts the run (src/ui/sync/controller.ts).
  const usageBefore = await idbBytes(page)
  await page.getByRole('link', { name: 'Pengaturan' }).click()
  await page.getByLabel('Nama pengguna').fill(KADER_LOGIN.username)
  await page.getByLabel('Kata sandi').fill(KADER_LOGIN.password)
  await throttle(cdp, CPU, SLOW_4G)
  const pullTraffic = trackTraffic(cdp, (u) => u.includes('/api/v1/changes'))
  log('phone A: first sync of 10,000 records (4× CPU, slow 4G)')
  await page.getByRole('button', { name: 'Masuk' }).click()
  const first = await waitForRun(page, undefined)
  const pullWire = pullTraffic.stop()
  await throttle(cdp, 1)
  if (first.error) throw new Error(`first sync failed: ${JSON.stringify(first.error)}`)
  await page.waitForTimeout(1_500)
  const usageAfter = await idbBytes(page)
  details[mode === 'plain' ? 'plainFirstSync' : 'firstSync'] = { run: first, wire: pullWire }
  fig.firstSyncMs = runMs(first)
  fig.bytesPerRecord = (usageAfter - usageBefore) / SYNC_RECORDS
  out.push({
    id: 'sync.first',
    label: `First sync, ${SYNC_RECORDS.toLocaleString('en-US')} records (slow 4G, ${CPU}×)`,
    value: runMs(first),
    unit: 'ms',
    budget: BUDGET.firstSyncMs,
    note: `${pullWire.requests} requests, ${(pullWire.bytesDown / KIB).toFixed(0)} KiB down on the wire, ${first.pulled} records stored`,
  })
  compareWithPouch('sync.first', 'pullMs')
  out.push({
    id: 'sync.firstBytes',
    label: 'First sync: bytes received on the wire',
    value: pullWire.bytesDown / KIB,
    unit: 'KiB',
    note: 'gzip; PouchDB column: its pull of the same records',
  })
  compareWithPouch('sync.firstBytes', 'pullBytesDown')
  out.push({
    id: 'idb.bytesPerRecord',
    label: 'IndexedDB bytes per record (after the first sync)',
    value: (usageAfter - usageBefore) / SYNC_RECORDS,
    unit: 'B',
    note: 'storage estimate delta / 10,000; ours includes the field clocks; PouchDB reference ≈ 595 B',
  })
  compareWithPouch('idb.bytesPerRecord', 'pullBytesPerDoc')

  return { phone, page, cdp, mode }
}

/** A phone A after its first sync. */
interface PhoneA {
  phone: Phone
  page: Page
  cdp: CDPSession
  mode: Mode
}

/**
 * 1,000 visits in one transaction, WRITES times on each build, taking turns (the machine's load drifts), each time
 * after a reload (a cold page and bench bundle, as the day's first save is) once the browser has gone quiet
 * (idle.ts). The writes before the last are taken back (discardWrite): phone A's push sends the last's.
 */
async function visitWrites(phones: Record<Mode, PhoneA>) {
  const writes: Record<Mode, number[]> = { encrypted: [], plain: [] }
  for (let i = 1; i <= WRITES; i++)
    for (const mode of ['encrypted', 'plain'] as const) writes[mode].push(await coldWrite(phones[mode], i))
  for (const mode of ['encrypted', 'plain'] as const) figures[mode].writeMs = median(writes[mode])
  rows.push({
    id: 'write.visits1000',
    label: `Write 1,000 visits (saveVisits, 1,000 in one transaction, median of ${WRITES} cold writes, ${CPU}×)`,
    value: median(writes.encrypted),
    unit: 'ms',
    budget: BUDGET.write1000VisitsMs,
    note: `${writes.encrypted.map((x) => x.toFixed(0)).join(', ')} ms, each after a reload, once the browser went quiet (bench/idle.ts); the records and ONE outbox row (src/data/outbox.ts), validated by the zod schemas; the first ${WRITES - 1} writes are deleted (visits and outbox row) before the next, so the push below sends the last write's ${PUSH_CHANGES.toLocaleString('en-US')}`,
  })
}

/** Write `i` of WRITES on one phone A: its time in ms. */
async function coldWrite({ phone, page, cdp, mode }: PhoneA, i: number): Promise<number> {
  const today = await pageToday(page)
  const startRun = (await lastRun(page))?.startedAt
  await page.reload()
  // The app syncs at start: let that run (nothing to push) end before the write.
  const run = await waitForRun(page, startRun)
  if (run.error) throw new Error(`the sync at app start failed: ${JSON.stringify(run.error)}`)
  await loadBench(page)
  const idle = await waitForIdle(phone.profile)
  await throttle(cdp, CPU)
  log(
    `phone A (${mode}): 1,000 visits with saveVisits in one transaction (4×), cold write ${i} of ${WRITES}, ` +
      `after ${idle.ms} ms ${idle.quiet ? 'waiting for the browser to go quiet' : 'of waiting, NOT quiet'}`,
  )
  const write = await page.evaluate(
    ({ n, today }) => (window as unknown as BenchWindow).__bench.writeVisits(n, today),
    { n: PUSH_CHANGES, today },
  )
  await throttle(cdp, 1)
  if (write.saved !== PUSH_CHANGES) throw new Error(`only ${write.saved} of ${PUSH_CHANGES} visits saved`)
  log(`phone A (${mode}): cold write ${i} took ${write.ms.toFixed(0)} ms`)
  if (i < WRITES) {
    const left = await page.evaluate(() => (window as unknown as BenchWindow).__bench.discardWrite())
    if (left.waiting + left.rejected > 0)
      throw new Error(`${left.waiting + left.rejected} changes left after discardWrite`)
  }
  return write.ms
}

/** The area worker's first read of the kader's area, on phone A's main thread. */
async function areaRead({ page, cdp, mode }: PhoneA) {
  await throttle(cdp, CPU)
  const area = await page.evaluate(() => (window as unknown as BenchWindow).__bench.areaRead())
  await throttle(cdp, 1)
  figures[mode].areaReadMs = area.ms
  log(`phone A (${mode}): first read of the area, ${area.records} records, ${area.ms.toFixed(0)} ms`)
}

/** Phone A's push of the 1,000 written visits, one screening, the indexed query and the JS per route. */
async function pushScreeningQueryJs(phone: Phone, url: string, kader: Dataset, cdp: CDPSession) {
  const { page } = phone
  const today = await pageToday(page)
  // Push of those 1,000 changes: "Sinkronkan sekarang" (a run is pull → push → pull).
  await page.goto(`${url}/#/pengaturan`)
  await page.getByRole('button', { name: 'Sinkronkan sekarang' }).waitFor()
  const before = (await lastRun(page))?.startedAt
  await throttle(cdp, CPU, SLOW_4G)
  const pushTraffic = trackTraffic(cdp, (u) => u.includes('/api/v1/changes'))
  log('phone A: push of 1,000 changes (4× CPU, slow 4G)')
  await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click()
  const push = await waitForRun(page, before)
  const pushWire = pushTraffic.stop()
  await throttle(cdp, 1)
  details.push = { run: push, wire: pushWire }
  if (push.pushed + push.rejected !== PUSH_CHANGES)
    throw new Error(`the push sent ${push.pushed + push.rejected} changes, not ${PUSH_CHANGES}`)
  rows.push({
    id: 'sync.push',
    label: `Push of ${PUSH_CHANGES.toLocaleString('en-US')} changes (slow 4G, ${CPU}×)`,
    value: runMs(push),
    unit: 'ms',
    budget: BUDGET.push1000Ms,
    note: `whole run (pull → push → pull): ${pushWire.requests} requests, ${(push.bytesSent / KIB).toFixed(0)} KiB sent, ${push.pushed} accepted, ${push.rejected} refused`,
  })
  compareWithPouch('sync.push', 'pushMs')

  // One screening, as the visit form saves it (median of 20).
  await loadBench(page)
  await throttle(cdp, CPU)
  const saves = await page.evaluate(
    (today) => (window as unknown as BenchWindow).__bench.saveOne(20, today),
    today,
  )
  rows.push({
    id: 'write.screening',
    label: `Save one screening (saveVisit, median of ${saves.length}, ${CPU}×)`,
    value: median(saves),
    unit: 'ms',
    budget: BUDGET.saveScreeningMs,
    note: `max ${Math.max(...saves).toFixed(1)} ms`,
  })
  const query = await page.evaluate(() => (window as unknown as BenchWindow).__bench.indexedQuery(50))
  rows.push({
    id: 'read.indexedQuery',
    label: `Indexed query: a household's members (membersOf, ${CPU}×)`,
    value: query.msPerQuery,
    unit: 'ms',
    note: `per query, mean of ${query.queries}; ${query.rows} rows`,
  })
  compareWithPouch('read.indexedQuery', 'queryMs')
  await throttle(cdp, 1)

  // JS per route (gzip, level 9 as scripts/entry-size.mjs), unthrottled.
  await entryJs(phone, url, kader)
}

/** One offline cold start of phone A's installation: a new browser process on the same profile, no network. */
async function coldStart(phone: Phone, url: string, rate: number, mode: Mode) {
  const again = await launchPhone(phone.profile)
  await again.context.setOffline(true)
  await throttle(await cdpOf(again.page), rate)
  log(`phone A (${mode}): offline cold start at ${rate}×`)
  await again.page.goto(url)
  await again.page.waitForFunction(
    () => (window as unknown as BenchWindow).__perf.firstRow?.painted !== undefined,
    null,
    { timeout: 60_000 },
  )
  const perf = await again.page.evaluate(() => (window as unknown as BenchWindow).__perf)
  await again.close()
  const painted = perf.firstRow?.painted as number
  return { painted, unlock: perf.unlockSubmit === undefined ? Number.NaN : painted - perf.unlockSubmit }
}

/**
 * The cold starts of both phones A, taking turns (the machine's load drifts): the app at 6× once, then each build
 * at 4× COLD_STARTS times; the medians are the figures.
 */
async function coldStarts(kader: Dataset, phones: Record<Mode, { phone: Phone; url: string }>) {
  const label = (rate: number) =>
    `Offline cold start to the household list (${kader.households.length} households, ${rate}×)`
  const note = 'new browser process, service worker, navigation start → first row painted'
  for (const { phone } of Object.values(phones)) await phone.close()
  if (!AT_REST_ONLY) {
    const { painted } = await coldStart(phones.encrypted.phone, phones.encrypted.url, CPU_COLD, 'encrypted')
    rows.push({ id: `coldStart.${CPU_COLD}x`, label: label(CPU_COLD), value: painted, unit: 'ms', note })
  }
  const runs: Record<Mode, { painted: number; unlock: number }[]> = { encrypted: [], plain: [] }
  for (let i = 0; i < COLD_STARTS; i++)
    for (const mode of ['encrypted', 'plain'] as const)
      runs[mode].push(await coldStart(phones[mode].phone, phones[mode].url, CPU, mode))
  for (const mode of ['encrypted', 'plain'] as const) {
    figures[mode].coldStartMs = median(runs[mode].map((r) => r.painted))
    figures[mode].unlockMs = median(runs[mode].map((r) => r.unlock))
  }
  const times = runs.encrypted.map((r) => r.painted.toFixed(0)).join(', ')
  rows.push({
    id: `coldStart.${CPU}x`,
    label: label(CPU),
    value: figures.encrypted.coldStartMs ?? null,
    unit: 'ms',
    budget: BUDGET.coldStartMs,
    note: `${note}; median of ${COLD_STARTS} (${times}), each with the PIN typed 50 ms after the lock screen shows`,
  })
}

/** The first screen's JS, gzip -9, as scripts/entry-size.mjs measures dist/. */
function entryKiB(): number {
  const firstScreen = execFileSync('node', ['scripts/entry-size.mjs'], { cwd: ROOT }).toString()
  return Number(firstScreen.match(/JS total:\s+([\d.]+) KiB/)?.[1] ?? Number.NaN)
}

/** JS (gzip) each route loads when opened directly, in a fresh page of the installed app. */
async function entryJs(phone: Phone, url: string, kader: Dataset) {
  const kib = entryKiB()
  rows.push({
    id: 'js.entry',
    label: 'Entry JS, first screen (scripts/entry-size.mjs)',
    value: kib,
    unit: 'KiB',
    budget: BUDGET.entryJsKiB,
    note: "gzip -9 of index.html's module script and modulepreloads",
  })
  const household = kader.households[0]?.id ?? ''
  const member = kader.members.find((m) => m.householdId === household)?.id ?? ''
  const routes: [string, string][] = [
    ['households', '#/'],
    ['household', `#/rumah/${household}`],
    ['member', `#/anggota/${member}`],
    ['visit form', `#/anggota/${member}/kunjungan`],
    ['new household', '#/rumah/baru'],
    ['referrals', '#/rujukan'],
    ['map', '#/peta'],
    ['schedule', '#/jadwal'],
    ['PWS', '#/pws'],
    ['settings', '#/pengaturan'],
  ]
  const sizes = new Map<string, number>()
  const gz = (path: string) => {
    let size = sizes.get(path)
    if (size === undefined) {
      size = gzipSync(readFileSync(join(ROOT, 'dist', path)), { level: 9 }).length
      sizes.set(path, size)
    }
    return size
  }
  for (const [name, hash] of routes) {
    const page = await phone.context.newPage()
    await page.goto(`${url}/${hash}`)
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1_000)
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/assets/') && p.endsWith('.js')),
    )
    await page.close()
    const unique = [...new Set(scripts)].filter((p) => existsSync(join(ROOT, 'dist', p)))
    const total = unique.reduce((n, p) => n + gz(p), 0) / KIB
    rows.push({
      id: `js.route.${name}`,
      label: `JS loaded by the route ${hash.replace(/[0-9a-f-]{36}/g, ':id')} (${name})`,
      value: total,
      unit: 'KiB',
      // The budget is the first screen's (row js.entry): a route opened later adds its lazy chunks, which the
      // service worker serves from the precache, so they cost parsing but no network.
      note: `${unique.length} files, gzip -9, until the network is idle: the first screen + ${(total - kib).toFixed(0)} KiB lazy${unique.some((p) => p.includes('worker')) ? ' (incl. the area Web Worker, off the main thread)' : ''}`,
    })
  }
}

/**
 * The bulk insert compared with PouchDB's, on a fresh profile as PouchDB's is: on phone A's origin, LevelDB
 * compacting the synced data makes the storage figures meaningless (even negative).
 */
async function bulkInsert(phone: Phone, url: string, mode: Mode) {
  const out: Row[] = mode === 'encrypted' ? rows : []
  const { page } = phone
  await page.goto(url)
  await waitForServiceWorker(page)
  await loadBench(page)
  const cdp = await cdpOf(page)
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.generate('kader'))
  await throttle(cdp, CPU)
  log(`phone D (${mode}): bulk insert of 10,000 records, 500 per transaction (4×)`)
  const insert = await page.evaluate(
    (n) => (window as unknown as BenchWindow).__bench.scratchInsert(n, 500),
    SYNC_RECORDS,
  )
  await throttle(cdp, 1)
  out.push({
    id: 'write.bulk10k',
    label: `Bulk insert 10,000 records, batches of 500 (${CPU}×)`,
    value: insert.ms,
    unit: 'ms',
    note: "bulkPut per batch in one transaction, the app's Dexie schema, fresh profile; PouchDB reference ≈ 2.8 s",
  })
  compareWithPouch('write.bulk10k', 'insertMs')
  out.push({
    id: 'idb.bytesPerRecordInsert',
    label: 'IndexedDB bytes per record (bulk insert, no clocks)',
    value: insert.bytes / insert.records,
    unit: 'B',
    note: "storage estimate's IndexedDB part, delta / 10,000",
  })
  compareWithPouch('idb.bytesPerRecordInsert', 'insertBytesPerDoc')
  figures[mode].insertMs = insert.ms
  figures[mode].insertBytesPerRecord = insert.bytes / insert.records
}

// ————————————————————————————————————————————— phone B —————————————————————————————————————————————

/** `mode` 'plain': the plain build's storage and first area read only, for the side-by-side figures. */
async function phoneB(phone: Phone, url: string, mode: Mode) {
  const { page } = phone
  log(`phone B (pustu, ${mode}): installing the app and loading 125,000 records`)
  await page.goto(url)
  await waitForServiceWorker(page)
  await loadBench(page)
  const generated = await page.evaluate(() => (window as unknown as BenchWindow).__bench.generate('pustu'))
  const loaded = await page.evaluate(() => (window as unknown as BenchWindow).__bench.loadIntoApp())
  details[mode === 'plain' ? 'plainPustuLoad' : 'pustuLoad'] = { generated, loaded }
  figures[mode].pustuBytesPerRecord = loaded.bytes / loaded.records
  if (mode === 'encrypted')
    rows.push({
      id: 'idb.bytesPerRecordPustu',
      label: 'IndexedDB bytes per record (pustu, 125,000 records with clocks)',
      value: loaded.bytes / loaded.records,
      unit: 'B',
    })
  await page.reload()
  await page.locator('main.screen-list a.row').first().waitFor({ timeout: 120_000 })
  const cdp = await cdpOf(page)
  // The area worker's first read of the whole area, as after an app start (the worker's store is empty).
  await loadBench(page)
  await throttle(cdp, CPU)
  const area = await page.evaluate(() => (window as unknown as BenchWindow).__bench.areaRead())
  await throttle(cdp, 1)
  figures[mode].pustuReadMs = area.ms
  log(`phone B (${mode}): first read of the area, ${area.records} records, ${area.ms.toFixed(0)} ms`)
  if (mode === 'plain' || AT_REST_ONLY) return
  const w = () => page.evaluate(() => (window as unknown as BenchWindow).__perf)

  // Household list: tap "Rumah" from the settings screen → first rows painted (3 times, median).
  const taps: number[] = []
  for (let i = 0; i < 3; i++) {
    await page.getByRole('link', { name: 'Pengaturan' }).click()
    await page.getByLabel('Nama pengguna').waitFor()
    await throttle(cdp, CPU)
    taps.push(
      await tapToPaint(page, 'main.screen-list a.row', () =>
        page.getByRole('link', { name: 'Rumah', exact: true }).click(),
      ),
    )
    await throttle(cdp, 1)
  }
  log(`phone B: household list ${taps.map((x) => x.toFixed(0)).join(', ')} ms`)
  rows.push({
    id: 'list.firstRows',
    label: `Household list, first rows of 5,000 households (tap → painted, ${CPU}×)`,
    value: median(taps),
    unit: 'ms',
    budget: BUDGET.listFirstRowsMs,
    note: `median of 3 (${taps.map((x) => x.toFixed(0)).join(', ')}); the list is virtual: the rows that fit the screen`,
  })

  // JS heap with the list of 5,000 households shown, after a full GC.
  await page.waitForTimeout(1_000)
  rows.push({
    id: 'heap',
    label: 'JS heap, household list of 5,000 households shown (after GC)',
    value: await heapMiB(cdp),
    unit: 'MiB',
    budget: BUDGET.heapMiB,
  })

  // Search: one character at a time; input event → the list's last repaint.
  const search = page.locator('input.search')
  await search.click()
  await throttle(cdp, CPU)
  const latencies: number[] = []
  for (const ch of SEARCH_TEXT) {
    const count = (await w()).inputs.length
    await page.keyboard.type(ch)
    await page.waitForFunction((n) => (window as unknown as BenchWindow).__perf.inputs.length > n, count)
    // Quiet: no repaint for 500 ms (the deferred list render has landed), at most 8 s.
    const deadline = Date.now() + 8_000
    let perf = await w()
    while (Date.now() < deadline) {
      await page.waitForTimeout(200)
      perf = await w()
      const last = Math.max(perf.paints.at(-1) ?? 0, perf.inputPaints.at(-1) ?? 0)
      const now = await page.evaluate(() => performance.now())
      if (now - last > 500 && perf.inputPaints.length > count) break
    }
    const at = perf.inputs[count] as number
    const after = [...perf.paints, ...perf.inputPaints].filter((p) => p >= at && p < at + 8_000)
    latencies.push(Math.max(...after) - at)
  }
  await throttle(cdp, 1)
  log(`phone B: search ${latencies.map((x) => x.toFixed(0)).join(', ')} ms`)
  rows.push({
    id: 'search.keystroke',
    label: `Search per keystroke, 5,000 households (worst of ${latencies.length}, ${CPU}×)`,
    value: Math.max(...latencies),
    unit: 'ms',
    budget: BUDGET.searchKeystrokeMs,
    note: `"${SEARCH_TEXT}": ${latencies.map((x) => x.toFixed(0)).join(', ')} ms (input → list repainted)`,
  })

  // Open a household from the list.
  await search.fill('')
  await page.waitForTimeout(1_000)
  await throttle(cdp, CPU)
  const opened = await tapToPaint(page, 'a.member-row', () =>
    page.locator('main.screen-list a.row').first().click(),
  )
  await throttle(cdp, 1)
  rows.push({
    id: 'household.open',
    label: `Open a household (tap → members painted, ${CPU}×)`,
    value: opened,
    unit: 'ms',
  })

  // Back to the list after a member was edited (as the member form saves): the kept rows are patched.
  await page.goBack()
  await page.locator('main.screen-list a.row').first().waitFor()
  await page.getByRole('link', { name: 'Pengaturan' }).click()
  await page.getByLabel('Nama pengguna').waitFor()
  await loadBench(page)
  await page.evaluate((today) => (window as unknown as BenchWindow).__bench.editMember(today), DATA_TODAY)
  await throttle(cdp, CPU)
  const back = await tapToPaint(page, 'main.screen-list a.row', () =>
    page.getByRole('link', { name: 'Rumah', exact: true }).click(),
  )
  await throttle(cdp, 1)
  rows.push({
    id: 'list.afterEdit',
    label: `Household list after editing a member, 5,000 households (tap → painted, ${CPU}×)`,
    value: back,
    unit: 'ms',
    budget: BUDGET.listFirstRowsMs,
    note: 'the kept rows are patched: the edited member and its household read again, not the area',
  })

  // Schedule and PWS on the whole pustu (the domain functions; reading IndexedDB shown apart).
  await throttle(cdp, CPU)
  log('phone B: schedule for 20,000 members and the PWS month (4×)')
  const schedule = await page.evaluate(
    (today) => (window as unknown as BenchWindow).__bench.schedule(today),
    DATA_TODAY,
  )
  rows.push({
    id: 'schedule.20k',
    label: `Schedule for ${schedule.members.toLocaleString('en-US')} members (visitTasks, ${CPU}×)`,
    value: schedule.ms,
    unit: 'ms',
    budget: BUDGET.schedule20kMs,
    note: `${schedule.tasks.toLocaleString('en-US')} tasks, first run; a full run again with the code warm (as on a new day; an edit recomputes only its members, see below): ${schedule.againMs.toFixed(0)} ms; reading and validating members, visits, follow-ups as the area worker does: ${schedule.readMs.toFixed(0)} ms more`,
  })
  // The area worker's kept schedule: its first read and run, then after one saved visit. Heap: what keeping the
  // area's records and each member's tasks costs (after GC, before and after the store's first read).
  await throttle(cdp, 1)
  const heapBefore = await heapMiB(cdp)
  await throttle(cdp, CPU)
  const kept = await page.evaluate(
    (today) => (window as unknown as BenchWindow).__bench.scheduleKept(today),
    DATA_TODAY,
  )
  await throttle(cdp, 1)
  const keptMiB = (await heapMiB(cdp)) - heapBefore
  await throttle(cdp, CPU)
  if (kept.done === 0) throw new Error('scheduleKept: the saved visit did no task')
  rows.push({
    id: 'schedule.afterEdit',
    label: `Schedule after saving one visit, 20,000 members (the area worker's kept schedule, ${CPU}×)`,
    value: kept.editMs,
    unit: 'ms',
    budget: BUDGET.schedule20kMs,
    note: `the store reads the changed rows, the keeper recomputes that member (${kept.done} task(s) done by the visit); its first read of the area ${kept.readMs.toFixed(0)} ms and first computation ${kept.firstMs.toFixed(0)} ms (once per app start and per day); keeping the area in memory: ${keptMiB.toFixed(0)} MiB of heap`,
  })
  const month = DATA_TODAY.slice(0, 7)
  const pws = await page.evaluate((m) => (window as unknown as BenchWindow).__bench.pws(m), month)
  await throttle(cdp, 1)
  rows.push({
    id: 'pws.month',
    label: `PWS dashboard, month ${month}, 5,000 households (pwsMonth, ${CPU}×)`,
    value: pws.ms,
    unit: 'ms',
    note: `no budget in the issue; reading and validating as the area worker does: ${pws.readMs.toFixed(0)} ms more`,
  })
}

/** Milliseconds from the tap that `tap` makes to the first paint of `selector` (the page's __arm/__perf hooks). */
async function tapToPaint(page: Page, selector: string, tap: () => Promise<void>): Promise<number> {
  await page.evaluate((s) => (window as unknown as BenchWindow).__arm(s), selector)
  await tap()
  await page.waitForFunction(
    () => (window as unknown as BenchWindow).__perf.armed?.painted !== undefined,
    null,
    { timeout: 60_000 },
  )
  const perf = await page.evaluate(() => (window as unknown as BenchWindow).__perf)
  return (perf.armed?.painted as number) - (perf.clicks.at(-1) as number)
}

/** The page's JS heap after a full GC. */
async function heapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  return heap.usedSize / KIB / KIB
}

// ————————————————————————————————————————————— phone C —————————————————————————————————————————————

/** Opens the PouchDB bench library in a page of `phone`, with the dataset's documents prepared. */
async function openPouch(phone: Phone, url: string) {
  const { page } = phone
  await page.goto(url)
  await page.evaluate(async () => {
    await import(/* @vite-ignore */ `${location.origin}/pages/pouch-bench.js`)
  })
  await page.evaluate((n) => (window as unknown as BenchWindow).__pouch.prepare(n), SYNC_RECORDS)
  return { page, cdp: await cdpOf(page) }
}

/**
 * PouchDB's pull on a profile of its own: its bytes per doc are a storage-estimate delta, which the compaction of
 * another database in the same profile (the insert's) can turn negative.
 */
async function phoneCPull(phone: Phone, url: string, dbUrl: string) {
  log('phone C (PouchDB 7.3, idb adapter): pull')
  const { page, cdp } = await openPouch(phone, url)
  await throttle(cdp, CPU, SLOW_4G)
  const traffic = trackTraffic(cdp, (u) => u.includes('/db/'))
  const pull = await page.evaluate((db) => (window as unknown as BenchWindow).__pouch.pull(db), dbUrl)
  const wire = traffic.stop()
  await cdp.send('Network.emulateNetworkConditions', NO_THROTTLE)
  log(`phone C: pull ${pull.docs} docs in ${(pull.ms / 1000).toFixed(1)} s, ${wire.requests} requests`)
  if (pull.docs !== SYNC_RECORDS) throw new Error(`PouchDB pulled ${pull.docs} docs, not ${SYNC_RECORDS}`)
  return { pull, wire }
}

/** PouchDB's bulk insert, indexed query and push, on another fresh profile. */
async function phoneCLocal(phone: Phone, url: string, dbUrl: string) {
  log('phone C2 (PouchDB 7.3, idb adapter): insert, query, push')
  const { page, cdp } = await openPouch(phone, url)
  await throttle(cdp, CPU)
  const insert = await page.evaluate(
    (n) => (window as unknown as BenchWindow).__pouch.insert(n, 500),
    SYNC_RECORDS,
  )
  const query = await page.evaluate(() => (window as unknown as BenchWindow).__pouch.indexedQuery(50))
  await throttle(cdp, CPU, SLOW_4G)
  const traffic = trackTraffic(cdp, (u) => u.includes('/db/'))
  const push = await page.evaluate(({ db, n }) => (window as unknown as BenchWindow).__pouch.push(db, n), {
    db: dbUrl,
    n: PUSH_CHANGES,
  })
  const wire = traffic.stop()
  await cdp.send('Network.emulateNetworkConditions', NO_THROTTLE)
  return { insert, query, push, wire }
}

async function phoneC(url: string, dbUrl: string, phones: Phone[]): Promise<PouchFigures> {
  const pullPhone = await launchPhone()
  phones.push(pullPhone)
  const { pull, wire: pullWire } = await phoneCPull(pullPhone, url, dbUrl)
  await pullPhone.dispose()
  const localPhone = await launchPhone()
  phones.push(localPhone)
  const { insert, query, push, wire: pushWire } = await phoneCLocal(localPhone, url, dbUrl)
  await localPhone.dispose()
  details.pouch = { insert, query, pull, pullWire, push, pushWire }
  return {
    insertMs: insert.ms,
    insertBytesPerDoc: insert.bytes / insert.records,
    queryMs: query.msPerQuery,
    pullMs: pull.ms,
    pullRequests: pullWire.requests,
    pullBytesDown: pullWire.bytesDown / KIB,
    pullBytesPerDoc: pull.bytes / pull.docs,
    pushMs: push.ms,
    pushRequests: pushWire.requests,
    pushBytesUp: pushWire.bytesUp / KIB,
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
