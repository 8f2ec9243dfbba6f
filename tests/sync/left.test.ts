// Households that leave the work area (issue 16): a phone whose household moved to another RT learns it on its next
// pull and drops it with its members, visits and follow-ups — except while the kader's own changes to it wait in
// the outbox: then it is kept, and dropped by the first pull after they have left it. Real server, both databases.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { discardRejected } from '../../src/data/discard'
import { rejectedEntries } from '../../src/data/outbox'
import { saveMember } from '../../src/data/write'
import type { Member } from '../../src/protocol/records'
import { leftKey } from '../../src/sync/left'
import { householdInput } from '../records'
import { addKader, TARGETS } from '../server/harness'
import { syncSetup, T0 } from './phones'

describe.each(TARGETS)('households leaving the area, on $name', (target) => {
  const { server, phone } = syncSetup(target)

  async function setup() {
    const desa = `Desa pergi ${randomUUID().slice(0, 8)}`
    const village = await addKader(server(), { desa })
    const rt1 = await addKader(server(), { desa, dusun: 'karanganyar ', rw: '2', rt: '1' })
    const [v, r] = [phone('village'), phone('rt1')]
    await v.login(server().url, village)
    await r.login(server().url, rt1)
    const address = (rt: string) => ({ ...householdInput({}, village.area).address, rt })
    const moveTo = (id: string, rt: string, ms: number) => v.editHousehold(id, ms, { address: address(rt) })
    const add = async (ms: number) => {
      const h = await v.addHousehold(village.area, ms, { address: address('001') })
      const m = await v.addMember(h.id, ms)
      return { h, m }
    }
    return { v, r, rt1, add, moveTo }
  }

  it('drops a household that moved out, with its members, visits and follow-ups; keeps the rest', async () => {
    const { v, r, add, moveTo } = await setup()
    const gone = await add(T0)
    const stays = await add(T0)
    const visit = await v.addVisit(gone.m.id, T0 + 1)
    await v.addFollowUp(visit.id, T0 + 2)
    await v.sync()
    await r.sync()
    expect(await r.db.visits.count()).toBe(1)
    expect(await r.db.followUps.count()).toBe(1)

    await moveTo(gone.h.id, '003', T0 + 10_000)
    await v.sync()
    await r.sync()
    expect((await r.db.households.toArray()).map((h) => h.id)).toEqual([stays.h.id])
    expect((await r.db.members.toArray()).map((m) => m.id)).toEqual([stays.m.id])
    expect(await r.db.visits.count()).toBe(0)
    expect(await r.db.followUps.count()).toBe(0)
    expect(await r.db.clocks.get(`households:${gone.h.id}`)).toBeUndefined()
    // The village phone, whose area still holds it, keeps it.
    expect(await v.db.households.get(gone.h.id)).toMatchObject({ address: { rt: '003' } })

    // Back in RT 1: the RT phone gets it again, member and all.
    await moveTo(gone.h.id, '001', T0 + 20_000)
    await v.sync()
    await r.sync()
    expect((await r.db.members.toArray()).map((m) => m.id).sort()).toEqual([gone.m.id, stays.m.id].sort())
  })

  it('keeps a household that left while the kader has unsent changes to it, and drops it once they are discarded', async () => {
    const { v, r, rt1, add, moveTo } = await setup()
    const { h, m } = await add(T0)
    await v.sync()
    await r.sync()
    // The RT kader weighs the child and corrects the head's name offline; meanwhile the household moves out of her RT.
    await r.addVisit(m.id, T0 + 5_000)
    await r.editHousehold(h.id, T0 + 6_000, { headName: 'Nama Dibetulkan' })
    await moveTo(h.id, '003', T0 + 10_000)
    await v.sync()
    await r.sync()
    // Both were refused (the household is no longer hers), and nothing of it was deleted.
    expect(await r.db.households.get(h.id)).toBeDefined()
    expect(await r.db.visits.count()).toBe(1)
    const refused = await rejectedEntries(r.db)
    expect(refused.map((e) => [e.entity, e.rejected?.reason])).toEqual([
      ['households', 'forbidden'],
      ['visits', 'forbidden'],
    ])
    expect(await r.db.meta.get(leftKey(rt1.area.id))).toMatchObject({ value: [h.id] })

    // "Buang perubahan" on the visit: only it goes; the household waits for its own refused change.
    const [homeChange, visitChange] = refused.map((e) => e.seq as number)
    expect(await discardRejected(visitChange as number, { db: r.db })).toEqual({
      ok: true,
      record: 'removed',
    })
    await r.sync()
    expect(await r.db.households.get(h.id)).toBeDefined()
    expect((await rejectedEntries(r.db)).map((e) => e.entity)).toEqual(['households'])

    // Then on the household's: no refresh is asked for, and the next pull drops it.
    expect(await discardRejected(homeChange as number, { db: r.db })).toEqual({ ok: true, record: 'left' })
    expect(await r.db.outbox.count()).toBe(0)
    await r.sync()
    expect(await r.db.households.count()).toBe(0)
    expect(await r.db.members.count()).toBe(0)
    expect(await r.db.meta.get(leftKey(rt1.area.id))).toBeUndefined()
    // The server kept the village kader's household as she left it.
    await v.sync()
    expect(await v.db.households.get(h.id)).toMatchObject({ headName: h.headName, address: { rt: '003' } })
  })

  it('puts a record back as the server has it when the kader discards her refused edit', async () => {
    const { v, r, add } = await setup()
    const { m } = await add(T0)
    await v.sync()
    await r.sync()
    const before = await r.db.members.get(m.id)
    // A phone whose date is years ahead lets a birth date the server finds in the future: refused.
    r.use()
    const {
      id: _i,
      createdAt: _c,
      updatedAt: _u,
      deviceId: _d,
      version: _v,
      deleted: _x,
      ...input
    } = before as Member
    const edit = { ...input, name: 'Nama Lain', birthDate: '2098-06-18' }
    expect((await saveMember(edit, { id: m.id, now: new Date(T0 + 6_000), today: '2099-01-20' })).ok).toBe(
      true,
    )
    await r.sync()
    const [refused] = await rejectedEntries(r.db)
    expect(refused?.rejected?.issues.map((i) => i.message)).toEqual(['err.birthDate.future'])

    expect(await discardRejected(refused?.seq as number, { db: r.db })).toEqual({
      ok: true,
      record: 'server',
    })
    const summary = await r.sync()
    expect(summary.rejected).toBe(0)
    expect(await r.db.outbox.count()).toBe(0)
    expect(await r.db.members.get(m.id)).toEqual(before)
    expect((await r.db.clocks.get(`members:${m.id}`))?.base).toBeUndefined()
  })
})
