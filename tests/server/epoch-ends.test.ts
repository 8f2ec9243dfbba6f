// desa_epoch_ends does not grow without bound (issue 16): every server start compacts it, deleting the rows only
// phones silent for longer than a token lives could read. A phone that synced since keeps a valid cursor; one that
// did not is answered from 0 — never skipping a record; and no cursor's end is ever raised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cursorEnds, openEpoch } from '../../server/sync/epochs'
import {
  addKader,
  Device,
  hlc,
  newHousehold,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
} from './harness'

const DAY_MS = 86_400_000

describe.each(TARGETS)('compacting the epoch ends, on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('forgets what only long-silent phones read: they pull again from 0, the others go on', async () => {
    const { db } = server
    const k = await addKader(server)
    const phone = (name: string) => Device.login(server.url, k.username, k.password, name)
    const pushed: string[] = []
    const pushOne = async (name: string) => {
      const h = newHousehold(k.area, hlc(pushed.length, name))
      pushed.push(h.recordId)
      expect((await (await phone(name)).push([h])).status).toBe(200)
    }
    // Four process starts (epochs), the desa pushed in each, a phone last synced in each of the first three.
    const epochs = [
      (await db.query<{ id: string }>('SELECT id FROM sync_epochs ORDER BY started_at'))[0]?.id ?? '',
    ]
    const synced = []
    for (const name of ['p0', 'p1', 'p2']) {
      await pushOne(name)
      const p = await phone(name)
      synced.push({ device: p, from: await p.pullAll() })
      epochs.push(await openEpoch(db))
    }
    await pushOne('p3')
    // The epochs started 300, 200 and 100 days ago, and now.
    for (const [i, days] of [300, 200, 100, 0].entries())
      await db.query('UPDATE sync_epochs SET started_at = $2 WHERE id = $1', [
        epochs[i],
        new Date(Date.now() - days * DAY_MS),
      ])
    const [desa] = Object.keys(synced[0]?.from.cursor ?? {})
    const endsOf = async () =>
      Promise.all(epochs.map(async (e) => (await cursorEnds(db, [desa ?? ''], e))?.get(desa ?? '') ?? -1))
    const before = await endsOf()
    const rows = async () =>
      Number(
        (
          await db.query<{ n: string }>('SELECT count(*) AS n FROM desa_epoch_ends WHERE desa_key = $1', [
            desa,
          ])
        )[0]?.n,
      )
    expect(await rows()).toBe(3)

    epochs.push(await openEpoch(db))
    // p0's and p1's epochs ended when an epoch more than 90 days old started: only p2's row is kept.
    expect(await rows()).toBe(1)
    const after = await endsOf()
    for (const [i, end] of before.entries()) expect(after[i]).toBeLessThanOrEqual(end)
    expect(after[2]).toBe(before[2])

    const [p0, p1, p2] = await Promise.all(synced.map((s) => s.device.pullAll(500, s.from)))
    // Silent since: pulled again from 0, every record there.
    for (const p of [p0, p1]) {
      expect(p?.reset).toBe(true)
      expect([...(p?.records.keys() ?? [])].sort()).toEqual([...pushed].sort())
    }
    // Its epoch ended only now (it may have synced yesterday): its cursor holds, it gets only what came after.
    expect(p2?.reset).toBe(false)
    expect([...(p2?.records.keys() ?? [])]).toEqual([pushed[3]])
  })
})
