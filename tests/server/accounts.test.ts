// Who may read and write (issue 11 items 7–8): accounts can be disabled, deleted and given a new password, tokens
// expire unless used, and password guessing is limited per client address and per username from that address,
// with a cap on password hashes at once — on PGlite and PostgreSQL (the CLI on the embedded database in a folder,
// as a fresh machine runs it). The demo account (item 6): demo.test.ts.

import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authenticate, hashToken } from '../../server/accounts'
import { runCli } from '../../server/cli'
import { type RunningServer, startServer } from '../../server/index'
import {
  addKader,
  api,
  Device,
  newHousehold,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
} from './harness'

const DAY = 86_400_000

/** A login sent from another loopback address (127.0.0.2): another client as the server sees it. */
function loginFrom(localAddress: string, url: string, body: unknown): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request(`${url}/api/v1/login`, {
      method: 'POST',
      localAddress,
      headers: { 'Content-Type': 'application/json' },
    })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => ok(res.statusCode ?? 0))
    })
    req.on('error', fail)
    req.end(JSON.stringify(body))
  })
}

describe.each(TARGETS)('accounts on $name', (target) => {
  let server: TestServer
  let clock = Date.now()
  beforeAll(async () => {
    server = await startTestServer(target, {
      now: () => clock,
      limits: {
        perToken: { burst: 100_000, perMinute: 100_000 },
        perLogin: { burst: 3, perMinute: 1 },
        perAddress: { burst: 100_000, perMinute: 100_000 },
      },
    })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('disables and enables an account: a disabled kader can neither log in nor sync', async () => {
    const k = await addKader(server)
    const device = await Device.login(server.url, k.username, k.password)
    await server.admin.setDisabled(k.username, true)
    expect((await device.pull()).status).toBe(401)
    expect(
      (await api(server.url, 'POST', '/login', { body: { ...credentials(k), deviceId: 'x' } })).status,
    ).toBe(401)
    await server.admin.setDisabled(k.username, false)
    // Disabling revoked the device's token: enabling again needs a new login.
    expect((await device.pull()).status).toBe(401)
    expect((await (await Device.login(server.url, k.username, k.password)).pull()).status).toBe(200)
  })

  it('sets a new password: the old one and every token of the account stop working', async () => {
    const k = await addKader(server)
    const device = await Device.login(server.url, k.username, k.password)
    await server.admin.setPassword(k.username, 'sandi-baru-456')
    expect((await device.pull()).status).toBe(401)
    expect((await api(server.url, 'POST', '/login', { body: credentials(k) })).status).toBe(401)
    expect((await (await Device.login(server.url, k.username, 'sandi-baru-456')).pull()).status).toBe(200)
  })

  it("deletes an account: its tokens and login are gone, the area's records stay", async () => {
    const k = await addKader(server)
    const device = await Device.login(server.url, k.username, k.password)
    const h = newHousehold(k.area)
    await device.push([h])
    await server.admin.deleteUser(k.username)
    expect((await device.pull()).status).toBe(401)
    expect((await api(server.url, 'POST', '/login', { body: credentials(k) })).status).toBe(401)
    expect((await server.admin.listUsers()).some((a) => a.user.username === k.username)).toBe(false)
    const successor = await server.admin.addUser({
      username: `${k.username}-2`,
      password: 'rahasia-123',
      workAreaId: k.area.id,
    })
    const next = await Device.login(server.url, successor.user.username, 'rahasia-123')
    expect((await next.pullAll()).records.has(h.recordId)).toBe(true)
  })

  it('expires a token unused for 90 days; using it renews it', async () => {
    const k = await addKader(server)
    const used = await Device.login(server.url, k.username, k.password)
    const idle = await Device.login(server.url, k.username, k.password, 'device-b')
    const start = clock
    try {
      clock = start + 80 * DAY
      expect((await used.pull()).status).toBe(200)
      clock = start + 160 * DAY
      expect((await used.pull()).status).toBe(200)
      expect((await idle.pull()).status).toBe(401)
      clock = start + 251 * DAY
      expect((await used.pull()).status).toBe(401)
    } finally {
      clock = Date.now()
    }
  })

  it("writes a token's last use at most once an hour: one statement on the requests in between", async () => {
    const k = await addKader(server)
    const phone = await Device.login(server.url, k.username, k.password)
    const statements: string[] = []
    const db = {
      ...server.db,
      query: (text: string, params?: unknown[]) => {
        statements.push(text)
        return server.db.query(text, params)
      },
    } as typeof server.db
    const lastUsed = async () =>
      (
        await server.db.query<{ at: Date | null }>(
          'SELECT last_used_at AS at FROM tokens WHERE token_hash = $1',
          [hashToken(phone.token)],
        )
      )[0]?.at?.getTime()
    const touches = () => statements.filter((s) => s.includes('UPDATE tokens')).length
    const start = clock
    try {
      expect(await authenticate(db, phone.token, start, ROOMY_LIMITS.perToken)).toBeDefined()
      expect([touches(), await lastUsed()]).toEqual([1, start])
      const earlier = statements.length
      expect(await authenticate(db, phone.token, start + 59 * 60_000, ROOMY_LIMITS.perToken)).toBeDefined()
      // The token, its account and its rate limit: one statement.
      expect([touches(), await lastUsed(), statements.length - earlier]).toEqual([1, start, 1])
      expect(await authenticate(db, phone.token, start + 61 * 60_000, ROOMY_LIMITS.perToken)).toBeDefined()
      expect([touches(), await lastUsed()]).toEqual([2, start + 61 * 60_000])
    } finally {
      clock = Date.now()
    }
  })

  it('keeps a bucket for a valid token only: an unknown or revoked token or a disabled account takes from none', async () => {
    const k = await addKader(server)
    const phone = await Device.login(server.url, k.username, k.password)
    const buckets = async () =>
      (await server.db.query<{ key: string }>("SELECT key FROM rate_buckets WHERE key LIKE 'token%'"))
        .map((r) => r.key)
        .sort()
    const me = (token: string) => api(server.url, 'GET', '/me', { token }).then((r) => r.status)
    const before = await buckets()
    expect(await me('x'.repeat(43))).toBe(401)
    expect(await buckets()).toEqual(before)
    await server.db.query('UPDATE users SET disabled = true WHERE username = $1', [k.username])
    expect(await me(phone.token)).toBe(401)
    expect(await buckets()).toEqual(before)
    await server.db.query('UPDATE users SET disabled = false WHERE username = $1', [k.username])
    expect(await me(phone.token)).toBe(200)
    const [token] = await server.db.query<{ id: string }>('SELECT id FROM tokens WHERE token_hash = $1', [
      hashToken(phone.token),
    ])
    expect(await buckets()).toEqual([...before, `token\n${token?.id}`].sort())
    await server.admin.revokeTokens({ username: k.username })
    expect(await me(phone.token)).toBe(401)
    expect((await buckets()).length).toBe(before.length + 1)
  })

  it("limits guesses per username and address: another address's wrong guesses do not lock the kader out", async () => {
    const k = await addKader(server)
    const wrong = { username: k.username, password: 'salah-salah', deviceId: 'x' }
    const fromAttacker = []
    for (let i = 0; i < 4; i++) fromAttacker.push(await loginFrom('127.0.0.2', server.url, wrong))
    expect(fromAttacker).toEqual([401, 401, 401, 429])
    expect(await loginFrom('127.0.0.1', server.url, { ...credentials(k), deviceId: 'x' })).toBe(200)
  })

  it('refuses a login body over 4 KiB', async () => {
    const k = await addKader(server)
    const res = await api(server.url, 'POST', '/login', {
      body: { ...credentials(k), deviceId: 'x', padding: 'x'.repeat(5000) },
    })
    expect(res).toMatchObject({ status: 413, body: { error: { reason: 'payload-too-large' } } })
  })
})

const credentials = (k: { username: string; password: string }) => ({
  username: k.username,
  password: k.password,
})

describe.each(TARGETS)('login limits per address on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, {
      limits: { perAddress: { burst: 5, perMinute: 1 }, perLogin: { burst: 100, perMinute: 100 } },
    })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('limits guessing across many usernames from one address', async () => {
    const statuses = []
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await api(server.url, 'POST', '/login', {
            body: { username: `tamu-${i}`, password: 'tebak-tebak' },
          })
        ).status,
      )
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    expect(await loginFrom('127.0.0.2', server.url, { username: 'tamu-9', password: 'tebak-tebak' })).toBe(
      401,
    )
    // A forwarded address is not believed unless the server is told it stands behind a proxy.
    const forged = { body: { username: 'tamu-8', password: 'x' }, headers: { 'X-Forwarded-For': '10.9.9.9' } }
    expect((await api(server.url, 'POST', '/login', forged)).status).toBe(429)
  })

  it('counts the address a trusted proxy forwards (scripts/cluster.sh), not the proxy', async () => {
    const behind = await startTestServer(target, {
      trustProxy: true,
      limits: { perAddress: { burst: 2, perMinute: 1 }, perLogin: { burst: 100, perMinute: 100 } },
    })
    try {
      const from = async (address: string) =>
        (
          await api(behind.url, 'POST', '/login', {
            body: { username: 'tamu', password: 'tebak-tebak' },
            headers: { 'X-Forwarded-For': address },
          })
        ).status
      expect([await from('10.0.0.1'), await from('10.0.0.1'), await from('10.0.0.1')]).toEqual([
        401, 401, 429,
      ])
      expect(await from('10.0.0.2')).toBe(401)
    } finally {
      await behind.close()
    }
  })
})

