// "Perlu diperbaiki" speaks to a kader: refusals from the real server (both databases), read back from the phone as
// the list reads them, name each field by its form's label and give the reason in Bahasa Indonesia and English —
// no "address:" or "birthDate:" left over.
import { describe, expect, it } from 'vitest'
import { getRejectedChanges } from '../../src/data/sync-state'
import { saveVisit } from '../../src/data/visits'
import { saveMember } from '../../src/data/write'
import { refusalText } from '../../src/ui/sync/refusal-text'
import { memberInput } from '../records'
import { addKader, TARGETS } from '../server/harness'
import { ok, syncSetup, T0 } from './phones'

describe.each(TARGETS)('a refusal in the kader’s words, on $name', (target) => {
  const { server, phone } = syncSetup(target)

  it('names the refused fields by their labels, in both languages', async () => {
    const kader = await addKader(server())
    const a = phone('a')
    // Registered before the first login, in the phone's own area: not the kader's, refused as outside it.
    const elsewhere = await a.addHousehold(undefined, T0, { headName: 'Joko Lain' })
    await a.login(server().url, kader)
    const home = await a.addHousehold(kader.area, T0)
    const mother = await a.addMember(home.id, T0)
    a.use()
    // A phone whose date is years ahead saves a birth date and a visit the server finds in the future.
    ok(
      await saveMember(memberInput(home.id, { name: 'Ani', birthDate: '2098-06-18', relation: 'anak' }), {
        now: new Date(T0 + 1_000),
        today: '2099-01-20',
      }),
    )
    const weighing = { memberId: mother.id, place: 'posyandu', parts: { balita: { weightKg: 12.1 } } }
    ok(
      await saveVisit(
        { ...weighing, date: '2099-01-20' },
        { now: new Date(T0 + 2_000), today: '2099-01-20' },
      ),
    )
    await a.sync()

    const refused = await getRejectedChanges(a.db)
    const text = (lang: 'id' | 'en') =>
      Object.fromEntries(
        refused.map((r) => [r.recordId === elsewhere.id ? 'household' : r.entity, refusalText(lang, r)]),
      )
    expect(text('id')).toEqual({
      household: 'Alamat: Alamat di luar wilayah kerja.',
      members: 'Tanggal lahir: Tanggal lahir tidak boleh setelah hari ini.',
      visits: 'Tanggal: Tanggal tidak boleh setelah hari ini.',
    })
    expect(text('en')).toEqual({
      household: 'Address: The address is outside the work area.',
      members: 'Date of birth: The date of birth cannot be after today.',
      visits: 'Date: The date cannot be after today.',
    })
  })
})
