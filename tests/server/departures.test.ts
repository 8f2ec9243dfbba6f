// Households leaving an area (issue 16; docs/sync-protocol.md, "Pull"): a phone whose area held a household that
// moved out of it — to another RT of the desa, or to another desa — is told on its next pull (`left`), in change
// order, and only when the household's new place is outside all of its areas.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { householdInput } from '../records'
import {
  addKader,
  change,
  Device,
  hlc,
  moveToDesa,
  newHousehold,
  newMember,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
} from './harness'

describe.each(TARGETS)('households leaving an area, on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  const login = async (k: Awaited<ReturnType<typeof addKader>>, deviceId: string) =>
    Device.login(server.url, k.username, k.password, deviceId)

  it('tells an RT kader that a household moved to another RT, and brings it back when it returns', async () => {
    const desa = `Desa pindah ${randomUUID().slice(0, 8)}`
    const village = await addKader(server, { desa })
    const rt1 = await addKader(server, { desa, dusun: 'karanganyar ', rw: '2', rt: '1' })
    const [phone, rtPhone] = [await login(village, 'phone-v'), await login(rt1, 'phone-r')]
    const address = householdInput({}, village.area).address
    const at = (rt: string, ms: number) =>
      change('households', h.recordId, { address: { ...address, rt } }, hlc(ms, 'phone-v'))
    const h = newHousehold(village.area, hlc(0, 'phone-v'), { address: { ...address, rt: '001' } })
    const m = newMember(h.recordId, hlc(0, 'phone-v'))
    const stays = newHousehold(village.area, hlc(0, 'phone-v'), { address: { ...address, rt: '001' } })
    await phone.push([h, m, stays])
    const [synced, rtSynced] = [await phone.pullAll(), await rtPhone.pullAll()]
    expect(rtSynced.records.size).toBe(3)

    await phone.push([at('003', 10_000)])
    // Page by page: the departure comes in change order, and the cursor moves past it.
    const gone = await rtPhone.pullAll(1, rtSynced)
    expect([...gone.left]).toEqual([h.recordId])
    expect(gone.records.size).toBe(0)
    expect((await rtPhone.pullAll(500, gone)).left.size).toBe(0)
    // The whole desa's kader still holds it: no departure for her, the household (new address) and its member.
    const village2 = await phone.pullAll(500, synced)
    expect(village2.left.size).toBe(0)
    expect([...village2.records.keys()].sort()).toEqual([h.recordId, m.recordId].sort())

    // Moved on within RTs outside the area, then back: back with its member, and no departure any more.
    await phone.push([at('004', 20_000)])
    await phone.push([at('1', 30_000)])
    const back = await rtPhone.pullAll(500, gone)
    expect(back.left.size).toBe(0)
    expect([...back.records.keys()].sort()).toEqual([h.recordId, m.recordId].sort())
    // A new phone of the RT kader, pulling from 0, is told of no departure of a household it never had.
    expect((await (await login(rt1, 'phone-r2')).pullAll()).left.size).toBe(0)
  })

  it('tells the old desa that a household moved to another desa, and not the new one', async () => {
    const [a, b] = [await addKader(server), await addKader(server)]
    const [phoneA, phoneB] = [await login(a, 'device-a'), await login(b, 'device-b')]
    const h = newHousehold(a.area)
    await phoneA.push([h, newMember(h.recordId)])
    const [syncedA, syncedB] = [await phoneA.pullAll(), await phoneB.pullAll()]
    const result = await moveToDesa(server, h.recordId, a.area, b.area, hlc(60_000))
    expect(result).toMatchObject({ status: 'accepted' })

    const afterA = await phoneA.pullAll(500, syncedA)
    expect([...afterA.left]).toEqual([h.recordId])
    expect(afterA.records.size).toBe(0)
    const afterB = await phoneB.pullAll(500, syncedB)
    expect(afterB.left.size).toBe(0)
    expect(afterB.records.size).toBe(2)
  })
})
