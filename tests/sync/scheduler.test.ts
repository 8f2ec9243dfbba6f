// When sync runs (src/sync/scheduler.ts): at start, on 'online', on the service worker's SYNC_REQUESTED message,
// on the interval while online and visible, on the button — and never two runs at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncRunSummary } from '../../src/data/sync-state'
import type { SyncError } from '../../src/sync/errors'
import { SW_SYNC_MESSAGE, startSyncScheduler } from '../../src/sync/scheduler'
import type { FetchLike } from '../../src/sync/transport'
import { addKader, START_TIMEOUT_MS, startTestServer, TARGETS, type TestServer } from '../server/harness'
import { Phone, T0 } from './phones'

const settle = (ms = 50) => new Promise((ok) => setTimeout(ok, ms))
/** Waits until `done` holds (a loaded CI machine may take seconds for a run); fails the test if it never does. */
async function until(done: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms`)
    await settle(25)
  }
}

describe.each(TARGETS.slice(0, 1))('sync scheduler on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: { perToken: { burst: 100_000, perMinute: 100_000 } } })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('runs on start, online, the service worker message, the interval and the button; one run at a time', async () => {
    const k = await addKader(server)
    const p = new Phone('a')
    await p.login(server.url, k)
    await p.addHousehold(k.area, T0)
    let inFlight = 0
    let maxInFlight = 0
    const slow: FetchLike = async (url, init) => {
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      try {
        await settle(20)
        return await fetch(url, init)
      } finally {
        inFlight -= 1
      }
    }
    const win = new EventTarget()
    const sw = new EventTarget()
    const doc = new EventTarget()
    const outcomes: (SyncRunSummary | SyncError)[] = []
    let visible = false
    const scheduler = startSyncScheduler({
      baseUrl: server.url,
      db: p.db,
      fetch: slow,
      intervalMs: 150,
      events: { window: win, serviceWorker: sw, document: doc },
      isOnline: () => true,
      isVisible: () => visible,
      onRun: (o) => outcomes.push(o),
    })
    try {
      // The start run, with three more triggers while it runs: they make one follow-up run, not three.
      win.dispatchEvent(new Event('online'))
      sw.dispatchEvent(new MessageEvent('message', { data: { type: SW_SYNC_MESSAGE } }))
      const button = await scheduler.syncNow()
      expect(button).toMatchObject({ pushed: 1 })
      await until(() => outcomes.length >= 2)
      await settle(300) // no third run follows
      expect(outcomes.length).toBe(2)
      expect(maxInFlight).toBe(1)

      sw.dispatchEvent(new MessageEvent('message', { data: { type: 'SOMETHING_ELSE' } }))
      await settle(300)
      expect(outcomes.length).toBe(2)
      sw.dispatchEvent(new MessageEvent('message', { data: { type: SW_SYNC_MESSAGE } }))
      await until(() => outcomes.length >= 3)
      expect(outcomes.length).toBe(3)

      // The interval runs only while the app is visible.
      visible = true
      await until(() => outcomes.length > 3)
      expect(outcomes.every((o) => !(o instanceof Error))).toBe(true)
      expect(maxInFlight).toBe(1)
    } finally {
      scheduler.stop()
      await settle(300)
      await p.close()
    }
  }, 90_000)

  it('sends local changes once the kader pauses, at the latest maxMs after the first, and not while offline', async () => {
    const k = await addKader(server)
    const p = new Phone('b')
    await p.login(server.url, k)
    const outcomes: (SyncRunSummary | SyncError)[] = []
    let online = true
    const scheduler = startSyncScheduler({
      baseUrl: server.url,
      db: p.db,
      intervalMs: 3_600_000,
      sendAfterChange: { quietMs: 400, maxMs: 1_200 },
      events: { window: new EventTarget(), serviceWorker: new EventTarget(), document: new EventTarget() },
      isOnline: () => online,
      isVisible: () => true,
      onRun: (o) => outcomes.push(o),
    })
    const pushed = () => outcomes.reduce((n, o) => n + ('pushed' in o ? o.pushed : 0), 0)
    try {
      await until(() => outcomes.length >= 1) // the start-up run
      const started = outcomes.length
      // A burst of three saves: one run once they stop.
      await p.addHousehold(k.area, T0)
      await p.addHousehold(k.area, T0 + 1)
      await p.addHousehold(k.area, T0 + 2)
      await until(() => outcomes.length > started)
      expect(outcomes.slice(started)).toMatchObject([{ pushed: 3 }])

      // Saves that never pause for quietMs still go out: maxMs after the first.
      const before = outcomes.length
      for (let i = 0; i < 12; i++) {
        await p.addHousehold(k.area, T0 + 10 + i)
        await settle(200)
      }
      expect(outcomes.length).toBeGreaterThan(before)
      await until(() => pushed() === 15)

      // A save whose wait was running when the signal went: it waits for the signal too.
      const offlineFrom = outcomes.length
      await p.addHousehold(k.area, T0 + 98)
      await settle(150) // seen by the scheduler, well within its 400 ms wait
      online = false
      await p.addHousehold(k.area, T0 + 99)
      await settle(1_500)
      expect(outcomes.length).toBe(offlineFrom)
    } finally {
      scheduler.stop()
      await settle(300)
      await p.close()
    }
  }, 90_000)
})
