// The server as a process: rate limits and the built app with its SPA fallback — on every database — and, on the embedded one, data that survives a restart, the data-folder lock, the CLI and the demo.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../server/cli'
import { openDatabase } from '../../server/db'
import { DEMO, seedDemo } from '../../server/demo'
import {
  addKader,
  api,
  change,
  Device,
  hlc,
  newHousehold,
  newMember,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
} from './harness'

describe.each(TARGETS)('server process on $name', (target) => {
  let server: TestServer
  let staticDir: string
  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'kader-static-'))
    await mkdir(join(staticDir, 'assets'))
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Kader ILP</title>')
    await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("app")')
    server = await startTestServer(target, {
      staticDir,
      limits: { perToken: { burst: 3, perMinute: 1 }, perLogin: { burst: 4, perMinute: 1 } },
    })
  }, START_TIMEOUT_MS)
  afterAll(async () => {
    await server?.close()
    await rm(staticDir, { recursive: true, force: true })
  })

  it('limits requests per token (429 with Retry-After), each token on its own', async () => {
    const k = await addKader(server)
    const a = await Device.login(server.url, k.username, k.password)
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await a.pull()).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const limited = await a.pull()
    expect(limited.body).toMatchObject({ error: { reason: 'rate-limited' } })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    const b = await Device.login(server.url, k.username, k.password)
    expect((await b.pull()).status).toBe(200)
  })

  it('limits login attempts per username', async () => {
    const k = await addKader(server)
    const tries = []
    for (let i = 0; i < 5; i++)
      tries.push(
        (await api(server.url, 'POST', '/login', { body: { username: k.username, password: 'wrong-pass' } }))
          .status,
      )
    expect(tries).toEqual([401, 401, 401, 401, 429])
  })

  it('serves the built app, with index.html for client-side routes, and JSON 404s under /api', async () => {
    const home = await fetch(server.url)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('<title>Kader ILP</title>')
    const js = await fetch(`${server.url}/assets/app.js`)
    expect(js.headers.get('content-type')).toMatch(/javascript/)
    const deep = await fetch(`${server.url}/rumah/0197a3c2`)
    expect(deep.status).toBe(200)
    expect(await deep.text()).toContain('<title>Kader ILP</title>')
    const api404 = await fetch(`${server.url}/api/v2/changes`)
    expect(api404.status).toBe(404)
    expect(await api404.json()).toMatchObject({ error: { reason: 'not-found' } })
  })
})

describe('server on the embedded database in a folder', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kader-data-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))
  const dataDir = () => join(dir, 'data')

  it(
    'keeps accepted changes across a restart, and a batch re-sent after the restart is not applied twice',
    async () => {
      const first = await startTestServer({ name: 'pglite' }, { dataDir: dataDir() })
      const k = await addKader(first)
      const device = await Device.login(first.url, k.username, k.password)
      const h = newHousehold(k.area)
      const batch = [h, newMember(h.recordId), change('households', h.recordId, { headName: 'Baru' }, hlc(5))]
      const before = await device.push(batch)
      // A second process may not open the folder while the server has it.
      await expect(openDatabase({ dataDir: dataDir() })).rejects.toThrow(/in use by process/)
      await first.close()

      const second = await startTestServer({ name: 'pglite' }, { dataDir: dataDir() })
      try {
        const again = new Device(second.url, device.token)
        const after = await again.push(batch)
        // Answered with the records as they now are: the household once renamed, version 2.
        expect(after.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted'])
        expect(after.body.results.at(-1)).toEqual(before.body.results.at(-1))
        expect(after.body.results[0]).toMatchObject({ record: { headName: 'Baru', version: 2 } })
        const { records } = await again.pullAll()
        expect(records.size).toBe(2)
        expect(records.get(h.recordId)?.record).toMatchObject({ headName: 'Baru', version: 2 })
      } finally {
        await second.close()
      }
    },
    START_TIMEOUT_MS,
  )

  it(
    'manages work areas, kaders and tokens from the CLI; the demo seed runs only on an empty database',
    async () => {
      const out: string[] = []
      const err: string[] = []
      const io = {
        out: (l: string) => out.push(l),
        err: (l: string) => err.push(l),
        readLine: async () => 'dari-stdin-123',
        env: {},
      }
      const d = ['--data-dir', dataDir()]
      const area = ['--kabupaten', 'Cilacap', '--kecamatan', 'Dayeuhluhur', '--desa', 'Bolang', '--rt', '4']
      expect(await runCli(['area', 'add', '--id', 'bolang-rt4', ...area, ...d], io)).toBe(0)
      expect(await runCli(['area', 'add', '--id', 'bolang-rt4', ...area, ...d], io)).toBe(1)
      expect(err.pop()).toMatch(/already exists/)
      expect(await runCli(['user', 'add', '--username', 'Wati', '--area', 'bolang-rt4', ...d], io)).toBe(0)
      expect(await runCli(['user', 'add', '--username', 'x', '--area', 'bolang-rt4', ...d], io)).toBe(1)
      expect(await runCli(['user', 'list', ...d], io)).toBe(0)
      expect(out.join('\n')).toMatch(/wati\twati\tbolang-rt4/)
      expect(await runCli(['nonsense', ...d], io)).toBe(2)

      const server = await startTestServer({ name: 'pglite' }, { dataDir: dataDir() })
      let token: string
      try {
        expect(await seedDemo(server.admin, { production: false })).toBe(false)
        const wati = await Device.login(server.url, 'wati', 'dari-stdin-123')
        token = wati.token
        expect((await wati.pull()).status).toBe(200)
      } finally {
        await server.close()
      }
      expect(await runCli(['token', 'list', '--user', 'wati', ...d], io)).toBe(0)
      expect(out.at(-1)).toMatch(/^[0-9a-f-]{36}\t/)
      expect(await runCli(['token', 'revoke', '--user', 'wati', ...d], io)).toBe(0)
      expect(out.at(-1)).toBe('1 token(s) revoked.')

      const after = await startTestServer({ name: 'pglite' }, { dataDir: dataDir() })
      try {
        expect((await new Device(after.url, token).pull()).status).toBe(401)
      } finally {
        await after.close()
      }

      const fresh = await startTestServer({ name: 'pglite' })
      try {
        expect(await seedDemo(fresh.admin, { production: false })).toBe(true)
        expect(await seedDemo(fresh.admin, { production: false })).toBe(true)
        expect((await fresh.admin.listUsers()).map((a) => a.user.username)).toEqual([DEMO.username])
        const demo = await Device.login(fresh.url, DEMO.username, DEMO.password)
        const me = await api<{ workArea: { desa: string } }>(fresh.url, 'GET', '/me', { token: demo.token })
        expect(me.body.workArea.desa).toBe(DEMO.area.desa)
      } finally {
        await fresh.close()
      }
    },
    START_TIMEOUT_MS * 2,
  )
})
