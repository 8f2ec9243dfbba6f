// End-to-end harness: serves the BUILT app (dist/, as users get it, with its service worker) through Vite's preview
// server, and drives Debian's Chromium through playwright-core with an on-disk profile, so IndexedDB, Cache Storage
// and the service worker behave as on a phone.
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { type Plugin, preview } from 'vite'
import { afterAll, beforeAll } from 'vitest'
import type { RunningServer, ServerOptions } from '../../server/index'
import { answerLockScreens, E2E_PIN } from './lock-answer'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
const CHROMIUM = '/usr/bin/chromium'

export { E2E_PIN }

export interface RunningApp {
  url: string
  /** Serves a byte-different /sw.js from now on, as a new deployment would: browsers see an update. */
  deployNewVersion: () => void
  close: () => Promise<void>
}

function requireBuild(): void {
  if (!existsSync(join(root, 'dist', 'index.html')))
    throw new Error('dist/ is missing: run `npm run build` before the e2e tests (npm test does it for you).')
}

/** Serves dist/ on 127.0.0.1 and a free port. The build is not made here: `npm test` builds first. */
export async function startApp(): Promise<RunningApp> {
  requireBuild()
  let version = 0
  const newVersions: Plugin = {
    name: 'e2e-new-versions',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (version === 0 || req.url?.split('?')[0] !== '/sw.js') return next()
        res.setHeader('Content-Type', 'text/javascript')
        res.end(`${readFileSync(join(root, 'dist', 'sw.js'), 'utf8')}\n// e2e deployment ${version}\n`)
      })
    },
  }
  const server = await preview({
    root,
    logLevel: 'warn',
    plugins: [newVersions],
    // Port 0: the OS picks a free port, so parallel runs never collide.
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The preview server has no TCP address')
  let closed: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${address.port}`,
    deployNewVersion: () => {
      version += 1
    },
    // Idempotent: a test may stop the server early to prove the app needs no network.
    close: () => {
      closed ??= server.close()
      return closed
    },
  }
}

/** The real reference server, in memory, serving the built app under its own security policy. */
export async function startAppServer(opts: ServerOptions = {}): Promise<RunningServer> {
  requireBuild()
  // Imported here, so that the e2e files without a server do not load PGlite.
  const { startServer } = await import('../../server/index')
  return startServer({ dataDir: 'memory://', staticDir: join(root, 'dist'), log: () => {}, ...opts })
}

export interface RunningBrowser {
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

export interface BrowserOptions {
  /**
   * 'block': no service worker registers. For tests that cut requests with page.route: a service worker fetches
   * (and precaches) past the routes, so a cut request could still be answered from its cache.
   */
  serviceWorkers?: 'allow' | 'block'
  /**
   * 'auto' (the default): the lock screens are answered with E2E_PIN as they appear — set at first start, typed at
   * every reload — so that tests of other features run as an unlocked kader. 'manual': the test answers them.
   */
  pin?: 'auto' | 'manual'
}

/** A fresh Chromium profile on disk (a real IndexedDB), sized like a cheap Android phone, in Indonesian. */
export async function launchBrowser(opts: BrowserOptions = {}): Promise<RunningBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run node scripts/ensure-chromium.mjs`)
  const profile = await mkdtemp(join(tmpdir(), 'kader-ilp-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 360, height: 640 },
    locale: 'id-ID',
    serviceWorkers: opts.serviceWorkers ?? 'allow',
  })
  if ((opts.pin ?? 'auto') === 'auto') await context.addInitScript({ content: answerLockScreens(E2E_PIN) })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/** Waits until a service worker controls the page; reloads once if it activated without claiming this page. */
export async function waitForServiceWorker(page: Page, timeout = 30_000): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  const controlled = () =>
    page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout })
  try {
    await controlled()
  } catch {
    await page.reload()
    await controlled()
  }
}

/** The built app and a fresh on-disk browser profile for the tests of one describe block, closed after them. */
export function withAppAndBrowser(opts: BrowserOptions = {}): {
  app: () => RunningApp
  browser: () => RunningBrowser
} {
  let app: RunningApp | undefined
  let browser: RunningBrowser | undefined
  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser(opts)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })
  const must = <T>(value: T | undefined): T => {
    if (!value) throw new Error('withAppAndBrowser: used outside a test')
    return value
  }
  return { app: () => must(app), browser: () => must(browser) }
}

/** Fills and saves the household form from the household list (kabupaten, kecamatan, desa as given or as set). */
export async function registerHousehold(
  page: Page,
  h: {
    head: string
    dusun: string
    rt: string
    rw: string
    desa?: string
    kecamatan?: string
    kabupaten?: string
  },
): Promise<void> {
  await page.getByRole('link', { name: '+ Rumah tangga' }).click()
  await page.getByLabel('Nama kepala keluarga').fill(h.head)
  await page.getByLabel('Dusun').fill(h.dusun)
  await page.getByLabel('RT', { exact: true }).fill(h.rt)
  await page.getByLabel('RW', { exact: true }).fill(h.rw)
  if (h.desa) await page.getByLabel('Desa/Kelurahan').fill(h.desa)
  if (h.kecamatan) await page.getByLabel('Kecamatan').fill(h.kecamatan)
  if (h.kabupaten) await page.getByLabel('Kabupaten/Kota').fill(h.kabupaten)
  await page.getByRole('button', { name: 'Simpan' }).click()
  await page.getByRole('heading', { name: h.head }).waitFor()
}
