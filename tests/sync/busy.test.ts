// A server too busy to take a sync request answers 503 busy with Retry-After (server/app.ts): the phone waits at
// least that long, tries again, and after its tries fails the run with every change still waiting — never splitting
// the batch nor marking a change "perlu diperbaiki" as it would for a batch the server keeps failing on
// (src/sync/isolate.ts). Against the real server, its one sync place held by another kader's request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRejectedChanges, getSyncState } from '../../src/data/sync-state'
import { SyncError } from '../../src/sync/errors'
import { pauseMs, RETRY } from '../../src/sync/run'
import type { FetchLike } from '../../src/sync/transport'
import {
  loggedInKader,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
} from '../server/harness'
import { Phone, T0 } from './phones'

describe.each(TARGETS)('a server too busy for a push, on $name', (target) => {
  let server: TestServer
  let blocker = ''
  /** Ends the blocker's turn; set while its request holds the server's one sync place. */
  let release: (() => void) | undefined
  let turnCame = () => {}

  beforeAll(async () => {
    server = await startTestServer(target, {
      limits: { ...ROOMY_LIMITS, sync: { concurrent: 1, waiting: 0 } },
      admission: {
        admitted: async (session) => {
          if (session.user.username !== blocker) return
          await new Promise<void>((go) => {
            release = go
            turnCame()
          })
        },
      },
    })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('waits Retry-After and more, tries again, then fails the run with nothing lost or marked', async () => {
    const other = await loggedInKader(server)
    blocker = other.username
    let held: Promise<unknown> | undefined
    const block = async () => {
      if (held) return
      const turn = new Promise<void>((came) => {
        turnCame = came
      })
      held = other.device.pull()
      await turn
    }
    const unblock = async () => {
      release?.()
      await held
      held = release = undefined
    }
    // The network edge: a push carrying changes finds the sync place taken; anything else (pulls, an empty push
    // that probes the server) finds it free.
    let busyPushes = 0
    const fetchThrough: FetchLike = async (url, init) => {
      const headers = init.headers as Record<string, string>
      const body = init.body as Uint8Array | undefined
      const carries =
        init.method === 'POST' &&
        body !== undefined &&
        (headers['Content-Encoding'] === 'gzip' ||
          (JSON.parse(new TextDecoder().decode(body)) as { changes: unknown[] }).changes.length > 0)
      if (carries) await block()
      else await unblock()
      const res = await fetch(url, init)
      if (carries && res.status === 503) busyPushes += 1
      return res
    }

    const k = await loggedInKader(server)
    const phone = new Phone('busy')
    try {
      await phone.login(server.url, k)
      await phone.addHousehold(k.area, T0)
      await phone.addHousehold(k.area, T0 + 1)
      const pauses: number[] = []
      const sleep = async (ms: number) => {
        pauses.push(ms)
      }
      await expect(phone.sync({ fetch: fetchThrough, sleep })).rejects.toMatchObject({
        reason: 'server',
        status: 503,
      })
      // Five tries of the whole batch, each after at least the 5 s the server asked for; no halves, no singles.
      expect(busyPushes).toBe(5)
      expect(pauses).toHaveLength(4)
      for (const ms of pauses) expect(ms).toBeGreaterThanOrEqual(5_000)
      expect(await getRejectedChanges(phone.db)).toEqual([])
      expect(await getSyncState(phone.db)).toMatchObject({ pending: 2, rejected: 0 })

      await unblock()
      expect(await phone.sync()).toMatchObject({ pushed: 2, rejected: 0 })
      expect(await getSyncState(phone.db)).toMatchObject({ pending: 0, rejected: 0 })
    } finally {
      await unblock()
      await phone.close()
    }
  })
})

describe('the pause before the next try', () => {
  it('after a 503 is Retry-After plus the jittered backoff; after a 429, Retry-After as it is', () => {
    const busy = new SyncError('server', { status: 503, retryAfterMs: 5_000 })
    expect([0, 0.5, 1].map((r) => pauseMs(busy, 2, RETRY, () => r))).toEqual([5_100, 7_000, 9_000])
    const limited = new SyncError('rate-limited', { status: 429, retryAfterMs: 3_000 })
    expect(pauseMs(limited, 2, RETRY, () => 1)).toBe(3_000)
    expect(pauseMs(new SyncError('server', { status: 500 }), 2, RETRY, () => 1)).toBe(4_000)
  })
})
