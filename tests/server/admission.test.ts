// Sync admission (issue 16): a process takes at most N sync requests (pull, push) at once; the rest wait their turn,
// first come first served, before their bodies are read; beyond the line's bound a request is answered 503 busy;
// a client that leaves the line leaves it; logins and the light endpoints never wait. Deterministic: each request is
// held when its turn comes (the `admitted` hook) and the line is watched, never timed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { GateState } from '../../server/http'
import type { ErrorResponse } from '../../src/protocol/wire'
import {
  api,
  loggedInKader,
  newHousehold,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
} from './harness'

describe.each(TARGETS)('sync admission, on $name', (target) => {
  let server: TestServer
  /** Requests whose turn came, in that order, each held until `go`. */
  const turns: { user: string; go: () => void }[] = []
  let line: GateState = { running: 0, waiting: 0 }
  /** Off between tests: every turn goes on at once. */
  let holding = true
  const checks = new Set<() => void>()
  const changed = () => {
    for (const check of checks) check()
  }
  /** Resolves once `holds()` is true; checked at every turn and every change of the line. */
  const until = (holds: () => boolean) =>
    new Promise<void>((done) => {
      const check = () => {
        if (!holds()) return
        checks.delete(check)
        done()
      }
      checks.add(check)
      check()
    })

  beforeAll(async () => {
    server = await startTestServer(target, {
      limits: { ...ROOMY_LIMITS, sync: { concurrent: 2, waiting: 2 } },
      admission: {
        admitted: (session) =>
          new Promise<void>((go) => {
            if (!holding) return go()
            turns.push({ user: session.user.username, go })
            changed()
          }),
        watch: (state) => {
          line = state
          changed()
        },
      },
    })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())
  afterEach(async () => {
    // Whatever a test left held or waiting goes on, so the next starts with an empty line.
    holding = false
    for (const turn of turns) turn.go()
    await until(() => line.running === 0 && line.waiting === 0)
    turns.splice(0)
    holding = true
  })

  const kaders = (n: number) => Promise.all(Array.from({ length: n }, () => loggedInKader(server)))
  type Kader = Awaited<ReturnType<typeof loggedInKader>>
  const push = (k: Kader) => k.device.push([newHousehold(k.area)])
  /** Two pushes holding both places, taken in this order. */
  async function fill(a: Kader, b: Kader) {
    const held = [push(a)]
    await until(() => turns.length === 1)
    held.push(push(b))
    await until(() => turns.length === 2)
    return held
  }

  it('takes two at a time; the third waits until one finishes, and the line is first come first served', async () => {
    const [a, b, c, d] = (await kaders(4)) as [Kader, Kader, Kader, Kader]
    const [pa, pb] = await fill(a, b)
    const pc = push(c)
    await until(() => line.waiting === 1)
    const pd = d.device.pull()
    await until(() => line.waiting === 2)
    expect(turns.map((t) => t.user)).toEqual([a.username, b.username])
    expect(line).toEqual({ running: 2, waiting: 2 })

    turns[1]?.go()
    expect((await pb)?.status).toBe(200)
    await until(() => turns.length === 3)
    expect(turns[2]?.user).toBe(c.username)
    turns[0]?.go()
    expect((await pa)?.status).toBe(200)
    await until(() => turns.length === 4)
    expect(turns[3]?.user).toBe(d.username)
    turns[2]?.go()
    turns[3]?.go()
    expect((await pc).body.results).toMatchObject([{ status: 'accepted' }])
    expect((await pd).status).toBe(200)
  })

  it('answers 503 busy with Retry-After beyond the line, while logins and the light endpoints go on', async () => {
    const [a, b, c, d, e] = (await kaders(5)) as [Kader, Kader, Kader, Kader, Kader]
    const held = await fill(a, b)
    held.push(push(c))
    await until(() => line.waiting === 1)
    held.push(push(d))
    await until(() => line.waiting === 2)

    for (const refused of [await push(e), await e.device.pull()]) {
      expect(refused.status).toBe(503)
      expect(refused.headers.get('Retry-After')).toBe('5')
      expect((refused.body as unknown as ErrorResponse).error.reason).toBe('busy')
    }
    const f = await loggedInKader(server)
    for (const path of ['/me', '/device'])
      expect((await api(server.url, 'GET', path, { token: f.device.token })).status).toBe(200)
    expect(line).toEqual({ running: 2, waiting: 2 })

    for (const turn of turns) turn.go()
    await until(() => turns.length === 4)
    for (const turn of turns) turn.go()
    for (const reply of await Promise.all(held)) expect(reply.status).toBe(200)
    // Once the line has room, e's push is taken.
    const again = push(e)
    await until(() => turns.length === 5)
    turns[4]?.go()
    expect((await again).status).toBe(200)
  })

  it('takes a waiting request whose client left out of the line: its turn goes to the next', async () => {
    const [a, b, c, d] = (await kaders(4)) as [Kader, Kader, Kader, Kader]
    const held = await fill(a, b)
    const leaving = new AbortController()
    const h = newHousehold(c.area)
    const pc = fetch(`${server.url}/api/v1/changes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${c.device.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ changes: [h] }),
      signal: leaving.signal,
    })
    await until(() => line.waiting === 1)
    leaving.abort()
    await expect(pc).rejects.toThrow()
    await until(() => line.waiting === 0)

    held.push(push(d))
    await until(() => line.waiting === 1)
    turns[0]?.go()
    await until(() => turns.length === 3)
    expect(turns.map((t) => t.user)).toEqual([a.username, b.username, d.username])
    for (const turn of turns) turn.go()
    for (const reply of await Promise.all(held)) expect(reply.status).toBe(200)
    const stored = await server.db.query('SELECT 1 FROM records WHERE id = $1', [h.recordId])
    expect(stored).toEqual([])
  })

  it("reads a waiting push's body only when its turn comes", async () => {
    const [a, b, c] = (await kaders(3)) as [Kader, Kader, Kader]
    const held = await fill(a, b)
    // Read at once, this body would be refused at once (400).
    const bad = api(server.url, 'POST', '/changes', { token: c.device.token, raw: 'not json' })
    await until(() => line.waiting === 1)
    turns[0]?.go()
    await until(() => turns.length === 3)
    expect(turns[2]?.user).toBe(c.username)
    for (const turn of turns) turn.go()
    expect((await bad).status).toBe(400)
    for (const reply of await Promise.all(held)) expect(reply.status).toBe(200)
  })
})
