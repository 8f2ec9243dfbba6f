import Dexie from 'dexie'
import { describe, expect, it, vi } from 'vitest'
import { computePws, computeSchedule, FALLBACK_OPEN_DAY } from '../../src/data/area/compute'
import { AreaStore, areaStore } from '../../src/data/area/store'
import { getClinicalSettings } from '../../src/data/clinical-settings'
import { loadWorkArea } from '../../src/data/read'
import { saveFollowUp, saveVisit, workAreaVisits } from '../../src/data/visits'
import { deleteMember, saveHousehold, saveMember } from '../../src/data/write'
import { pwsMonth } from '../../src/domain/pws'
import { visitTasks } from '../../src/domain/schedule'
import type { Visit } from '../../src/protocol/visits'
import {
  householdInput,
  LATER,
  makeHousehold,
  makeMember,
  memberInput,
  NOW,
  TODAY,
  WORK_AREA,
  withTestDb,
} from './fixtures'

// The area store keeps the work area's records between computations and reads only what each write changed. Every
// computation must equal one over a fresh read of the database, whatever the writes were: the app's own saves,
// corrections, follow-ups, deletions, a household leaving the area, a pulled sync page, a cleared table.

const db = withTestDb()
const opts = { now: NOW, today: TODAY }

/** The schedule over a fresh read of the database: what the store must give. */
async function freshSchedule(today = TODAY) {
  const [{ members }, { visits, followUps }, settings] = await Promise.all([
    loadWorkArea(WORK_AREA),
    workAreaVisits(WORK_AREA),
    getClinicalSettings(),
  ])
  return visitTasks({
    members,
    visits,
    followUps,
    settings,
    today,
    calendar: { openDay: FALLBACK_OPEN_DAY } as never,
  })
}

async function household(overrides = {}) {
  const h = await saveHousehold(householdInput(overrides), { now: NOW })
  if (!h.ok) throw new Error('household')
  return h.record
}

async function person(householdId: string, overrides = {}) {
  const m = await saveMember(memberInput(householdId, overrides), opts)
  if (!m.ok) throw new Error(`member: ${JSON.stringify(m.errors)}`)
  return m.record
}

async function visit(memberId: string, date: string, parts: object, extra = {}) {
  const v = await saveVisit({ memberId, date, place: 'rumah', parts, ...extra }, opts)
  if (!v.ok) throw new Error(`visit: ${JSON.stringify(v.errors)}`)
  return v.record
}

const highBloodPressure = { dewasa: { systolicMmHg: 160, diastolicMmHg: 100 } }
const presumptiveTb = { dewasa: { tbcSymptoms: ['batuk_2_minggu', 'demam_2_minggu'] } }
const weighed = (weightKg: number) => ({ balita: { weightKg, lengthCm: 80, position: 'standing' } })

async function area() {
  const a = await household()
  const mother = await person(a.id, { name: 'Siti', birthDate: '1985-02-03' })
  const toddler = await person(a.id, { name: 'Rizky', sex: 'L', birthDate: '2023-09-01', relation: 'anak' })
  const b = await household({ headName: 'Joko' })
  const father = await person(b.id, { name: 'Joko', sex: 'L', birthDate: '1970-05-06', relation: 'kepala' })
  const grandmother = await person(b.id, { name: 'Sumi', birthDate: '1950-01-01', relation: 'lainnya' })
  const referred = await visit(mother.id, '2025-06-01', highBloodPressure)
  await visit(toddler.id, '2025-05-10', weighed(11))
  return { a, b, mother, toddler, father, grandmother, referred }
}

