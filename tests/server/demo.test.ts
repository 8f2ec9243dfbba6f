// The demo account (issue 11 item 6): its published password opens only a fictitious desa of its own, which no
// real work area may share — on PGlite and PostgreSQL — and `npm start` on a fresh machine (the embedded database
// in a folder) prints a demo login that works, binds 127.0.0.1, and makes no demo with --no-demo or in production.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, seedDemo } from '../../server/demo'
import type { RunningServer } from '../../server/index'
import { serveApp } from '../../server/main'
import {
  addKader,
  api,
  change,
  Device,
  hlc,
  newHousehold,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
} from './harness'

/**
 * Real kaders — one in desa Bolang, where older versions put the demo, one elsewhere — push their records; the
 * demo device pulls none of them, may change none, and works in its own desa, where no real area can be made.
 */
async function expectDemoSeesOnlyItsOwn(server: RunningServer, demo: Device): Promise<void> {
  const bolang = await server.admin.addWorkArea({
    id: 'bolang',
    kabupaten: 'Cilacap',
    kecamatan: 'Dayeuhluhur',
    desa: 'Bolang',
  })
  await server.admin.addUser({ username: 'siti', password: 'rahasia-123', workAreaId: bolang.id })
  const siti = await Device.login(server.url, 'siti', 'rahasia-123', 'siti-phone')
  const real = newHousehold(bolang, hlc(0, 'siti-phone'))
  expect((await siti.push([real])).body.results[0]).toMatchObject({ status: 'accepted' })
  const other = await addKader(server)
  const elsewhere = newHousehold(other.area, hlc(0, 'other'))
  await (await Device.login(server.url, other.username, other.password, 'other')).push([elsewhere])

  expect((await demo.pullAll()).records.size).toBe(0)
  const attempts = await demo.push([
    change('households', real.recordId, { deleted: true }, hlc(9000, 'demo-phone')),
    newHousehold(bolang, hlc(9000, 'demo-phone')),
  ])
  expect(attempts.body.results.map((r) => r.status === 'rejected' && r.reason)).toEqual([
    'forbidden',
    'forbidden',
  ])
  // The demo's own area works.
  const mine = newHousehold(
    (await server.admin.listWorkAreas()).find((a) => a.id === DEMO.area.id) ?? bolang,
    hlc(1, 'demo-phone'),
  )
  expect((await demo.push([mine])).body.results[0]).toMatchObject({ status: 'accepted' })
  expect([...(await demo.pullAll()).records.keys()]).toEqual([mine.recordId])
  // No real work area can be made in the demo's fictitious desa.
  await expect(server.admin.addWorkArea({ ...DEMO.area, id: 'real-in-demo' })).rejects.toThrow(/demo/)
}

describe.each(TARGETS)('the demo account on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target)
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('opens only its own fictitious desa, and is disabled in production', async () => {
    expect(await seedDemo(server.admin, { production: false })).toBe(true)
    const demo = await Device.login(server.url, DEMO.username, DEMO.password, 'demo-phone')
    await expectDemoSeesOnlyItsOwn(server, demo)
    expect(await seedDemo(server.admin, { production: true })).toBe(false)
    expect((await demo.pull()).status).toBe(401)
    const login = await api(server.url, 'POST', '/login', {
      body: { username: DEMO.username, password: DEMO.password },
    })
    expect(login.status).toBe(401)
  })
})

describe('`npm start` on a fresh machine', () => {
  let dir: string
  const running: RunningServer[] = []
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kader-start-'))
  })
  afterAll(async () => {
    for (const s of running) await s.close()
    await rm(dir, { recursive: true, force: true })
  })

  async function start(name: string, env: Record<string, string> = {}, demo = true) {
    const out: string[] = []
    const server = await serveApp({
      port: 0,
      dataDir: join(dir, name),
      staticDir: join(dir, 'none'),
      demo,
      env,
      out: (l) => out.push(l),
    })
    running.push(server)
    return { server, out }
  }

  it(
    'prints a demo login that works, on 127.0.0.1, and the demo sees no record of any other area',
    async () => {
      const { server, out } = await start('fresh')
      expect(out.join('\n')).toMatch(/http:\/\/127\.0\.0\.1:\d+/)
      const printed = /Demo login: (\S+) \/ (\S+)/.exec(out.join('\n'))
      expect(printed?.slice(1)).toEqual([DEMO.username, DEMO.password])
      const demo = await Device.login(server.url, DEMO.username, DEMO.password, 'demo-phone')

      await expectDemoSeesOnlyItsOwn(server, demo)
    },
    START_TIMEOUT_MS,
  )

  it(
    'makes no demo with --no-demo or NODE_ENV=production, and binds HOST when set',
    async () => {
      const noDemo = await start('no-demo', {}, false)
      expect(noDemo.out.join('\n')).not.toMatch(/Demo login/)
      expect(await noDemo.server.admin.userCount()).toBe(0)
      const production = await start('production', { NODE_ENV: 'production' })
      expect(production.out.join('\n')).not.toMatch(/Demo login/)
      expect(await production.server.admin.userCount()).toBe(0)
      const lan = await start('lan', { HOST: '0.0.0.0' })
      expect(lan.out.join('\n')).toMatch(/0\.0\.0\.0|all addresses/)
    },
    START_TIMEOUT_MS,
  )

  it(
    'moves a demo account made by an older version out of desa Bolang, and disables it in production',
    async () => {
      const first = await start('legacy', {}, false)
      await first.server.admin.addWorkArea({
        id: 'demo-bolang',
        kabupaten: 'Cilacap',
        kecamatan: 'Dayeuhluhur',
        desa: 'Bolang',
      })
      await first.server.admin.addUser({
        username: 'demo',
        password: 'kader-demo',
        workAreaId: 'demo-bolang',
      })
      const old = await Device.login(first.server.url, 'demo', 'kader-demo')
      await first.server.close()
      const again = await start('legacy')
      expect((await new Device(again.server.url, old.token).pull()).status).toBe(401)
      const demo = await Device.login(again.server.url, DEMO.username, DEMO.password)
      const me = await api<{ workArea: { id: string } }>(again.server.url, 'GET', '/me', {
        token: demo.token,
      })
      expect(me.body.workArea.id).toBe(DEMO.area.id)
      await again.server.close()
      const production = await start('legacy', { NODE_ENV: 'production' })
      expect(
        (
          await api(production.server.url, 'POST', '/login', {
            body: { username: 'demo', password: 'kader-demo' },
          })
        ).status,
      ).toBe(401)
    },
    START_TIMEOUT_MS * 2,
  )
})
