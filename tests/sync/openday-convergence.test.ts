// Several kaders' phones recording the same open day — one at the registration table, one weighing, one giving
// services — each offline part of the time, syncing in their own order through the real server: once all have
// synced they hold the same visits and see the same day (everyone's step) and the same rekap.
import { describe, expect, it } from 'vitest'
import { checkIn, openDayVisits, saveWalkIn } from '../../src/data/openday'
import { saveVisit } from '../../src/data/visits'
import { DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import { currentVisits, openDayQueue, openDayRekap } from '../../src/domain/openday'
import { visitFindings } from '../../src/domain/visit-findings'
import { addKader, TARGETS } from '../server/harness'
import { ok, type Phone, syncSetup, T0, TODAY } from './phones'

const at = (minutes: number) => ({ now: new Date(T0 + minutes * 60_000), today: TODAY })

/** The day as a phone sees it: each person's step, and the rekap's counts. */
async function dayOn(phone: Phone, workAreaId: string) {
  const db = phone.use()
  const members = await db.members.toArray()
  const visits = currentVisits(await openDayVisits(workAreaId, TODAY))
  const visitsOf = (id: string) => visits.filter((v) => v.memberId === id)
  const queue = openDayQueue(members, visitsOf, TODAY)
  const byId = new Map(members.map((m) => [m.id, m]))
  const rekap = openDayRekap(TODAY, queue, (e) => {
    const member = byId.get(e.memberId)
    return member
      ? e.visits.flatMap((v) => visitFindings(v, member, visitsOf(e.memberId), DEFAULT_CLINICAL_SETTINGS))
      : []
  })
  return {
    steps: Object.fromEntries(queue.map((e) => [byId.get(e.memberId)?.name, e.attendance])),
    rows: rekap.rows,
    absent: rekap.absent.map((e) => byId.get(e.memberId)?.name).sort(),
  }
}

describe.each(TARGETS)('an open day on several phones, on $name', (target) => {
  const { server, phone } = syncSetup(target)

  it('converges: the same visits, the same steps and the same rekap on every phone', async () => {
    const k = await addKader(server())
    const [registration, weighing, services] = [phone('registration'), phone('weighing'), phone('services')]
    for (const p of [registration, weighing, services]) await p.login(server().url, k)
    const child = async (name: string, birthDate: string, i: number) => {
      const h = await registration.addHousehold(k.area, T0 - 1000 * i, { headName: `Kepala ${name}` })
      return registration.addMember(h.id, T0 - 1000 * i, { name, sex: 'L', birthDate, relation: 'anak' })
    }
    const rizky = await child('Rizky', '2023-03-01', 1)
    const adi = await child('Adi', '2024-01-10', 2)
    const bayu = await child('Bayu', '2022-11-20', 3)
    await child('Dimas', '2023-08-08', 4)
    for (const p of [registration, weighing, services]) await p.sync()

    // Registration checks three children in; the weighing table, offline, weighs Rizky without having seen it.
    for (const [i, m] of [rizky, adi, bayu].entries()) {
      registration.use()
      ok(await checkIn(m.id, TODAY, at(i)))
    }
    weighing.use()
    ok(
      await saveVisit(
        { memberId: rizky.id, date: TODAY, place: 'posyandu', parts: { balita: { weightKg: 12.1 } } },
        at(5),
      ),
    )
    await registration.sync()
    await weighing.sync()
    // Back online, the weighing table weighs Adi, completing the check-in it now sees; the services table, which
    // has not synced since the morning, gives Adi vitamin A and PMT.
    weighing.use()
    const adiCheckIn = (await openDayVisits(k.area.id, TODAY)).find((v) => v.memberId === adi.id)
    ok(
      await saveVisit(
        {
          memberId: adi.id,
          date: TODAY,
          place: 'posyandu',
          supersedes: adiCheckIn?.id,
          parts: { balita: { weightKg: 9.6, lengthCm: 78 } },
        },
        at(8),
      ),
    )
    services.use()
    ok(
      await saveVisit(
        {
          memberId: adi.id,
          date: TODAY,
          place: 'posyandu',
          parts: { balita: { vitaminA: true } },
          services: ['pmt'],
          topics: ['gizi_seimbang'],
        },
        at(9),
      ),
    )
    // A walk-in registered at the registration table.
    registration.use()
    const walkIn = await saveWalkIn(
      {
        household: { input: { ...registrationHousehold(k.area), headName: 'Wati Susanti' } },
        member: { name: 'Wati Susanti', sex: 'P', birthDate: '1980-02-02', relation: 'kepala' },
        date: TODAY,
      },
      {
        ...at(10),
        ids: { household: crypto.randomUUID(), member: crypto.randomUUID(), visit: crypto.randomUUID() },
      },
    )
    expect(walkIn.ok).toBe(true)

    // Everyone syncs, in another order, twice: the second round brings each what the others sent after it.
    for (let round = 0; round < 2; round++) for (const p of [services, weighing, registration]) await p.sync()

    const expected = {
      Rizky: 'diukur',
      Adi: 'selesai',
      Bayu: 'hadir',
      Dimas: 'belum',
      'Wati Susanti': 'hadir',
    }
    const days = await Promise.all([registration, weighing, services].map((p) => dayOn(p, k.area.id)))
    for (const day of days) {
      expect(day.steps).toEqual(expected)
      expect(day.absent).toEqual(['Dimas'])
      expect(day).toEqual(days[0])
    }
    const [first, ...others] = await Promise.all([registration, weighing, services].map((p) => p.state()))
    for (const other of others) expect(other.visits).toEqual(first?.visits)
    expect(first?.visits).toHaveLength(7) // 3 check-ins, 3 measurements/services, 1 walk-in check-in
  })
})

function registrationHousehold(area: { id: string; kabupaten: string; kecamatan: string; desa: string }) {
  return {
    workAreaId: area.id,
    headName: '',
    address: {
      kabupaten: area.kabupaten,
      kecamatan: area.kecamatan,
      desa: area.desa,
      dusun: 'Karanganyar',
      rw: '002',
      rt: '004',
    },
  }
}
