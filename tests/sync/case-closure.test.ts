// Closing a case (pindah, meninggal, tidak ditemukan), a child's mother and a delivery sync as member fields through
// the real server, never as a delete: the other phone sees the closure, a member-form edit keeps it, a reopening
// clears it; a delivery arrives with its baby and the baby's birth visit.
import { describe, expect, it } from 'vitest'
import { recordDelivery } from '../../src/data/delivery'
import { uuidv7s } from '../../src/data/ids'
import { setMemberClosure } from '../../src/data/write'
import type { Member } from '../../src/protocol/records'
import { addKader, TARGETS } from '../server/harness'
import { ok, syncSetup, T0, TODAY } from './phones'

describe.each(TARGETS)('case closure and mother on $name', (target) => {
  const { server, phone } = syncSetup(target)

  it('closes on one phone, is closed on the other, survives an edit, and reopens', async () => {
    const k = await addKader(server())
    const [a, b] = [phone('a'), phone('b')]
    await a.login(server().url, k)
    await b.login(server().url, k)
    const home = await a.addHousehold(k.area, T0)
    const mother = await a.addMember(home.id, T0, { name: 'Sari', sex: 'P', relation: 'istri' })
    const child = await a.addMember(home.id, T0, {
      name: 'Ayu',
      birthDate: '2024-02-01',
      relation: 'anak',
      motherId: mother.id,
    })
    a.use()
    const closure = { reason: 'pindah' as const, date: TODAY, note: 'ke Bandung' }
    ok(await setMemberClosure(child.id, closure, { now: new Date(T0 + 1000), today: TODAY }))
    await a.sync()
    await b.sync()
    const onB = (await b.db.members.get(child.id)) as Member
    expect(onB).toMatchObject({ closure, motherId: mother.id, deleted: false })

    // An edit from the member form on B (which never sends the closure) keeps it.
    ok(await b.editMember(child.id, T0 + 2000, { name: 'Ayu Lestari', closure: undefined }))
    expect(await b.db.members.get(child.id)).toMatchObject({ name: 'Ayu Lestari', closure })
    await b.sync()
    await a.sync()
    expect(await a.db.members.get(child.id)).toMatchObject({ name: 'Ayu Lestari', closure })

    // Reopened on A: B sees no closure any more; both phones hold the same records and stamps.
    a.use()
    ok(await setMemberClosure(child.id, undefined, { now: new Date(T0 + 3000), today: TODAY }))
    await a.sync()
    await b.sync()
    expect((await b.db.members.get(child.id))?.closure).toBeUndefined()
    expect(await b.state()).toEqual(await a.state())
  })

  it('sends a delivery: the mother’s record, the baby and the birth visit arrive on the other phone', async () => {
    const k = await addKader(server())
    const [a, b] = [phone('a'), phone('b')]
    await a.login(server().url, k)
    await b.login(server().url, k)
    const home = await a.addHousehold(k.area, T0)
    const mother = await a.addMember(home.id, T0, {
      name: 'Sari',
      sex: 'P',
      birthDate: '1995-04-12',
      relation: 'istri',
    })
    a.use()
    const [babyId, visitId] = uuidv7s(2, T0 + 1000) as [string, string]
    const delivery = {
      date: '2025-06-14',
      time: '22:30',
      outcome: 'lahir_hidup' as const,
      place: 'fasyankes' as const,
      attendant: 'nakes' as const,
    }
    ok(
      await recordDelivery(
        mother.id,
        { delivery, baby: { name: 'Bayi Ny. Sari', sex: 'L', relation: 'anak', weightKg: 3.2 } },
        { now: new Date(T0 + 1000), today: TODAY, babyId, visitId },
      ),
    )
    await a.sync()
    await b.sync()
    expect(await b.db.members.get(mother.id)).toMatchObject({ delivery, deliveryDate: '2025-06-14' })
    expect(await b.db.members.get(babyId)).toMatchObject({ motherId: mother.id, birthDate: '2025-06-14' })
    expect(await b.db.visits.get(visitId)).toMatchObject({ memberId: babyId, place: 'buku_kia' })
    expect(await b.state()).toEqual(await a.state())
  })

  it('refuses a closure dated after today or before the birth, storing nothing', async () => {
    const a = phone('a')
    const home = await a.addHousehold(undefined, T0)
    const child = await a.addMember(home.id, T0, { birthDate: '2024-02-01', relation: 'anak' })
    a.use()
    const close = (date: string) =>
      setMemberClosure(child.id, { reason: 'meninggal', date }, { now: new Date(T0 + 1000), today: TODAY })
    expect(await close('2025-06-16')).toMatchObject({
      ok: false,
      errors: { date: { key: 'err.closure.future' } },
    })
    expect(await close('2024-01-31')).toMatchObject({
      ok: false,
      errors: { date: { key: 'err.closure.beforeBirth' } },
    })
    expect((await a.db.members.get(child.id))?.closure).toBeUndefined()
  })
})
