// The household map offline, in real Chromium: tiles come from a local tile server (never from OpenStreetMap), the
// households get their GPS point through the household form with a mocked Geolocation. Viewed once online, the map
// reloads with no network and no tile server with its markers AND its tiles (the service worker's tile cache);
// a fresh profile that never saw a tile still shows the markers on a plain background, and draws the map from an
// offline area file (PMTiles) the puskesmas prepared.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { crc32, deflateSync } from 'node:zlib'
import type { BrowserContext, Page } from 'playwright-core'
import { zxyToTileId } from 'pmtiles'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  type RunningApp,
  type RunningBrowser,
  startApp,
  waitForServiceWorker,
} from './harness'

const TILE_CACHE = 'map-tiles-v1'
// Two houses in Sukamaju, ~150 m apart, and the kader's phone.
const BUDI = { latitude: -6.9175, longitude: 106.927, accuracy: 8 }
const SITI = { latitude: -6.9185, longitude: 106.928, accuracy: 12 }

/** A 256×256 PNG of one colour: enough to tell a drawn tile from an empty one. */
function solidPng([r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(256, 0)
  ihdr.writeUInt32BE(256, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(new Array(256).fill([r, g, b]).flat())])
  const raw = Buffer.concat(new Array(256).fill(row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

interface TileServer {
  template: string
  requests: string[]
  close: () => Promise<void>
}

/** Serves the same PNG for every /{z}/{x}/{y}.png, with CORS, as a public tile server does. */
async function startTileServer(): Promise<TileServer> {
  const png = solidPng([170, 211, 223])
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '')
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, {
      'Content-Type': 'image/png',
      'Content-Length': png.length,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'max-age=86400',
    })
    res.end(png)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  let closed: Promise<void> | undefined
  return {
    template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    requests,
    close: () => {
      server.closeAllConnections()
      closed ??= new Promise((resolve) => server.close(() => resolve()))
      return closed
    },
  }
}

function lngLatToTile(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z
  const x = Math.floor(((lng + 180) / 360) * n)
  const rad = (lat * Math.PI) / 180
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)
  return [x, y]
}

function varints(values: number[]): Buffer {
  const bytes: number[] = []
  for (let v of values) {
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80)
      v = Math.floor(v / 128)
    }
    bytes.push(v)
  }
  return Buffer.from(bytes)
}

/**
 * A raster PMTiles v3 archive (no compression, one root directory) around a point, zooms 12–18, every tile the
 * same PNG: what a puskesmas would export for its desa, in miniature.
 */
function areaPmtiles(lat: number, lng: number): Buffer {
  const tile = solidPng([200, 230, 180])
  const [minZoom, maxZoom] = [12, 18]
  const ids: number[] = []
  for (let z = minZoom; z <= maxZoom; z++) {
    const [cx, cy] = lngLatToTile(lng, lat, z)
    for (let x = cx - 2; x <= cx + 2; x++)
      for (let y = cy - 2; y <= cy + 2; y++) ids.push(zxyToTileId(z, x, y))
  }
  ids.sort((a, b) => a - b)
  // Every entry points at the one tile: offset 0 is written as 1, the format's "offset + 1".
  const directory = Buffer.concat([
    varints([ids.length]),
    varints(ids.map((id, i) => id - (i === 0 ? 0 : (ids[i - 1] ?? 0)))),
    varints(ids.map(() => 1)),
    varints(ids.map(() => tile.length)),
    varints(ids.map(() => 1)),
  ])
  const metadata = Buffer.from(JSON.stringify({ attribution: 'Peta wilayah Puskesmas Sukamaju' }))
  const header = Buffer.alloc(127)
  header.write('PMTiles', 0, 'ascii')
  header[7] = 3
  const u64 = (offset: number, value: number) => header.writeBigUInt64LE(BigInt(value), offset)
  const rootOffset = 127
  const metadataOffset = rootOffset + directory.length
  const dataOffset = metadataOffset + metadata.length
  u64(8, rootOffset)
  u64(16, directory.length)
  u64(24, metadataOffset)
  u64(32, metadata.length)
  u64(40, dataOffset)
  u64(48, 0)
  u64(56, dataOffset)
  u64(64, tile.length)
  u64(72, ids.length)
  u64(80, ids.length)
  u64(88, 1)
  header[96] = 1 // clustered
  header[97] = 1 // internal compression: none
  header[98] = 1 // tile compression: none
  header[99] = 2 // PNG
  header[100] = minZoom
  header[101] = maxZoom
  const e7 = (offset: number, degrees: number) => header.writeInt32LE(Math.round(degrees * 1e7), offset)
  e7(102, lng - 0.02)
  e7(106, lat - 0.02)
  e7(110, lng + 0.02)
  e7(114, lat + 0.02)
  header[118] = 16
  e7(119, lng)
  e7(123, lat)
  return Buffer.concat([header, directory, metadata, tile])
}

async function addHousehold(page: Page, context: BrowserContext, name: string, at?: typeof BUDI) {
  await page.goto(`${new URL(page.url()).origin}/#/rumah/baru`)
  // A new document: the form accepts a fix up to a minute old, and the page keeps its last fix until reloaded.
  await page.reload()
  await page.getByLabel('Nama kepala keluarga').fill(name)
  await page.getByLabel('Dusun').fill('Krajan')
  await page.getByLabel('RT', { exact: true }).fill('3')
  await page.getByLabel('RW', { exact: true }).fill('1')
  await page.getByLabel('Desa/Kelurahan').fill('Sukamaju')
  await page.getByLabel('Kecamatan').fill('Cibadak')
  await page.getByLabel('Kabupaten/Kota').fill('Sukabumi')
  if (at) {
    await context.setGeolocation(at)
    await page.getByRole('button', { name: 'Ambil lokasi' }).click()
    await page.getByText(`${at.latitude.toFixed(5)}, ${at.longitude.toFixed(5)}`).waitFor()
  }
  await page.getByRole('button', { name: 'Simpan' }).click()
  await page.getByRole('heading', { name }).waitFor()
}

