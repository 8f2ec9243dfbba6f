import { describe, expect, it } from 'vitest'
import { uuidv7 } from '../../src/data/ids'
import { saveWorkArea } from '../../src/data/meta'
import { checkIn, openDayFrom, openDayVisits, saveWalkIn } from '../../src/data/openday'
import { saveVisit } from '../../src/data/visits'
import { saveHousehold, saveMember } from '../../src/data/write'
import { householdInput, memberInput, NOW, TODAY, WORK_AREA, withTestDb } from './fixtures'

const db = withTestDb()

async function family() {
  const home = await saveHousehold(householdInput(), { now: NOW })
  if (!home.ok) throw new Error('household')
  const child = await saveMember(
    memberInput(home.record.id, { name: 'Rizky', sex: 'L', birthDate: '2023-03-01', relation: 'anak' }),
    { now: NOW, today: TODAY },
  )
  if (!child.ok) throw new Error('member')
  return { home: home.record, child: child.record }
}

const ids = () => ({ household: uuidv7(), member: uuidv7(), visit: uuidv7() })
const adult = { name: 'Slamet Riyadi', sex: 'L', birthDate: '1970-05-05', relation: 'kepala' }

describe('open day visits', () => {
  it('reads the day and the 3 months before it, marking superseded visits', async () => {
    const { child } = await family()
    const old = await saveVisit(
      { memberId: child.id, date: '2025-02-10', place: 'posyandu', parts: { balita: { weightKg: 10 } } },
      { now: NOW, today: TODAY },
    )
    const recent = await saveVisit(
      { memberId: child.id, date: '2025-03-11', place: 'posyandu', parts: { balita: { weightKg: 10.5 } } },
      { now: NOW, today: TODAY },
    )
    const came = await checkIn(child.id, TODAY, { now: NOW, today: TODAY })
    if (!came.ok || !recent.ok || !old.ok) throw new Error('visits')
    const weighed = await saveVisit(
      {
        memberId: child.id,
        date: TODAY,
        place: 'posyandu',
        supersedes: came.record.id,
        parts: { balita: { weightKg: 11 } },
      },
      { now: NOW, today: TODAY },
    )
    if (!weighed.ok) throw new Error('weighed')
    expect(openDayFrom(TODAY)).toBe('2025-03-01')
    const read = await openDayVisits(WORK_AREA, TODAY)
    expect(read[0]?.id).toBe(recent.record.id) // by date; February is before the 3 months
    expect(new Map(read.map((v) => [v.id, v.supersededBy]))).toEqual(
      new Map([
        [recent.record.id, undefined],
        [came.record.id, weighed.record.id],
        [weighed.record.id, undefined],
      ]),
    )
    expect(await openDayVisits('another-area', TODAY)).toEqual([])
  })

  it('stores one check-in however often it is tapped, and refuses one at home', async () => {
    const { child } = await family()
    const saveId = uuidv7()
    for (let i = 0; i < 3; i++) await checkIn(child.id, TODAY, { now: NOW, today: TODAY, saveId })
    expect(await db().visits.count()).toBe(1)
    const atHome = await saveVisit(
      { memberId: child.id, date: TODAY, place: 'rumah', parts: {}, checkedIn: true },
      { now: NOW, today: TODAY },
    )
    expect(atHome.ok === false && atHome.errors.checkedIn?.key).toBe('err.visit.checkInAtHome')
  })
})

describe('walk-in registration', () => {
  it('registers a new household, the person and their check-in in one go, once however often saved', async () => {
    await saveWorkArea({
      id: WORK_AREA,
      kabupaten: 'Cilacap',
      kecamatan: 'Dayeuhluhur',
      desa: 'Bolang',
      dusun: 'Karanganyar',
      rw: '002',
    })
    const walkIn = {
      household: { input: householdInput({ headName: 'Slamet Riyadi' }) },
      member: adult,
      date: TODAY,
    }
    const same = ids()
    const first = await saveWalkIn(walkIn, { now: NOW, today: TODAY, ids: same })
    const again = await saveWalkIn(walkIn, { now: NOW, today: TODAY, ids: same })
    expect(first).toEqual({ ok: true, memberId: same.member, householdId: same.household })
    expect(again).toEqual(first)
    expect([await db().households.count(), await db().members.count(), await db().visits.count()]).toEqual([
      1, 1, 1,
    ])
    expect((await db().visits.get(same.visit))?.checkedIn).toBe(true)
  })

  it('adds the person to an existing household', async () => {
    const { home } = await family()
    const result = await saveWalkIn(
      { household: { id: home.id }, member: { ...adult, relation: 'lainnya' }, date: TODAY },
      { now: NOW, today: TODAY, ids: ids() },
    )
    expect(result.ok && result.householdId).toBe(home.id)
    expect(await db().members.where('householdId').equals(home.id).count()).toBe(2)
  })

  it('stores nothing when a part is refused, and says which field', async () => {
    const result = await saveWalkIn(
      {
        household: { input: householdInput({ headName: 'Slamet Riyadi' }) },
        member: { ...adult, birthDate: '2099-01-01' },
        date: TODAY,
      },
      { now: NOW, today: TODAY, ids: ids() },
    )
    expect(result.ok === false && Object.keys(result.errors)).toEqual(['birthDate'])
    expect([await db().households.count(), await db().members.count(), await db().outbox.count()]).toEqual([
      0, 0, 0,
    ])
    const badHome = await saveWalkIn(
      { household: { input: householdInput({ headName: '' }) }, member: adult, date: TODAY },
      { now: NOW, today: TODAY, ids: ids() },
    )
    expect(badHome.ok === false && Object.keys(badHome.errors)).toEqual(['household.headName'])
  })
})
