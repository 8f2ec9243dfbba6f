// Visits saved together wait in ONE outbox row (src/data/outbox.ts) and still sync one change per visit, against
// the real server: sent across several batches, acknowledged page by page, a refused visit kept on its own with the
// reason, the app killed between the server's answer and the outbox write, and a per-visit entry written before
// database version 5.
import { describe, expect, it } from 'vitest'
import { uuidv7 } from '../../src/data/ids'
import { entriesOf, isInserts } from '../../src/data/outbox'
import { getRecordSyncStatus, getRejectedChanges, getSyncState } from '../../src/data/sync-state'
import type { FetchLike } from '../../src/sync/transport'
import { addKader, serverRecords, TARGETS } from '../server/harness'
import { syncSetup, T0 } from './phones'

const isPush = (url: string, init: RequestInit) => init.method === 'POST' && url.endsWith('/api/v1/changes')

/** The visit ids the server holds for the kader's area. */
async function serverVisits(url: string, account: { username: string; password: string }) {
  const records = await serverRecords(url, account)
  return [...records.values()].filter((r) => r.entity === 'visits').map((r) => r.record.id as string)
}

describe.each(TARGETS)('outbox rows of visits saved together, on $name', (target) => {
  const { server, phone } = syncSetup(target)

  /** A synced phone with one child, then `count` weighings saved in one call. */
  async function phoneWithVisits(count: number) {
    const k = await addKader(server())
    const p = phone('a')
    await p.login(server().url, k)
    const home = await p.addHousehold(k.area, T0)
    const child = await p.addMember(home.id, T0 + 1, { birthDate: '2023-03-01', relation: 'anak' })
    await p.sync()
    const visits = await p.addVisits(child.id, T0 + 2, count)
    return { k, p, visits }
  }

  it('sends each visit of the row as its own change across batches; a refused one waits alone with its reason', async () => {
    const { k, p, visits } = await phoneWithVisits(7)
    const rows = await p.db.outbox.toArray()
    expect(rows).toHaveLength(1)
    expect(rows.flatMap(entriesOf).map((e) => e.recordId)).toEqual(visits.map((v) => v.id))
    expect(await getSyncState(p.db)).toMatchObject({ pending: 7, rejected: 0 })
    expect(await getRecordSyncStatus(visits[4]?.id ?? '', p.db)).toEqual({ status: 'belum-terkirim' })
    // A visit an older app version stored with a value the server no longer accepts.
    const bad = visits[3]?.id ?? ''
    await p.db.visits.update(bad, { place: 'pasar' as 'rumah' })

    let pushes = 0
    const counting: FetchLike = (url, init) => {
      if (isPush(url, init)) pushes += 1
      return fetch(url, init)
    }
    expect(await p.sync({ fetch: counting, pageSize: 3 })).toMatchObject({ pushed: 6, rejected: 1 })
    expect(pushes).toBe(3)
    expect((await serverVisits(server().url, k)).sort()).toEqual(
      visits
        .map((v) => v.id)
        .filter((id) => id !== bad)
        .sort(),
    )
    const left = await p.db.outbox.toArray()
    expect(left).toHaveLength(1)
    expect(left[0] && !isInserts(left[0]) && left[0].recordId).toBe(bad)
    expect(await getSyncState(p.db)).toMatchObject({ pending: 0, rejected: 1 })
    expect(await getRecordSyncStatus(bad, p.db)).toMatchObject({
      status: 'ditolak',
      rejection: { reason: 'invalid' },
    })
    expect(await getRecordSyncStatus(visits[4]?.id ?? '', p.db)).toEqual({ status: 'terkirim' })
    expect((await getRejectedChanges(p.db)).map((c) => [c.entity, c.recordId])).toEqual([['visits', bad]])
    // The refused visit is not sent again until something changes.
    pushes = 0
    expect(await p.sync({ fetch: counting })).toMatchObject({ pushed: 0, rejected: 0 })
    expect(pushes).toBe(0)
  })

  it('the app killed after the server answered a batch: on restart the rest goes, nothing is stored twice', async () => {
    const { k, p, visits } = await phoneWithVisits(5)
    let pushes = 0
    const killedAtSecond: FetchLike = async (url, init) => {
      const res = await fetch(url, init)
      if (isPush(url, init) && ++pushes === 2) {
        await res.arrayBuffer()
        throw new TypeError('the app was closed')
      }
      return res
    }
    await expect(
      p.sync({ fetch: killedAtSecond, pageSize: 2, retry: { attempts: 1 } }),
    ).rejects.toMatchObject({ reason: 'offline' })
    // The first batch's answer was stored: its two visits left the row; the server has four.
    const waiting = (await p.db.outbox.toArray()).flatMap(entriesOf).map((e) => e.recordId)
    expect(waiting).toEqual(visits.slice(2).map((v) => v.id))
    expect(await serverVisits(server().url, k)).toHaveLength(4)

    expect(await p.sync({ pageSize: 2 })).toMatchObject({ pushed: 3, rejected: 0 })
    const held = await serverVisits(server().url, k)
    expect(held.sort()).toEqual(visits.map((v) => v.id).sort())
    expect(await p.db.outbox.count()).toBe(0)
  })

  it('still sends a visit whose outbox entry was written before database version 5 (one entry per visit)', async () => {
    const { k, p, visits } = await phoneWithVisits(1)
    const [v] = visits
    if (!v) throw new Error('visit')
    await p.db.outbox.clear()
    await p.db.outbox.add({
      changeId: uuidv7(T0 + 2),
      entity: 'visits',
      recordId: v.id,
      version: 1,
      changedFields: Object.keys(v),
      at: v.createdAt,
      deviceId: v.deviceId,
    })
    expect(await getRecordSyncStatus(v.id, p.db)).toEqual({ status: 'belum-terkirim' })
    expect(await p.sync()).toMatchObject({ pushed: 1, rejected: 0 })
    expect(await serverVisits(server().url, k)).toEqual([v.id])
    expect(await p.db.outbox.count()).toBe(0)
  })
})