async function setTileServer(page: Page, template: string) {
  await page.goto(`${new URL(page.url()).origin}/#/peta`)
  await page.getByText('Sumber peta').click()
  const url = page.getByLabel('Alamat server peta (URL petak)')
  await url.fill(template)
  await page.getByRole('button', { name: 'Simpan' }).click()
  await page.getByText('Tersimpan', { exact: true }).waitFor()
}

const marker = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${name} — `) })
/** Tiles Leaflet drew from the tile server (cached or live). */
const serverTilesDrawn = (page: Page, origin: string) =>
  page.locator(`img.leaflet-tile-loaded[src^="${origin}"]`).count()

async function seed(app: RunningApp, browser: RunningBrowser) {
  const { page, context } = browser
  // The map opens once with the default (OpenStreetMap) before the test's tile server is set: a test never asks
  // a public tile server for anything.
  await context.route('https://tile.openstreetmap.org/**', (route) => route.abort())
  await context.grantPermissions(['geolocation'], { origin: app.url })
  await page.goto(app.url)
  await waitForServiceWorker(page)
  await addHousehold(page, context, 'Budi Santoso', BUDI)
  await addHousehold(page, context, 'Siti Aminah', SITI)
  await addHousehold(page, context, 'Joko Susilo')
}

describe('household map offline (real Chromium)', () => {
  let app: RunningApp
  let browser: RunningBrowser
  let tiles: TileServer

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    tiles = await startTileServer()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await tiles?.close()
  })

  it('shows the markers and the tiles viewed once online, after a reload with no network', async () => {
    const { page, context } = browser
    await seed(app, browser)
    await setTileServer(page, tiles.template)
    const tileOrigin = new URL(tiles.template.replace(/\{.\}/g, '0')).origin

    await page.reload()
    await marker(page, 'Budi Santoso').waitFor()
    await marker(page, 'Siti Aminah').waitFor()
    await page.getByText('1 rumah belum punya lokasi').waitFor()
    expect(await marker(page, 'Budi Santoso').getAttribute('title')).toBe('Budi Santoso — Tidak ada tugas')
    await page.waitForFunction(
      (origin) => document.querySelectorAll(`img.leaflet-tile-loaded[src^="${origin}"]`).length >= 4,
      tileOrigin,
    )
    expect(tiles.requests.length).toBeGreaterThan(0)
    // The worker stores each tile after answering: wait until every drawn tile is in the cache.
    const drawn = await serverTilesDrawn(page, tileOrigin)
    await page.waitForFunction(
      async ([name, n]) => (await (await caches.open(name as string)).keys()).length >= (n as number),
      [TILE_CACHE, drawn],
    )

    // No network, no tile server, no app server: only the service worker and IndexedDB are left.
    await context.setOffline(true)
    await tiles.close()
    await app.close()
    const before = tiles.requests.length
    await page.reload()
    await marker(page, 'Budi Santoso').waitFor()
    await marker(page, 'Siti Aminah').waitFor()
    await page.waitForFunction(
      (origin) => document.querySelectorAll(`img.leaflet-tile-loaded[src^="${origin}"]`).length >= 4,
      tileOrigin,
    )
    expect(tiles.requests.length).toBe(before)
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)

    // A tap on a marker opens the household, offline too.
    await marker(page, 'Siti Aminah').click()
    await page.getByRole('heading', { name: 'Siti Aminah' }).waitFor()
  })
})

describe('household map with no tile cache at all (real Chromium)', () => {
  let app: RunningApp
  let browser: RunningBrowser

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('still shows the markers offline on a plain background, then draws the offline area map', async () => {
    const { page, context } = browser
    await seed(app, browser)
    // A tile server that is gone: no tile can ever load, nothing is asked of OpenStreetMap.
    const dead = await startTileServer()
    await dead.close()
    await setTileServer(page, dead.template)

    await context.setOffline(true)
    await app.close()
    await page.reload()
    await marker(page, 'Budi Santoso').waitFor()
    await marker(page, 'Siti Aminah').waitFor()
    await page.locator('.leaflet-control-scale').waitFor()
    await page.getByText('Sebagian peta dasar belum tersimpan di HP ini').waitFor()
    expect(await page.locator('img.leaflet-tile-loaded').count()).toBe(0)
    expect(await page.evaluate(async (name) => (await caches.open(name)).keys(), TILE_CACHE)).toHaveLength(0)

    // The puskesmas's area file, loaded offline: the map is drawn from it, kept across a reload.
    await page.getByText('Sumber peta').click()
    await page.getByLabel('Pilih file peta wilayah').setInputFiles({
      name: 'sukamaju.pmtiles',
      mimeType: 'application/vnd.pmtiles',
      buffer: areaPmtiles(BUDI.latitude, BUDI.longitude),
    })
    await page.getByText('Peta wilayah tersimpan.').waitFor()
    await page.reload()
    await marker(page, 'Budi Santoso').waitFor()
    await page.waitForFunction(
      () => document.querySelectorAll('img.leaflet-tile-loaded[src^="blob:"]').length >= 4,
    )
    await page.getByText('Peta wilayah Puskesmas Sukamaju').waitFor()
  })
})
