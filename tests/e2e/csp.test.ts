// The built app under the server's Content-Security-Policy (server/static.ts), in real Chromium: logged in, with
// a household, a member and a visit synced from the server, every route of the app opens with no policy violation
// — the map included, its tiles drawn from the configured tile server and cached by the service worker under the
// worker's own policy.
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/index'
import { formatHlc } from '../../src/protocol/hlc'
import { paths } from '../../src/ui/router'
import { change, Device } from '../server/harness'
import { launchBrowser, type RunningBrowser, startAppServer, waitForServiceWorker } from './harness'

const KADER = { username: 'wati', password: 'rahasia-posyandu' }
const AREA = { id: 'sukamaju', kabupaten: 'Sukabumi', kecamatan: 'Cibadak', desa: 'Sukamaju' }
const HOME = { lat: -6.9175, lng: 106.927 }

/** A 256×256 PNG of one colour, with CORS, for every /{z}/{x}/{y}.png: a tile server of our own. */
async function startTileServer(): Promise<{
  origin: string
  requests: string[]
  close: () => Promise<void>
}> {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(256 * 3, 200)])
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(256, 0)
  ihdr.writeUInt32BE(256, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(new Array(256).fill(row)))),
    chunk('IEND', Buffer.alloc(0)),
  ])
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '')
    res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' }).end(png)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  }
}

function crc32(bytes: Buffer): number {
  let c = ~0
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

/** A household with a GPS point, a child and a weighing, pushed by another device of the same kader. */
async function seed(server: RunningServer) {
  await server.admin.addWorkArea(AREA)
  await server.admin.addUser({ ...KADER, name: 'Wati', workAreaId: AREA.id })
  const device = await Device.login(server.url, KADER.username, KADER.password, 'tablet')
  const stamp = formatHlc({ millis: Date.now() - 60_000, counter: 0, node: 'tablet' })
  const today = new Date().toISOString().slice(0, 10)
  const [home, child, visit] = [randomUUID(), randomUUID(), randomUUID()]
  const twoYearsAgo = new Date(Date.now() - 2 * 365 * 86_400_000).toISOString().slice(0, 10)
  const res = await device.push([
    change(
      'households',
      home,
      {
        workAreaId: AREA.id,
        headName: 'Budi Santoso',
        address: { ...AREA, dusun: 'Krajan', rw: '001', rt: '003' },
        location: { ...HOME, accuracyM: 8, capturedAt: new Date(Date.now() - 120_000).toISOString() },
      },
      stamp,
    ),
    change(
      'members',
      child,
      { householdId: home, name: 'Adi', sex: 'L', birthDate: twoYearsAgo, relation: 'anak' },
      stamp,
    ),
    change(
      'visits',
      visit,
      {
        memberId: child,
        householdId: home,
        workAreaId: AREA.id,
        date: today,
        place: 'posyandu',
        parts: { balita: { weightKg: 12.1, lengthCm: 88.2, position: 'standing' } },
      },
      stamp,
    ),
  ])
  expect(res.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted'])
  return { home, child, visit }
}

describe('the app under its Content-Security-Policy (real Chromium, real server)', () => {
  let tiles: Awaited<ReturnType<typeof startTileServer>>
  let server: RunningServer
  let browser: RunningBrowser
  let ids: Awaited<ReturnType<typeof seed>>
  const violations: string[] = []

  beforeAll(async () => {
    tiles = await startTileServer()
    server = await startAppServer({
      // The app's default tile server (the map opens with it before the kader picks another) and the test's.
      tileOrigins: ['https://tile.openstreetmap.org', tiles.origin],
    })
    ids = await seed(server)
    browser = await launchBrowser()
    const { context } = browser
    // No public tile server is ever asked: the default map settings point at OpenStreetMap.
    await context.route('https://tile.openstreetmap.org/**', (route) => route.abort())
    await context.exposeBinding('reportCspViolation', (_source, v: string) => {
      violations.push(v)
    })
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation
        report(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`)
      })
    })
    context.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text())
    })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await tiles?.close()
  })

  it('opens every route with no violation, the map with tiles from the configured tile server', async () => {
    const { page } = browser
    const first = await page.goto(server.url)
    expect(first?.headers()['content-security-policy']).toContain(
      `img-src 'self' data: blob: https://tile.openstreetmap.org ${tiles.origin}`,
    )
    await waitForServiceWorker(page)

    await page.getByRole('link', { name: 'Pengaturan' }).click()
    await page.getByLabel('Nama pengguna').fill(KADER.username)
    await page.getByLabel('Kata sandi').fill(KADER.password)
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.getByText('Masuk sebagai Wati').waitFor()
    await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click()
    await page.goto(`${server.url}/${paths.households()}`)
    await page.getByRole('link', { name: /Budi Santoso/ }).waitFor()

    // The map's tile server: the one the server's policy names.
    await page.goto(`${server.url}/${paths.map()}`)
    await page.getByText('Sumber peta').click()
    await page.getByLabel('Alamat server peta (URL petak)').fill(`${tiles.origin}/{z}/{x}/{y}.png`)
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.getByText('Tersimpan', { exact: true }).waitFor()

    const today = new Date().toISOString().slice(0, 10)
    const month = today.slice(0, 7)
    const routes: Record<keyof typeof paths, string> = {
      households: paths.households(),
      household: paths.household(ids.home),
      householdNew: paths.householdNew(),
      householdEdit: paths.householdEdit(ids.home),
      memberNew: paths.memberNew(ids.home),
      memberEdit: paths.memberEdit(ids.child),
      member: paths.member(ids.child),
      visitNew: paths.visitNew(ids.child),
      visitCorrect: paths.visitCorrect(ids.visit),
      referrals: paths.referrals(),
      referralSlip: paths.referralSlip(ids.child),
      bukuKia: paths.bukuKia(ids.child),
      caseClose: paths.caseClose(ids.child),
      delivery: paths.delivery(ids.child),
      map: paths.map(),
      schedule: paths.schedule(),
      pws: paths.pws(month),
      // A kader's account: the screens say the wilayah binaan is for supervisors.
      binaan: paths.binaan(month),
      binaanArea: paths.binaanArea('lain', month),
      settings: paths.settings(),
      drafts: paths.drafts(),
      openDay: paths.openDay(today),
      openDayPerson: paths.openDayPerson(today, ids.child),
      openDayWalkIn: paths.openDayWalkIn(today),
      openDayRekap: paths.openDayRekap(today),
    }
    for (const [name, route] of Object.entries(routes)) {
      // A full load of each route: the policy applies to the document, its scripts, styles and workers.
      await page.goto(`${server.url}/${route}`)
      await page.locator('main, [role="main"], h1').first().waitFor()
      await page.waitForLoadState('networkidle')
      if (name === 'map') {
        await page
          .locator(`img.leaflet-tile-loaded[src^="${tiles.origin}"]`)
          .first()
          .waitFor({ state: 'attached' })
        // The service worker fetched them under its own policy (sw.js's connect-src) and kept them.
        const cached = await page.evaluate(async (origin) => {
          const names = await caches.keys()
          let n = 0
          for (const name of names)
            n += (await (await caches.open(name)).keys()).filter((r) => r.url.startsWith(origin)).length
          return n
        }, tiles.origin)
        expect(cached).toBeGreaterThan(0)
      }
      expect({ route: name, violations }).toEqual({ route: name, violations: [] })
    }
    expect(tiles.requests.length).toBeGreaterThan(0)
  })
})
