// What the server keeps, and for how long (issue 11 item 9, UU 27/2022 PDP): applied change ids keep only what
// idempotency needs and go after 30 days; a deleted household or member keeps only its tombstone after 90 days,
// and the visits and follow-ups of a deleted member go with its data — on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatHlc } from '../../src/protocol/hlc'
import {
  change,
  Device,
  followUpChange,
  loggedInKader,
  newHousehold,
  newMember,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
  visitChange,
} from './harness'

const DAY = 86_400_000
const NIK = '3301015204900001'

describe.each(TARGETS)('retention on $name', (target) => {
  let server: TestServer
  let clock = Date.now()
  const stamp = (offsetMs = 0) =>
    formatHlc({ millis: clock - 60_000 + offsetMs, counter: 0, node: 'device-a' })
  beforeAll(async () => {
    server = await startTestServer(target, {
      now: () => clock,
      limits: ROOMY_LIMITS,
    })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  const kader = () => loggedInKader(server)
  const rows = (table: string, column: string, ids: string[]) =>
    server.db.query<Record<string, unknown>>(
      `SELECT * FROM ${table} WHERE ${column} IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(ids)],
    )

  it('keeps a change id and what it changed, never the record, and forgets it after 30 days', async () => {
    clock = Date.now()
    const k = await kader()
    const h = newHousehold(k.area, stamp())
    const m = newMember(h.recordId, stamp(), { nik: NIK, name: 'Siti Rahasia' })
    const batch = [h, m]
    const first = await k.device.push(batch)
    const kept = await rows('applied_changes', 'change_id', [h.changeId, m.changeId])
    expect(kept).toHaveLength(2)
    expect(Object.keys(kept[0] ?? {}).sort()).toEqual([
      'applied_at',
      'change_id',
      'desa_key',
      'entity',
      'record_id',
    ])
    expect(JSON.stringify(kept)).not.toMatch(/Rahasia|3301015204900001/)
    // Answered again with the record as it is — the same, since nothing changed it.
    expect((await k.device.push(batch)).body.results).toEqual(first.body.results)

    const { cursor, epoch } = await k.device.pullAll()
    clock += 31 * DAY
    expect(await server.purge()).toMatchObject({ appliedChanges: expect.any(Number) })
    expect(await rows('applied_changes', 'change_id', [h.changeId, m.changeId])).toEqual([])
    // A batch re-sent after that still applies nothing twice: same stamps, nothing new to pull.
    const late = await k.device.push(batch)
    expect(late.body.results).toEqual(first.body.results)
    expect((await k.device.pull(cursor, { epoch })).body.records).toEqual([])
  })

  it('keeps only the tombstone of a deleted member after 90 days; its visits and follow-ups go with it', async () => {
    clock = Date.now()
    const k = await kader()
    const h = newHousehold(k.area, stamp())
    const m = newMember(h.recordId, stamp(), { nik: NIK, name: 'Siti Rahasia' })
    const v = visitChange(m.recordId, h.recordId, k.area.id, stamp())
    const f = followUpChange(v, stamp())
    const kept = newMember(h.recordId, stamp(), { name: 'Tetap Ada' })
    await k.device.push([h, m, v, f, kept])
    const before = await k.device.pullAll()
    const deletion = stamp(1000)
    await k.device.push([change('members', m.recordId, { deleted: true }, deletion)])

    clock += 89 * DAY
    await server.purge()
    expect(JSON.stringify(await rows('records', 'id', [m.recordId]))).toMatch(/Rahasia/)
    clock += 2 * DAY
    expect(await server.purge()).toMatchObject({ tombstones: 1, children: 2 })
    const [tomb] = await rows('records', 'id', [m.recordId])
    expect(JSON.stringify(tomb)).not.toMatch(/Rahasia|3301015204900001|1990-04-12/)
    expect(await rows('records', 'id', [v.recordId, f.recordId])).toEqual([])
    expect(JSON.stringify(await rows('records', 'id', [kept.recordId]))).toMatch(/Tetap Ada/)

    // A phone that never heard of the deletion learns it from the tombstone (after logging in again: its token
    // expired unused).
    const back = await Device.login(server.url, k.username, k.password)
    const late = await back.pull(before.cursor, { epoch: before.epoch })
    expect(late.body.records).toEqual([
      expect.objectContaining({
        entity: 'members',
        purged: true,
        record: expect.objectContaining({ id: m.recordId, deleted: true }),
        hlcs: { deleted: deletion },
      }),
    ])
    expect(JSON.stringify(late.body)).not.toMatch(/Rahasia|3301015204900001/)

    // An edit from a phone offline all that time changes nothing and stores nothing.
    const stale = await back.push([
      change('members', m.recordId, { name: 'Siti Rahasia', nik: NIK }, stamp(2000)),
    ])
    expect(stale.body.results[0]).toMatchObject({
      status: 'accepted',
      purged: true,
      record: { deleted: true },
    })
    expect(JSON.stringify(await rows('records', 'id', [m.recordId]))).not.toMatch(/Rahasia/)
  })
})
