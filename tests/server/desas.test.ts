// Change sequences per desa (issue 16): a household moving to another desa is one transaction over both desas'
// sequences, and a push held open in one desa does not hold up a push in another (PostgreSQL: PGlite runs one
// transaction at a time by design).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { areaOfWorkArea, desaKey } from '../../server/scope'
import type { WorkAreaInfo } from '../../src/protocol/wire'
import {
  addKader,
  change,
  Device,
  followUpChange,
  hlc,
  moveToDesa,
  newHousehold,
  newMember,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
  visitChange,
} from './harness'

const keyOf = (area: WorkAreaInfo) => desaKey(areaOfWorkArea(area))

describe.each(TARGETS)('a household moving to another desa, on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('moves with its history in one transaction over both desas, and the new desa pulls all of it', async () => {
    const a = await addKader(server)
    const b = await addKader(server)
    const phoneA = await Device.login(server.url, a.username, a.password)
    const phoneB = await Device.login(server.url, b.username, b.password)
    const h = newHousehold(a.area)
    const m = newMember(h.recordId)
    const v = visitChange(m.recordId, h.recordId, a.area.id)
    const f = followUpChange(v)
    await phoneA.push([h, m, v, f])
    const own = newHousehold(b.area, hlc(1000))
    await phoneB.push([own])
    const [syncedA, syncedB] = [await phoneA.pullAll(), await phoneB.pullAll()]
    // The visit and follow-up this phone pushed are left out of its pulls (it holds them).
    expect([...syncedA.records.keys()].sort()).toEqual([h.recordId, m.recordId].sort())
    expect([...syncedB.records.keys()]).toEqual([own.recordId])

    // A session over both desas (a supervisor's) moves the household from A to B.
    const locked: (readonly string[])[] = []
    const result = await moveToDesa(server, h.recordId, a.area, b.area, hlc(60_000), async (desas) => {
      locked.push(desas)
    })
    expect(result).toMatchObject({ status: 'accepted', record: { address: { desa: b.area.desa } } })
    expect(locked).toEqual([[keyOf(a.area), keyOf(b.area)].sort()])

    // Every row of the household now lies in desa B, none is left in A.
    const rows = await server.db.query<{ desa_key: string; n: string | number }>(
      'SELECT desa_key, count(*) AS n FROM records WHERE household_id = $1 GROUP BY desa_key',
      [h.recordId],
    )
    expect(rows.map((r) => [r.desa_key, Number(r.n)])).toEqual([[keyOf(b.area), 4]])
    // B's phone, synced before the move, now gets the household with its whole history; A's gets nothing new.
    const afterB = await phoneB.pullAll(500, syncedB)
    expect([...afterB.records.keys()].sort()).toEqual([h.recordId, m.recordId, v.recordId, f.recordId].sort())
    expect((await phoneA.pullAll(500, syncedA)).records.size).toBe(0)
    // B's kader may now edit the member; A's may not.
    const rename = (node: string) =>
      change('members', m.recordId, { name: `Siti ${node}` }, hlc(90_000, node))
    expect((await phoneB.push([rename('device-a')])).body.results[0]).toMatchObject({ status: 'accepted' })
    const refused = await phoneA.push([rename('device-a')])
    expect(refused.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' })
  })

  it("numbers each desa's changes on its own sequence: a push in one desa leaves the other's alone", async () => {
    const a = await addKader(server)
    const b = await addKader(server)
    const phoneA = await Device.login(server.url, a.username, a.password)
    const phoneB = await Device.login(server.url, b.username, b.password)
    await phoneA.push([newHousehold(a.area), newHousehold(a.area)])
    await phoneB.push([newHousehold(b.area)])
    const seqs = async () =>
      new Map(
        (
          await server.db.query<{ desa_key: string; last_seq: string | number }>(
            'SELECT desa_key, last_seq FROM desa_seqs WHERE desa_key = ANY($1::text[])',
            [[keyOf(a.area), keyOf(b.area)]],
          )
        ).map((r) => [r.desa_key, Number(r.last_seq)]),
      )
    const before = await seqs()
    await phoneB.push([newHousehold(b.area)])
    const after = await seqs()
    expect(after.get(keyOf(a.area))).toBe(before.get(keyOf(a.area)))
    expect(after.get(keyOf(b.area))).toBe((before.get(keyOf(b.area)) ?? Number.NaN) + 1)
    // The pull's cursors name the kader's one desa.
    expect(Object.keys((await phoneA.pull()).body.cursors)).toEqual([keyOf(a.area)])
  })
})

describe.each(TARGETS)('pull cursors, on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('refuses cursors that are not what a pull answered (400), and drops the desas outside the area', async () => {
    const k = await addKader(server)
    const phone = await Device.login(server.url, k.username, k.password)
    const desa = keyOf(k.area)
    for (const bad of ['5', '[]', 'null', '{"Bolang":1}', `{"${desa}":-1}`, `{"${desa}":1.5}`, '{'])
      expect((await phone.pull({}, { cursors: bad })).status, bad).toBe(400)
    const many = Object.fromEntries(
      Array.from({ length: 201 }, (_, i) => [i.toString(16).padStart(16, '0'), 0]),
    )
    expect((await phone.pull(many)).status).toBe(400)
    const other = '0123456789abcdef'
    expect((await phone.pull({ [other]: 5, [desa]: 0 })).body.cursors).toEqual({ [desa]: 0 })
  })
})

describe.each(TARGETS.filter((t) => t.databaseUrl))('pushes in two desas at once, on $name', (target) => {
  let server: TestServer
  let held: { desa: string; entered: () => void; release: Promise<void> } | undefined
  beforeAll(async () => {
    server = await startTestServer(target, {
      limits: ROOMY_LIMITS,
      insidePush: async (desas) => {
        const h = held
        if (h && desas.includes(h.desa)) {
          h.entered()
          await h.release
        }
      },
    })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('lets a push in desa B complete while a push in desa A holds its transaction open', async () => {
    const a = await addKader(server)
    const b = await addKader(server)
    const phoneA = await Device.login(server.url, a.username, a.password)
    const phoneB = await Device.login(server.url, b.username, b.password)
    let release = () => {}
    let entered = () => {}
    const inside = new Promise<void>((ok) => {
      entered = ok
    })
    held = { desa: keyOf(a.area), entered, release: new Promise<void>((ok) => (release = ok)) }
    const pushA = phoneA.push([newHousehold(a.area)])
    await inside
    // Desa A's transaction is open, its sequence locked: desa B's push goes through, and A's own area still pulls.
    const pushB = await phoneB.push([newHousehold(b.area)])
    expect(pushB.body.results.map((r) => r.status)).toEqual(['accepted'])
    expect((await phoneB.pullAll()).records.size).toBe(1)
    expect((await phoneA.pullAll()).records.size).toBe(0)
    held = undefined
    release()
    expect((await pushA).body.results.map((r) => r.status)).toEqual(['accepted'])
    expect((await phoneA.pullAll()).records.size).toBe(1)
  })
})
