// Interruptions against the real server: a connection cut after the server applied a push, the same batch
// delivered twice, the app killed between the server's acknowledgement and the outbox delete, the server killed
// mid-push and restarted on the same data, and 30 days offline (5,000 changes) interrupted halfway. Each time:
// nothing lost, nothing applied twice (the server's `version` counts the changes that set a field).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../server/index'
import { getSyncState } from '../../src/data/sync-state'
import { SyncError } from '../../src/sync/errors'
import type { FetchLike } from '../../src/sync/transport'
import { addKader, Device, serverRecords, TARGETS } from '../server/harness'
import { Phone, syncSetup, T0 } from './phones'

const DAY = 86_400_000
const isPush = (url: string, init: RequestInit) => init.method === 'POST' && url.endsWith('/api/v1/changes')
const noLimits = { perToken: { burst: 1_000_000, perMinute: 1_000_000 } }

/** What the server holds for the kader: record id → version. */
async function serverVersions(url: string, account: { username: string; password: string }) {
  const records = await serverRecords(url, account)
  return new Map([...records].map(([id, r]) => [id, r.record.version]))
}

describe.each(TARGETS)('interrupted sync on $name', (target) => {
  const { server, phone } = syncSetup(target, noLimits)

  async function phoneWithChanges(households: number) {
    const k = await addKader(server())
    const p = phone('a')
    await p.login(server().url, k)
    const ids: string[] = []
    for (let i = 0; i < households; i++) {
      const h = await p.addHousehold(k.area, T0 + i)
      await p.addMember(h.id, T0 + i)
      ids.push(h.id)
    }
    return { k, p, ids }
  }

  it('a connection cut after the server applied the push: the retry is answered, nothing applied twice', async () => {
    const { k, p } = await phoneWithChanges(3)
    let cuts = 0
    const cutOnce: FetchLike = async (url, init) => {
      const res = await fetch(url, init)
      if (isPush(url, init) && cuts++ === 0) {
        await res.arrayBuffer()
        throw new TypeError('fetch failed: socket hang up')
      }
      return res
    }
    expect(await p.sync({ fetch: cutOnce })).toMatchObject({ pushed: 6, rejected: 0 })
    expect(cuts).toBe(2)
    const versions = await serverVersions(server().url, k)
    expect(versions.size).toBe(6)
    expect([...versions.values()].every((v) => v === 1)).toBe(true)
    expect(await getSyncState(p.db)).toMatchObject({ pending: 0, rejected: 0 })
  })

  it('the same batch delivered twice is applied once', async () => {
    const { k, p } = await phoneWithChanges(3)
    const twice: FetchLike = async (url, init) => {
      if (isPush(url, init)) await (await fetch(url, init)).arrayBuffer()
      return fetch(url, init)
    }
    expect(await p.sync({ fetch: twice })).toMatchObject({ pushed: 6, rejected: 0 })
    const versions = await serverVersions(server().url, k)
    expect([...versions.values()]).toEqual([1, 1, 1, 1, 1, 1])
  })

  it('the app killed between the acknowledgement and the outbox delete: re-sent on restart, applied once', async () => {
    const { k, p, ids } = await phoneWithChanges(3)
    const killedAfterAck: FetchLike = async (url, init) => {
      const res = await fetch(url, init)
      if (isPush(url, init)) {
        await res.arrayBuffer()
        throw new TypeError('the app was closed')
      }
      return res
    }
    // One try only: the "app" dies with the acknowledgement unread, the outbox untouched.
    await expect(p.sync({ fetch: killedAfterAck, retry: { attempts: 1 } })).rejects.toMatchObject({
      reason: 'offline',
    })
    expect(await p.db.outbox.count()).toBe(6)
    expect((await serverVersions(server().url, k)).size).toBe(6)

    // Restarted, with an edit made meanwhile: the old change ids get their first results, the edit applies.
    await p.editHousehold(ids[0] ?? '', T0 + DAY, { headName: 'Sesudah restart' })
    expect(await p.sync()).toMatchObject({ pushed: 7, rejected: 0 })
    const versions = await serverVersions(server().url, k)
    expect(versions.get(ids[0] ?? '')).toBe(2)
    expect([...versions.values()].filter((v) => v === 1)).toHaveLength(5)
    expect(await p.db.households.get(ids[0] ?? '')).toMatchObject({ headName: 'Sesudah restart', version: 2 })
    expect(await p.db.outbox.count()).toBe(0)
  })

  it('a request that never answers times out and is retried', async () => {
    const { k, p } = await phoneWithChanges(1)
    let hung = 0
    const hangOnce: FetchLike = (url, init) => {
      if (isPush(url, init) && hung++ === 0)
        return new Promise((_ok, fail) =>
          init.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))),
        )
      return fetch(url, init)
    }
    // Long enough for the real requests around the hung one on a loaded 2-core CI machine.
    expect(await p.sync({ fetch: hangOnce, timeoutMs: 3_000 })).toMatchObject({ pushed: 2 })
    expect((await serverVersions(server().url, k)).size).toBe(2)
    // Without retries left, the run fails with the reason.
    let again = 0
    const hangAlways: FetchLike = (url, init) =>
      isPush(url, init) || again++ > 100
        ? new Promise((_ok, fail) => init.signal?.addEventListener('abort', () => fail(new Error('aborted'))))
        : fetch(url, init)
    await p.addHousehold(k.area, T0)
    const error = await p.sync({ fetch: hangAlways, timeoutMs: 100, retry: { attempts: 2 } }).catch((e) => e)
    expect(error).toBeInstanceOf(SyncError)
    expect(error).toMatchObject({ reason: 'timeout' })
    expect((await getSyncState(p.db)).lastRun?.error).toEqual({ reason: 'timeout' })
  })

  it('waits as the server asks on 429 and retries', async () => {
    const { p } = await phoneWithChanges(1)
    const waits: number[] = []
    let limited = 0
    const limitOnce: FetchLike = async (url, init) => {
      if (isPush(url, init) && limited++ === 0)
        return new Response(
          JSON.stringify({ error: { reason: 'rate-limited', message: '' }, serverTime: '' }),
          {
            status: 429,
            headers: { 'Retry-After': '7' },
          },
        )
      return fetch(url, init)
    }
    expect(
      await p.sync({
        fetch: limitOnce,
        sleep: async (ms) => {
          waits.push(ms)
        },
      }),
    ).toMatchObject({ pushed: 2 })
    expect(waits).toEqual([7000])
  })

  it('30 days offline, 5,000 changes: sent in batches, interrupted halfway, resumed without loss or repeats', async () => {
    const k = await addKader(server())
    const p = phone('a')
    await p.login(server().url, k)
    // 1,250 households, each made and edited three times over 30 days: 5,000 changes.
    const ids: string[] = []
    for (let i = 0; i < 1250; i++) {
      const at = T0 + Math.floor((i / 1250) * 30 * DAY)
      const h = await p.addHousehold(k.area, at, { headName: `Rumah ${i}` })
      ids.push(h.id)
    }
    for (let round = 1; round <= 3; round++)
      for (const [i, id] of ids.entries())
        await p.editHousehold(id, T0 + round * 10 * DAY + i, { headName: `Rumah ${i} edit ${round}` })
    expect(await p.db.outbox.count()).toBe(5000)

    let pushes = 0
    const dropsAfterFive: FetchLike = (url, init) => {
      if (isPush(url, init) && ++pushes > 5) return Promise.reject(new TypeError('network lost'))
      return fetch(url, init)
    }
    await expect(p.sync({ fetch: dropsAfterFive, retry: { attempts: 1 } })).rejects.toMatchObject({
      reason: 'offline',
    })
    expect(await p.db.outbox.count()).toBe(2500)
    const half = await getSyncState(p.db)
    expect(half).toMatchObject({ pending: 2500 })
    expect(half.lastRun?.error).toEqual({ reason: 'offline' })
    expect(half.progress).toBeUndefined()

    const run = await p.sync()
    expect(run).toMatchObject({ pushed: 2500, rejected: 0 })
    // Gzip: 500 changes of JSON go out as far fewer bytes.
    expect(run.bytesSent).toBeLessThan(2500 * 150)
    expect(await p.db.outbox.count()).toBe(0)
    // Every change is sent with its fields' current values and stamps: the three edits, all made before the
    // first push, travel with the household's first change, and the later ones change nothing (version 1).
    const device = await Device.login(server().url, k.username, k.password)
    const { records } = await device.pullAll()
    expect(records.size).toBe(1250)
    for (const [i, id] of ids.entries()) {
      const held = records.get(id)?.record
      expect(held).toMatchObject({ headName: `Rumah ${i} edit 3`, version: 1 })
      expect(await p.db.households.get(id)).toEqual(held)
    }
  }, 180_000)
})

