// `npm run bench:binaan`: the wilayah binaan of a puskesmas with 30 posyandu areas (issue 15, Budgets). The server
// (PGlite, in this process) gets 30 kader areas of the generated kader dataset — 12,000 households, 45,000 members,
// 243,000 visits, pushed through the sync API as phones would — then:
//   - the first /binaan of the puskesmas (every area read and computed) and the next one (kept), in Node;
//   - the page in throttled Chromium (slow 4G, 4× CPU): tap "Wilayah binaan" → the 30th area painted;
//   - one kader pushes a visit: recomputing that area's month (its changed records read, the household the visit
//     touched computed again, the area's card and page built), and the next /binaan (the server's own: that area
//     recomputed and stored, the desa's 29 others only told that nothing of theirs changed).
// BINAAN_AREAS=<n> runs a smaller puskesmas (a quick check; the committed table is of 30).
// Results in bench/results/binaan/latest.{json,md}. Needs the built app (npm run build).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../server/index'
import { setRole } from '../server/roles'
import { AreaFigures, cardAndPage } from '../server/supervisor/compute'
import { AreaStore } from '../server/supervisor/store'
import { targetsOf } from '../server/targets'
import { DEFAULT_CLINICAL_SETTINGS } from '../src/domain/clinical-settings'
import { formatHlc } from '../src/protocol/hlc'
import type { BinaanResponse } from '../src/protocol/supervisor'
import type { WorkAreaInfo } from '../src/protocol/wire'
import { cdpOf, launchPhone, SLOW_4G, throttle } from './browser'
import { AREA, DATA_TODAY, generate, KADER } from './generate'
import { type Row, writeReport } from './report'
import { seedServer } from './seed'

const AREAS = Number(process.env.BINAAN_AREAS ?? 30)
const CPU = 4
const MONTH = DATA_TODAY.slice(0, 7)
const PASSWORD = 'bench-binaan-123'

const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10

