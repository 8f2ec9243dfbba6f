// Visits and follow-ups on the reference server (docs/sync-protocol.md): insert-only, idempotent, validated with
// the shared `visit` / `followUp` schemas, scoped through the member's household, pulled like the others.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addKader,
  Device,
  followUpChange,
  hlc,
  newHousehold,
  newMember,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
  visitChange,
} from './harness'

describe.each(TARGETS)('visits and follow-ups on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  async function kaderWithMember() {
    const k = await addKader(server)
    const device = await Device.login(server.url, k.username, k.password)
    const h = newHousehold(k.area)
    const m = newMember(h.recordId)
    await device.push([h, m])
    return { ...k, device, h, m }
  }

  it('stores a visit and its follow-up once, and pulls them with their member', async () => {
    const k = await kaderWithMember()
    const v = visitChange(k.m.recordId, k.h.recordId, k.area.id)
    const f = followUpChange(v)
    const res = await k.device.push([v, f])
    expect(res.body.results).toMatchObject([
      {
        status: 'accepted',
        entity: 'visits',
        record: { id: v.recordId, version: 1, createdAt: '2025-06-15T03:00:05.000Z', deleted: false },
      },
      { status: 'accepted', entity: 'followUps', record: { visitId: v.recordId, outcome: 'sudah_ke_pustu' } },
    ])
    // The same batch again, and the visit under a new change id: duplicates, nothing changes.
    expect((await k.device.push([v, f])).body.results).toEqual(res.body.results)
    const again = {
      ...v,
      changeId: randomUUID(),
      fields: { ...v.fields, place: { value: 'rumah', hlc: hlc(9999) } },
    }
    const dup = await k.device.push([again])
    expect(dup.body.results[0]).toMatchObject({
      status: 'accepted',
      record: { place: 'posyandu', version: 1 },
    })

    // The device that pushed them holds them: its pull leaves them out, yet its cursor moves past them. Another
    // device of the same kader gets them.
    const own = await k.device.pullAll()
    expect([...own.records.keys()].sort()).toEqual([k.h.recordId, k.m.recordId].sort())
    const { records, cursor } = await (await Device.login(server.url, k.username, k.password)).pullAll()
    expect(own.cursor).toEqual(cursor)
    expect(records.size).toBe(4)
    expect(records.get(v.recordId)).toMatchObject({
      entity: 'visits',
      record: { parts: { balita: { weightKg: 12.1 } } },
    })
    expect(records.get(f.recordId)?.entity).toBe('followUps')
  })

  it('applies a whole family in one batch, each change seeing the ones before it, repeats included', async () => {
    const k = await addKader(server)
    const device = await Device.login(server.url, k.username, k.password)
    const h = newHousehold(k.area)
    const m = newMember(h.recordId)
    const v = visitChange(m.recordId, h.recordId, k.area.id)
    const f = followUpChange(v)
    const again = { ...v, changeId: randomUUID() }
    const res = await device.push([f, h, m, v, f, v, again])
    const results = res.body.results
    expect(results.map((r) => r.status)).toEqual([
      'rejected', // the follow-up before its visit
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ])
    expect(results[5]).toEqual(results[3])
    expect(results[6]).toMatchObject({ changeId: again.changeId, record: { id: v.recordId, version: 1 } })
    expect((await device.push([f, h, m, v, f, v, again])).body.results.slice(1)).toEqual(results.slice(1))
    const other = await Device.login(server.url, k.username, k.password)
    expect((await other.pullAll()).records.size).toBe(4)
  })

  it('rejects invalid visits: bad shape, unknown member or visit, a household that is not the member’s', async () => {
    const k = await kaderWithMember()
    const bad = visitChange(k.m.recordId, k.h.recordId, k.area.id)
    bad.fields.place = { value: 'pasar', hlc: hlc(5000) }
    const deleted = visitChange(k.m.recordId, k.h.recordId, k.area.id)
    deleted.fields.deleted = { value: true, hlc: hlc(5000) }
    const noMember = visitChange(randomUUID(), k.h.recordId, k.area.id)
    const wrongHome = visitChange(k.m.recordId, randomUUID(), k.area.id)
    const orphanFollowUp = followUpChange(visitChange(k.m.recordId, k.h.recordId, k.area.id))
    const res = await k.device.push([bad, deleted, noMember, wrongHome, orphanFollowUp])
    expect(res.body.results).toMatchObject([
      { status: 'rejected', reason: 'invalid', issues: [{ path: 'place', message: 'err.visit.place' }] },
      {
        status: 'rejected',
        reason: 'invalid',
        issues: [{ path: 'fields.deleted', message: 'err.field.unknown' }],
      },
      {
        status: 'rejected',
        reason: 'invalid',
        issues: [{ path: 'memberId', message: 'err.member.missing' }],
      },
      {
        status: 'rejected',
        reason: 'invalid',
        issues: [{ path: 'householdId', message: 'err.record.mismatch' }],
      },
      { status: 'rejected', reason: 'invalid', issues: [{ path: 'visitId', message: 'err.visit.missing' }] },
    ])
    expect((await k.device.pullAll()).records.size).toBe(2)
  })

  it("scopes visits by the member's household: another kader can neither push nor pull them", async () => {
    const k = await kaderWithMember()
    const other = await addKader(server)
    const stranger = await Device.login(server.url, other.username, other.password)
    const v = visitChange(k.m.recordId, k.h.recordId, other.area.id)
    expect((await stranger.push([v])).body.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'forbidden',
    })
    await k.device.push([v])
    expect((await stranger.push([v])).body.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'forbidden',
    })
    expect((await stranger.pullAll()).records.size).toBe(0)
  })
})