describe('server killed mid-push', () => {
  let dir: string
  let server: RunningServer | undefined
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kader-sync-'))
  })
  afterAll(async () => {
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('closes during a push and restarts on the same data: the phone retries, nothing lost or doubled', async () => {
    const dataDir = join(dir, 'pg')
    server = await startServer({ dataDir, limits: noLimits, log: () => {} })
    const port = Number(new URL(server.url).port)
    const k = await addKader(server)
    const p = new Phone('a')
    try {
      await p.login(server.url, k)
      for (let i = 0; i < 200; i++) {
        const h = await p.addHousehold(k.area, T0 + i)
        await p.addMember(h.id, T0 + i)
      }
      let killed = false
      const killDuringPush: FetchLike = async (url, init) => {
        if (!isPush(url, init) || killed) return fetch(url, init)
        killed = true
        const pending = fetch(url, init)
        // Let the request reach the server, then stop it mid-way.
        await new Promise((ok) => setTimeout(ok, 5))
        const closing = server?.close()
        server = undefined
        try {
          return await pending
        } finally {
          await closing
        }
      }
      const restart = async () => {
        if (!server) server = await startServer({ dataDir, port, limits: noLimits, log: () => {} })
      }
      const run = await p.sync({ fetch: killDuringPush, sleep: restart, pageSize: 100 })
      expect(killed).toBe(true)
      expect(run.pushed).toBe(400)
      expect(await p.db.outbox.count()).toBe(0)
      const live = server as RunningServer | undefined
      if (!live) throw new Error('server not restarted')
      const versions = await serverVersions(live.url, k)
      expect(versions.size).toBe(400)
      expect([...versions.values()].every((v) => v === 1)).toBe(true)
    } finally {
      await p.close()
    }
  }, 180_000)
})