async function main() {
  const started = Date.now()
  const dataDir = await mkdtemp(join(tmpdir(), 'kader-binaan-'))
  const server = await startServer({ dataDir, staticDir: join(process.cwd(), 'dist'), log: () => {} })
  const areas: WorkAreaInfo[] = []
  let records = 0
  try {
    for (let i = 1; i <= AREAS; i++) {
      const rw = String(i).padStart(3, '0')
      const area = await server.admin.addWorkArea({ id: `bolang-rw${rw}`, ...AREA, rw })
      areas.push(area)
      await server.admin.addUser({ username: `kader-rw${rw}`, password: PASSWORD, workAreaId: area.id })
      // The kader dataset with its own seed, every household moved into this RW.
      const data = generate({ ...KADER, seed: KADER.seed + i, workAreaId: area.id })
      for (const h of data.households) h.address = { ...h.address, rw }
      // Other seeds than the kader set's give some mothers a delivery after the member's last edit, which the server
      // refuses as a future date: their members are stamped at the data's last day instead.
      for (const m of data.members) m.updatedAt = `${DATA_TODAY}T12:00:00.000Z`
      await seedServer(server.url, { username: `kader-rw${rw}`, password: PASSWORD }, data)
      records += data.households.length + data.members.length + data.visits.length
      process.stdout.write(`\rseeded ${i}/${AREAS} areas, ${records} records`)
    }
    console.log()
    await server.admin.addUser({ username: 'puskesmas', password: PASSWORD, workAreaId: areas[0]?.id ?? '' })
    await setRole(server.db, 'puskesmas', 'puskesmas')
    const login = await fetch(`${server.url}/api/v1/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'puskesmas', password: PASSWORD, deviceId: 'bench-puskesmas' }),
    })
    const { token } = (await login.json()) as { token: string }
    const overview = async (month = MONTH) => {
      const start = performance.now()
      const res = await fetch(`${server.url}/api/v1/binaan?month=${month}`, {
        headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'br, gzip' },
      })
      const body = (await res.json()) as BinaanResponse
      if (body.areas?.length !== AREAS) throw new Error(`binaan: ${body.areas?.length} areas`)
      return { ms: ms(start), body }
    }
    const first = await overview()
    const kept = await overview()
    // The phone's screen opens on this month: computed once here, as the page's budget is "after the first".
    await overview(new Date().toISOString().slice(0, 7))

    // The page on a phone: throttled after login, from the tap to the last area's card painted.
    const phone = await launchPhone()
    let pageMs: number | null = null
    let pageNote = ''
    let breakdown: Record<string, number | string> = {}
    try {
      const { page } = phone
      await page.goto(server.url)
      await page.getByRole('link', { name: 'Pengaturan' }).click()
      await page.getByLabel('Nama pengguna').fill('puskesmas')
      await page.getByLabel('Kata sandi').fill(PASSWORD)
      await page.getByRole('button', { name: 'Masuk' }).click()
      const link = page.getByRole('link', { name: 'Wilayah binaan' })
      await link.waitFor()
      // The first sync of her own area (10,000 records) ends before the measurement.
      await page.getByText(/Terakhir tersinkron/).waitFor({ timeout: 300_000 })
      await throttle(await cdpOf(page), CPU, SLOW_4G)
      await page.evaluate(
        (sel) => (window as unknown as { __arm(s: string): void }).__arm(sel),
        `.binaan-area:nth-of-type(${AREAS})`,
      )
      await link.click()
      await page
        .locator('.binaan-area')
        .nth(AREAS - 1)
        .waitFor({ timeout: 120_000 })
      await page.waitForTimeout(500)
      const perf = await page.evaluate(
        () => (window as unknown as { __perf: { clicks: number[]; armed?: { painted?: number } } }).__perf,
      )
      const click = perf.clicks.at(-1)
      if (click !== undefined && perf.armed?.painted !== undefined)
        pageMs = Math.round(perf.armed.painted - click)
      // Where the time went, from the page's resource timings: the lazy screen's code, the request, the rendering.
      const timings = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => {
          const r = e as PerformanceResourceTiming
          return {
            name: r.name,
            start: r.startTime,
            waited: r.responseStart - r.requestStart,
            end: r.responseEnd,
            bytes: r.transferSize,
          }
        }),
      )
      const after = timings.filter((t) => click !== undefined && t.start >= click)
      const request = after.find((t) => t.name.includes('/api/v1/binaan'))
      const code = after.filter((t) => /\.(js|css)(\?|$)/.test(t.name))
      const at = (n: number | undefined) =>
        n === undefined || click === undefined ? '?' : Math.round(n - click)
      breakdown = {
        codeBytes: code.reduce((n, t) => n + t.bytes, 0),
        codeLoadedMs: at(Math.max(...code.map((t) => t.end), click ?? 0)),
        requestStartMs: at(request?.start),
        serverWaitMs: request ? Math.round(request.waited) : '?',
        responseEndMs: at(request?.end),
        responseBytes: request?.bytes ?? '?',
      }
      pageNote =
        `this month; lazy screen ${breakdown.codeBytes} B loaded at ${breakdown.codeLoadedMs} ms, request sent at ` +
        `${breakdown.requestStartMs} ms, server ${breakdown.serverWaitMs} ms, ${breakdown.responseBytes} B received ` +
        `at ${breakdown.responseEndMs} ms, then rendered`
    } finally {
      await phone.dispose()
    }

    // A kader's push, then that area's recomputation, timed in this process on the server's database.
    const store = new AreaStore(server.db)
    const figures = new AreaFigures(DEFAULT_CLINICAL_SETTINGS)
    const target = areas[Math.min(4, AREAS - 1)] as WorkAreaInfo
    // The area's targets are read with the request's other inputs, not because of the push.
    const targets = await targetsOf(server.db, target.id, Number(MONTH.slice(0, 4)))
    const phases = { read: 0, compute: 0, build: 0 }
    const warm = async () => {
      let start = performance.now()
      const [r] = await store.recordsOf([target])
      if (!r) throw new Error('no area')
      phases.read = ms(start)
      start = performance.now()
      // The month shown is the data's last, as the current month (its open referrals with its figures).
      const sum = figures.month(r, MONTH)
      phases.compute = ms(start)
      start = performance.now()
      cardAndPage(r, sum, sum, targets)
      phases.build = ms(start)
      return r
    }
    const before = await warm()
    const area = before
    const member = [...area.members.values()].find((m) => m.birthDate && String(m.birthDate) > '2023-01-01')
    if (!member) throw new Error('no child')
    const kader = await fetch(`${server.url}/api/v1/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: `kader-rw${target.rw}`, password: PASSWORD, deviceId: 'bench-kader' }),
    })
    const kaderToken = ((await kader.json()) as { token: string }).token
    const stamp = formatHlc({ millis: Date.now() - 60_000, counter: 0, node: 'bench-kader' })
    const visitId = crypto.randomUUID()
    const push = await fetch(`${server.url}/api/v1/changes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${kaderToken}` },
      body: JSON.stringify({
        changes: [
          {
            changeId: visitId,
            entity: 'visits',
            recordId: visitId,
            fields: Object.fromEntries(
              Object.entries({
                memberId: member.id,
                householdId: member.householdId,
                workAreaId: target.id,
                date: DATA_TODAY,
                place: 'posyandu',
                parts: { balita: { weightKg: 11.2, lengthCm: 84, position: 'standing' } },
              }).map(([k, value]) => [k, { value, hlc: stamp }]),
            ),
          },
        ],
      }),
    })
    if (!push.ok) throw new Error(`push ${push.status}`)
    const computedBefore = figures.computed
    const recomputeStart = performance.now()
    const after = await warm()
    const recompute = ms(recomputeStart)
    const householdsComputed = figures.computed - computedBefore
    if (after.version === 0 || !after.visits.has(visitId)) throw new Error('the pushed visit was not read')
    const afterPush = await overview()

    const rows: Row[] = [
      {
        id: 'binaan.first',
        label: `Wilayah binaan, puskesmas of ${AREAS} areas, first request (server, Node)`,
        value: first.ms,
        unit: 'ms',
        note: `${records.toLocaleString('en-US')} records; every area read from the database and computed`,
      },
      {
        id: 'binaan.kept',
        label: `Wilayah binaan, ${AREAS} areas, next request (server, Node)`,
        value: kept.ms,
        unit: 'ms',
        note: 'figures stored per area and month in the database; one query finds every area up to date',
      },
      {
        id: 'binaan.page',
        label: `Wilayah binaan page, ${AREAS} areas (tap → last area painted, slow 4G, ${CPU}×)`,
        value: pageMs,
        unit: 'ms',
        budget: 2_000,
        note: pageNote,
      },
      {
        id: 'binaan.recompute',
        label: "Recompute one area's month after a kader's push (server, Node)",
        value: recompute,
        unit: 'ms',
        budget: 100,
        note: `${area.households.size} households, ${area.members.size} members, ${area.visits.size} visits: changed rows read (${phases.read} ms), ${householdsComputed} share of ≈ 8 households computed again and summed (${phases.compute} ms), card and page built (${phases.build} ms)`,
      },
      {
        id: 'binaan.afterPush',
        label: `Wilayah binaan, ${AREAS} areas, request after that push (server, Node)`,
        value: afterPush.ms,
        unit: 'ms',
        note: "the server's own: the pushed area's change read and its household computed again, stored; the other areas of the desa only told nothing of theirs changed",
      },
    ]
    const md = writeReport(
      join(process.cwd(), 'bench', 'results', 'binaan'),
      rows,
      {
        date: new Date().toISOString(),
        data: `${AREAS} × kader dataset (${records} records), data up to ${DATA_TODAY}`,
        duration: `${Math.round((Date.now() - started) / 1000)} s`,
      },
      { responseBytes: JSON.stringify(first.body).length, page: breakdown },
    )
    console.log(md)
  } finally {
    await server.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
