// Chromium for the benchmark: Debian's /usr/bin/chromium through playwright-core with an ON-DISK profile (a real
// IndexedDB and service worker, as on a phone), DevTools CPU throttling and Lighthouse's slow-4G network profile,
// and an init script that timestamps clicks, input and the paint after DOM changes inside the page.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core'
import { answerLockScreens, E2E_PIN } from '../tests/e2e/lock-answer'

export const CHROMIUM = '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Lighthouse's "slow 4G": 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1_000) / 8,
}
export const NO_THROTTLE = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }

export interface Phone {
  context: BrowserContext
  page: Page
  profile: string
  /** Closes the browser; the profile stays until `dispose`. */
  close(): Promise<void>
  dispose(): Promise<void>
}

/** A fresh temporary profile, or `profile` again (a cold start of the same installation). */
export async function launchPhone(profile?: string): Promise<Phone> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`)
  const dir = profile ?? (await mkdtemp(join(tmpdir(), 'kader-ilp-bench-')))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    locale: 'id-ID',
  })
  await context.addInitScript({ content: INIT_SCRIPT })
  // The app's records are encrypted at rest: its lock screens are answered with the e2e tests' PIN (docs/security.md).
  await context.addInitScript({ content: answerLockScreens(E2E_PIN) })
  const page = context.pages()[0] ?? (await context.newPage())
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await context.close()
  }
  return {
    context,
    page,
    profile: dir,
    close,
    dispose: async () => {
      await close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

export async function cdpOf(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page)
}

export async function throttle(cdp: CDPSession, cpu: number, network?: typeof SLOW_4G): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', network ?? NO_THROTTLE)
}

export interface Traffic {
  requests: number
  /** Encoded bytes received: headers and (compressed) bodies, as on the wire. */
  bytesDown: number
  /** Request bodies sent. */
  bytesUp: number
}

/** Counts requests whose URL matches, and their bytes, from DevTools network events, until `stop()`. */
export function trackTraffic(cdp: CDPSession, match: (url: string) => boolean) {
  const ids = new Set<string>()
  const traffic: Traffic = { requests: 0, bytesDown: 0, bytesUp: 0 }
  const onRequest = (e: {
    requestId: string
    request: { url: string; postData?: string; postDataEntries?: { bytes?: string }[] }
  }) => {
    if (!match(e.request.url) || ids.has(e.requestId)) return
    ids.add(e.requestId)
    traffic.requests += 1
    const entries = e.request.postDataEntries
    if (entries?.length)
      traffic.bytesUp += entries.reduce(
        (n, p) => n + (p.bytes ? Buffer.from(p.bytes, 'base64').length : 0),
        0,
      )
    else if (e.request.postData) traffic.bytesUp += Buffer.byteLength(e.request.postData)
  }
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => {
    if (ids.has(e.requestId)) traffic.bytesDown += e.encodedDataLength
  }
  cdp.on('Network.requestWillBeSent', onRequest)
  cdp.on('Network.loadingFinished', onFinished)
  return {
    traffic,
    stop() {
      cdp.off('Network.requestWillBeSent', onRequest)
      cdp.off('Network.loadingFinished', onFinished)
      return { ...traffic }
    },
  }
}

/** Waits for the service worker to control the page (reloads once if it activated without claiming it). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
  } catch {
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
  }
}

/** The in-page probe (window.__perf), installed before any script of the app runs. */
export interface PerfProbe {
  clicks: number[]
  inputs: number[]
  inputPaints: number[]
  /** Paint after each batch of DOM changes outside input elements. */
  paints: number[]
  armed?: { selector: string; dom?: number; painted?: number }
  /** When the lock form (PIN) was submitted: the last time, if the page showed one. */
  unlockSubmit?: number
  firstRow?: { dom: number; painted?: number }
}

// Plain JavaScript: it runs in the page before the app. "Painted" = a task after the next animation frame.
const INIT_SCRIPT = `(() => {
  const perf = { clicks: [], inputs: [], inputPaints: [], paints: [] }
  window.__perf = perf
  const afterPaint = (cb) => requestAnimationFrame(() => setTimeout(cb, 0))
  document.addEventListener('click', (e) => perf.clicks.push(e.timeStamp), true)
  document.addEventListener('submit', (e) => {
    if (e.target instanceof Element && e.target.matches('form[data-lock]')) perf.unlockSubmit = e.timeStamp
  }, true)
  document.addEventListener('input', (e) => {
    perf.inputs.push(e.timeStamp)
    afterPaint(() => perf.inputPaints.push(performance.now()))
  }, true)
  const check = () => {
    if (!perf.firstRow && document.querySelector('main.screen-list a.row')) {
      const row = { dom: performance.now() }
      perf.firstRow = row
      afterPaint(() => { row.painted = performance.now() })
    }
    const armed = perf.armed
    if (armed && armed.dom === undefined && document.querySelector(armed.selector)) {
      armed.dom = performance.now()
      afterPaint(() => { armed.painted = performance.now() })
    }
  }
  window.__arm = (selector) => { perf.armed = { selector }; check() }
  new MutationObserver((records) => {
    if (records.some((r) => !(r.target instanceof HTMLInputElement))) afterPaint(() => perf.paints.push(performance.now()))
    check()
  }).observe(document, { childList: true, subtree: true, characterData: true })
})()`