describe('area store', () => {
  it('patches what each write changed and computes what a fresh read computes', async () => {
    const { a, b, mother, toddler, father, grandmother, referred } = await area()
    const expectFresh = async (step: string) =>
      expect((await computeSchedule(WORK_AREA, TODAY)).tasks, step).toEqual(await freshSchedule())

    await expectFresh('first read')
    const rules = (await computeSchedule(WORK_AREA, TODAY)).tasks.map((t) => t.rule)
    expect(rules).toContain('rujukan')
    expect(rules).toContain('balita_timbang')

    await visit(toddler.id, '2025-06-12', weighed(11.4))
    await expectFresh('a saved visit')
    await visit(father.id, '2025-06-14', presumptiveTb)
    await expectFresh('a presumptive TB case: the household’s contacts')
    expect((await computeSchedule(WORK_AREA, TODAY)).tasks.map((t) => t.rule)).toContain('tbc_kontak')
    const f = await saveFollowUp(
      { visitId: referred.id, problem: 'tekanan_darah', date: TODAY, outcome: 'sampai', facility: 'pustu' },
      opts,
    )
    expect(f.ok).toBe(true)
    await expectFresh('a follow-up')
    const closed = (await computeSchedule(WORK_AREA, TODAY)).tasks.find(
      (t) => t.rule === 'rujukan' && t.memberId === mother.id,
    )
    expect(closed?.state).toBe('done')
    await visit(
      mother.id,
      '2025-06-01',
      { dewasa: { systolicMmHg: 120, diastolicMmHg: 80 } },
      { supersedes: referred.id },
    )
    await expectFresh('a correction')
    await saveMember(memberInput(a.id, { ...mother, birthDate: '1960-02-03' }), { ...opts, id: mother.id })
    await expectFresh('a member edited')
    await deleteMember(grandmother.id, opts)
    await expectFresh('a member deleted')
    const ids = (records: Iterable<{ id: string }>) => [...records].map((r) => r.id).sort()
    expect(ids((await areaStore(WORK_AREA)).members.values())).toEqual(
      ids((await loadWorkArea(WORK_AREA)).members),
    )

    // Sync stores pulled pages directly: a household leaving the area, and a new household with its people.
    await db().households.put({ ...b, workAreaId: 'wilayah-lain' })
    await expectFresh('a household left the area')
    await db().households.put({ ...b, updatedAt: LATER.toISOString() })
    await expectFresh('the household came back, with its visits')
    expect((await computeSchedule(WORK_AREA, TODAY)).tasks.map((t) => t.memberId)).toContain(father.id)
    await db().households.put({ ...b, workAreaId: 'wilayah-lain' })
    const c = makeHousehold()
    await db().transaction('rw', [db().households, db().members], async () => {
      await db().households.put(c)
      await db().members.bulkPut([
        makeMember(c.id),
        makeMember(c.id, { birthDate: '2025-05-30', name: 'Bayi' }),
      ])
    })
    await expectFresh('a pulled household with its members')
    expect((await computeSchedule(WORK_AREA, TODAY)).tasks.map((t) => t.rule)).toContain('kn3')

    // A range of keys changed: the store reads the area again.
    await db().visits.clear()
    await expectFresh('visits cleared')
    await expectFresh('another day')
    expect((await computeSchedule(WORK_AREA, '2025-07-20')).tasks).toEqual(await freshSchedule('2025-07-20'))
  })

  it('reads the area again after a patch that failed, losing none of the changes it had taken', async () => {
    const { toddler } = await area()
    await computeSchedule(WORK_AREA, TODAY)
    await visit(toddler.id, '2025-06-12', weighed(11.4))
    const failing = vi.spyOn(db().visits, 'bulkGet').mockRejectedValueOnce(new Error('disk'))
    await expect(computeSchedule(WORK_AREA, TODAY)).rejects.toThrow('disk')
    failing.mockRestore()
    expect((await computeSchedule(WORK_AREA, TODAY)).tasks).toEqual(await freshSchedule())
  })

  it('gives the PWS month a fresh read gives', async () => {
    const { toddler, referred, mother } = await area()
    await computePws(WORK_AREA, '2025-06')
    await visit(toddler.id, '2025-06-12', weighed(11.4))
    await visit(mother.id, '2025-06-01', { dewasa: { systolicMmHg: 120 } }, { supersedes: referred.id })
    const [{ households, members }, { visits, followUps }, settings] = await Promise.all([
      loadWorkArea(WORK_AREA),
      workAreaVisits(WORK_AREA),
      getClinicalSettings(),
    ])
    expect(await computePws(WORK_AREA, '2025-06')).toEqual(
      pwsMonth({ households, members, visits, followUps, month: '2025-06', settings }),
    )
  })

  it('reads only the changed rows, also from changes forwarded by the page (structured clones)', async () => {
    const { toddler } = await area()
    const store = await new AreaStore(WORK_AREA).current()
    const keeper = store.keeper
    const forwarded: unknown[] = []
    const listener = (parts: unknown) => forwarded.push(structuredClone(parts))
    Dexie.on('storagemutated', listener)
    let saved: Visit
    try {
      saved = await visit(toddler.id, '2025-06-12', weighed(11.4))
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener)
    }
    // This store is not the module's: it hears only what it is told.
    await store.current()
    expect(store.visits.has(saved.id)).toBe(false)
    for (const parts of forwarded) store.changed(parts as Record<string, unknown>)
    await store.current()
    expect(store.visits.get(saved.id)).toEqual(saved)
    expect(store.keeper).toBe(keeper) // patched, not read again
    expect(
      store.keeper.tasks({
        today: TODAY,
        calendar: { openDay: FALLBACK_OPEN_DAY } as never,
        settings: await getClinicalSettings(),
      }),
    ).toEqual(await freshSchedule())
  })
})
