// `npm run bench:binaan`: the wilayah binaan of a puskesmas with 30 posyandu areas (issue 15, Budgets). The server
// (PGlite, in this process) gets 30 kader areas of the generated kader dataset — 12,000 households, 45,000 members,
// 243,000 visits, pushed through the sync API as phones would — then:
//   - the first /binaan of the puskesmas (every area read and computed) and the next one (kept), in Node;
//   - the page in throttled Chromium (slow 4G, 4× CPU): tap "Wilayah binaan" → the 30th area painted;
//   - one kader pushes a visit: recomputing that area's month (its changed records read, its figures computed),
//     and the next /binaan.
// Results in bench/results/binaan/latest.{json,md}. Needs the built app (npm run build).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../server/index'
import { setRole } from '../server/roles'
import { AreaFigures } from '../server/supervisor/compute'
import { AreaStore } from '../server/supervisor/store'
import { targetsOf } from '../server/targets'
import { formatHlc } from '../src/protocol/hlc'
import type { BinaanResponse } from '../src/protocol/supervisor'
import type { WorkAreaInfo } from '../src/protocol/wire'
import { cdpOf, launchPhone, SLOW_4G, throttle } from './browser'
import { AREA, DATA_TODAY, generate, KADER } from './generate'
import { type Row, writeReport } from './report'
import { seedServer } from './seed'

const AREAS = 30
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
      pageNote = `this month; includes loading the lazy screen and the request (the server's part is kept)`
    } finally {
      await phone.dispose()
    }

    // A kader's push, then that area's recomputation, timed in this process on the server's database.
    const store = new AreaStore(server.db)
    const figures = new AreaFigures()
    const target = areas[4] as WorkAreaInfo
    const warm = async () => {
      const [r] = await store.recordsOf([target])
      if (!r) throw new Error('no area')
      // The month shown is the data's last: its overdue referrals come with its figures, as on the current month.
      const targets = await targetsOf(server.db, target.id, Number(MONTH.slice(0, 4)))
      figures.month(r, MONTH, targets, DATA_TODAY)
      figures.today(r, DATA_TODAY, targets)
      return r
    }
    const before = await warm()
    const area = before
    const member = [...area.members.values()].find((m) => m.birthDate && String(m.birthDate) > '2023-01-01')
    if (!member) throw new Error('no child')
    const kader = await fetch(`${server.url}/api/v1/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'kader-rw005', password: PASSWORD, deviceId: 'bench-kader' }),
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
    const recomputeStart = performance.now()
    const after = await warm()
    const recompute = ms(recomputeStart)
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
        note: 'figures kept per area and month; one query finds nothing changed',
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
        note: `${area.households.size} households, ${area.members.size} members, ${area.visits.size} visits: changed rows read, month and overdue referrals computed`,
      },
      {
        id: 'binaan.afterPush',
        label: `Wilayah binaan, ${AREAS} areas, request after that push (server, Node)`,
        value: afterPush.ms,
        unit: 'ms',
        note: 'every area checked for changes; the pushed area was already recomputed by the row above',
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
      { responseBytes: JSON.stringify(first.body).length },
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
