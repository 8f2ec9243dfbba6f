// HTTP headers of the app and the API (issue 11 item 10): a strict Content-Security-Policy on the app that names
// the configured tile origin, nosniff everywhere, no framing, no referrer, hashed assets cached for a year and
// the files that must be fresh (index.html, sw.js, the manifest) revalidated, and idle connections kept longer than
// a proxy keeps them — on PGlite and PostgreSQL.
// tests/e2e/csp.test.ts runs the built app in Chromium under this policy.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { get as httpGet } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { START_TIMEOUT_MS, startTestServer, TARGETS, type TestServer } from './harness'

describe.each(TARGETS)('HTTP headers on $name', (target) => {
  let server: TestServer
  let staticDir: string
  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'kader-headers-'))
    await mkdir(join(staticDir, 'assets'))
    await mkdir(join(staticDir, 'icons'))
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Kader ILP</title>')
    await writeFile(join(staticDir, 'assets', 'index-B4x9Qz1k.js'), 'console.log("app")')
    await writeFile(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
    await writeFile(join(staticDir, 'manifest.webmanifest'), '{"name":"Kader ILP"}')
    await writeFile(join(staticDir, 'icons', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    server = await startTestServer(target, {
      staticDir,
      tileOrigins: ['https://tile.openstreetmap.org', 'http://192.168.1.10:8080'],
    })
  }, START_TIMEOUT_MS)
  afterAll(async () => {
    await server?.close()
    await rm(staticDir, { recursive: true, force: true })
  })

  const get = (path: string) => fetch(`${server.url}${path}`)

  it('sends a strict CSP with the app, naming the tile origins, and forbids framing and referrers', async () => {
    for (const path of ['/', '/index.html', '/rumah/0197a3c2']) {
      const res = await get(path)
      expect(res.status).toBe(200)
      const csp = res.headers.get('content-security-policy') ?? ''
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/)
          return [name, values] as const
        }),
      )
      expect(directives.get('default-src')).toEqual(["'self'"])
      expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
      expect(directives.get('object-src')).toEqual(["'none'"])
      expect(directives.get('frame-ancestors')).toEqual(["'none'"])
      expect(directives.get('base-uri')).toEqual(["'none'"])
      expect(directives.get('img-src')).toEqual(
        expect.arrayContaining(["'self'", 'https://tile.openstreetmap.org', 'http://192.168.1.10:8080']),
      )
      expect(directives.get('connect-src')).toEqual(
        expect.arrayContaining(["'self'", 'https://tile.openstreetmap.org', 'http://192.168.1.10:8080']),
      )
      expect(csp).not.toMatch(/'unsafe-eval'|unsafe-inline'?\s*(;|$).*script/)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('cache-control')).toBe('no-cache')
    }
  })

  it('caches hashed assets for a year, and revalidates sw.js, the manifest and other files', async () => {
    const asset = await get('/assets/index-B4x9Qz1k.js')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff')
    for (const path of ['/sw.js', '/manifest.webmanifest', '/icons/icon.svg']) {
      const res = await get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
    // The service worker fetches tiles under its own policy: it gets one too.
    expect((await get('/sw.js')).headers.get('content-security-policy')).toMatch(
      /connect-src [^;]*tile\.openstreetmap/,
    )
    // A file that is not there under /assets is a 404, not the app (and not cached for a year).
    const missing = await get('/assets/gone-123.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).not.toMatch(/immutable/)
  })

  it('sends nosniff and no-store on API answers, errors included', async () => {
    for (const res of [await get('/api/v1/changes'), await get('/api/v2/x'), await get('/api/v1/nothing')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
  })

  it('keeps an idle connection longer than a proxy does (nginx: 60 s), so a reused socket is never cut', async () => {
    const keepAlive = await new Promise<string | undefined>((ok, fail) =>
      httpGet(`${server.url}/`, (res) => {
        res.resume()
        ok(String(res.headers['keep-alive']))
      }).on('error', fail),
    )
    expect(keepAlive).toBe('timeout=65')
  })
})