describe.each(TARGETS.filter((t) => t.databaseUrl))('limits shared by API processes on $name', (target) => {
  let server: TestServer
  let second: RunningServer
  const schema = `test_${randomUUID().replaceAll('-', '')}`
  const limits = { perAddress: { burst: 3, perMinute: 1 }, perToken: { burst: 2, perMinute: 1 } }
  beforeAll(async () => {
    server = await startTestServer(target, { limits }, schema)
    second = await startServer({ databaseUrl: target.databaseUrl, pgSchema: schema, limits, log: () => {} })
  }, START_TIMEOUT_MS)
  afterAll(async () => {
    await second?.close()
    await server?.close()
  })

  it('counts a login or a request on one process against every other process', async () => {
    const k = await addKader(server)
    const phone = await Device.login(second.url, k.username, k.password)
    const me = (url: string) => api(url, 'GET', '/me', { token: phone.token }).then((r) => r.status)
    expect([await me(server.url), await me(second.url), await me(server.url)]).toEqual([200, 200, 429])
    // The login above was the address's first of three.
    const guess = (url: string) =>
      api(url, 'POST', '/login', { body: { username: 'tamu', password: 'tebak' } }).then((r) => r.status)
    expect([await guess(server.url), await guess(second.url)]).toEqual([401, 401])
    expect(await guess(server.url)).toBe(429)
  })
})

