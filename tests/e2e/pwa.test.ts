// The installable, offline shell: the service worker installs and controls the page, the manifest is complete,
// the kader is told "Siap dipakai offline", and with no network (and no server at all) the app still opens and
// reloads on any route. Checks stay generic so they survive changes to the screens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  type RunningApp,
  type RunningBrowser,
  startApp,
  waitForServiceWorker,
} from './harness'

interface Manifest {
  lang?: string
  display?: string
  start_url?: string
  icons?: Array<{ src: string; sizes?: string; purpose?: string }>
}

describe('offline app shell', () => {
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

  const shellRenders = async () => {
    const { page } = browser
    await page.waitForFunction(() => (document.getElementById('root')?.textContent ?? '').trim().length > 0)
    expect(await page.title()).toBe('Kader ILP')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id')
  }

  it('installs the service worker and says it is ready to work offline', async () => {
    const { page } = browser
    await page.goto(app.url)
    await shellRenders()
    // The notice auto-hides after a few seconds, so it is awaited before anything slower.
    await page.getByText('Siap dipakai offline').waitFor({ state: 'visible', timeout: 30_000 })
    await waitForServiceWorker(page)
    const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)
    expect(scriptURL).toBe(`${app.url}/sw.js`)
  })

  it('links a complete web app manifest', async () => {
    const { page, context } = browser
    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    expect(href).toBeTruthy()
    const response = await context.request.get(new URL(href ?? '', app.url).toString())
    expect(response.ok()).toBe(true)
    const manifest = (await response.json()) as Manifest
    expect(manifest.lang).toBe('id')
    expect(manifest.display).toBe('standalone')
    const icons = manifest.icons ?? []
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
    expect(icons.some((icon) => icon.purpose?.split(' ').includes('maskable'))).toBe(true)
    for (const icon of icons) {
      const image = await context.request.get(new URL(icon.src, app.url).toString())
      expect(image.ok(), icon.src).toBe(true)
      expect(image.headers()['content-type']).toBe('image/png')
    }
  })

  it('opens and reloads offline on any route', async () => {
    const { page, context } = browser
    await context.setOffline(true)
    // No server either: only the service worker's precache can answer now.
    await app.close()

    await page.reload()
    await shellRenders()

    await page.goto(`${app.url}/#/pengaturan`)
    await page.reload()
    await shellRenders()
    expect(new URL(page.url()).hash).toBe('#/pengaturan')

    // A deep path (e.g. a shared link) is an SPA navigation too: the worker answers with index.html.
    await page.goto(`${app.url}/rumah/contoh`)
    await shellRenders()
  })
})

describe('updates', () => {
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

  const hasWaitingWorker = () =>
    browser.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null)

  it('activates a new version only when the kader taps "Muat ulang"', async () => {
    const { page } = browser
    await page.goto(app.url)
    await waitForServiceWorker(page)

    app.deployNewVersion()
    await page.reload()
    await page.getByRole('button', { name: 'Muat ulang' }).waitFor({ timeout: 30_000 })
    expect(await page.getByText('Siap dipakai offline').count()).toBe(0)

    // Starting again is not consent: the new version still waits.
    await page.reload()
    await page.getByRole('button', { name: 'Muat ulang' }).waitFor({ timeout: 30_000 })
    expect(await hasWaitingWorker()).toBe(true)

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Muat ulang' }).click()])
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    expect(await hasWaitingWorker()).toBe(false)
    expect(await page.getByRole('button', { name: 'Muat ulang' }).count()).toBe(0)
  })
})