describe.each(TARGETS)('password hashes at once on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, {
      limits: {
        perAddress: { burst: 100_000, perMinute: 100_000 },
        perLogin: { burst: 100_000, perMinute: 100_000 },
        hashing: { concurrent: 1, waiting: 0 },
      },
    })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('answers logins beyond the hashing cap at once with 429 login-busy, instead of queueing them all', async () => {
    const k = await addKader(server)
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api<{ error?: { detail?: string } }>(server.url, 'POST', '/login', {
          body: { username: `tamu-${i}`, password: 'tebak-tebak' },
        }),
      ),
    )
    const busy = answers.filter((a) => a.status === 429)
    expect(busy.length).toBeGreaterThan(0)
    expect(busy.every((a) => a.body.error?.detail === 'login-busy')).toBe(true)
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true)
    expect(
      (await api(server.url, 'POST', '/login', { body: { ...credentials(k), deviceId: 'x' } })).status,
    ).toBe(200)
  })
})

describe('account commands', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kader-cli-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it(
    'disables, enables, resets the password of and deletes a user from the command line',
    async () => {
      const out: string[] = []
      const err: string[] = []
      let stdin = 'sandi-awal-123'
      const io = {
        out: (l: string) => out.push(l),
        err: (l: string) => err.push(l),
        readLine: async () => stdin,
        env: {},
      }
      const d = ['--data-dir', join(dir, 'data')]
      const run = (...args: string[]) => runCli([...args, ...d], io)
      expect(
        await run(
          'area',
          'add',
          '--id',
          'a1',
          '--kabupaten',
          'Cilacap',
          '--kecamatan',
          'Dayeuhluhur',
          '--desa',
          'Bolang',
        ),
      ).toBe(0)
      expect(await run('user', 'add', '--username', 'wati', '--area', 'a1')).toBe(0)
      expect(await run('user', 'disable', '--username', 'wati')).toBe(0)
      expect(await run('user', 'list')).toBe(0)
      expect(out.at(-1)).toMatch(/^wati\t.*\tdisabled$/)
      expect(await run('user', 'enable', '--username', 'wati')).toBe(0)
      stdin = 'sandi-baru-456'
      expect(await run('user', 'passwd', '--username', 'wati')).toBe(0)
      expect(await run('user', 'passwd', '--username', 'nobody')).toBe(1)
      expect(err.at(-1)).toMatch(/No user nobody/)
      const server = await startTestServer({ name: 'pglite' }, { dataDir: join(dir, 'data') })
      try {
        expect(
          (
            await api(server.url, 'POST', '/login', {
              body: { username: 'wati', password: 'sandi-awal-123' },
            })
          ).status,
        ).toBe(401)
        expect(
          (
            await api(server.url, 'POST', '/login', {
              body: { username: 'wati', password: 'sandi-baru-456' },
            })
          ).status,
        ).toBe(200)
      } finally {
        await server.close()
      }
      expect(await run('user', 'delete', '--username', 'wati')).toBe(0)
      expect(await run('user', 'list')).toBe(0)
      expect(out.join('\n')).toMatch(/User wati deleted/)
      expect(out.filter((l) => l.startsWith('wati\t'))).toHaveLength(1)
    },
    START_TIMEOUT_MS,
  )
})
