// Loaded into the BUILT app's page by bench/run.ts (`import('/__bench/app-bench.js')`, same origin, so the same
// IndexedDB database): the app's own modules — its Dexie schema, saveVisit(s), membersOf, the schedule and the PWS
// report — bundled from src/ unchanged, plus the data generator. Every figure is timed here with performance.now()
// while DevTools throttles the CPU; bench/run.ts decides the throttling and reads the results.
import { computeSchedule } from '../../src/data/area/compute'
import { AreaStore, areaStore } from '../../src/data/area/store'
import { unlock } from '../../src/data/crypto/unlock'
import { getDb, type KaderDb, openKaderDb } from '../../src/data/db'
import { getWorkArea } from '../../src/data/meta'
import { outboxCounts } from '../../src/data/outbox'
import { loadWorkArea, membersOf } from '../../src/data/read'
import type { FieldClocks } from '../../src/data/schemas'
import { STATUS_KEY } from '../../src/data/sync-state'
import { saveVisit, saveVisits, workAreaVisits } from '../../src/data/visits'
import { saveMember } from '../../src/data/write'
import { DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import { pwsMonth } from '../../src/domain/pws'
import { visitTasks } from '../../src/domain/schedule'
import { formatHlc } from '../../src/protocol/hlc'
import type { Household, Member } from '../../src/protocol/records'
import type { Visit } from '../../src/protocol/visits'
import {
  AREA,
  DATA_DEVICE,
  DATA_TODAY,
  type Dataset,
  generate,
  KADER,
  POSYANDU_CALENDAR,
  PUSTU,
} from '../generate'
import { OPEN_DAY_EXPECTED, openDaySeed } from './openday-seed'
import { idbUsage } from './usage'

const SPECS = { kader: KADER, pustu: PUSTU }
type DatasetName = keyof typeof SPECS

/** The generated dataset, kept for the workloads that need the same records (e.g. member ids). */
let data: Dataset | undefined
/** The ids of the visits the last writeVisits saved, for discardWrite. */
let written: string[] = []

/** Field stamps as the sync engine would store them for a pulled record: every field at its updatedAt. */
function clocksOf(entity: 'households' | 'members', record: Household | Member): FieldClocks {
  const hlc = formatHlc({ millis: Date.parse(record.updatedAt), counter: 0, node: DATA_DEVICE })
  const hlcs: Record<string, string> = {}
  for (const [name, value] of Object.entries(record))
    if (value !== undefined && !['id', 'createdAt', 'updatedAt', 'deviceId', 'version'].includes(name))
      hlcs[name] = hlc
  return { key: `${entity}:${record.id}`, hlcs }
}

/** Pages of `size`, each stored in one rw transaction (as a pulled sync page is). */
async function bulkStore(db: KaderDb, d: Dataset, size: number, withClocks: boolean): Promise<number> {
  const t0 = performance.now()
  const put = async <T>(table: 'households' | 'members' | 'visits', rows: T[]) => {
    for (let i = 0; i < rows.length; i += size) {
      const page = rows.slice(i, i + size)
      await db.transaction('rw', [db.table(table), db.clocks], async () => {
        await db.table(table).bulkPut(page)
        if (withClocks && table !== 'visits')
          await db.clocks.bulkPut(page.map((r) => clocksOf(table, r as Household | Member)))
      })
    }
  }
  await put('households', d.households)
  await put('members', d.members)
  await put('visits', d.visits)
  return performance.now() - t0
}

/** The area's records as the area worker reads them (src/data/area/compute.ts): validated, corrections marked. */
async function readArea() {
  const { id } = await getWorkArea()
  return Promise.all([loadWorkArea(id), workAreaVisits(id)])
}

export const bench = {
  /** This bundle's own copy of the data layer has its own keys in memory: it unlocks the vault like the app. */
  unlock: async (pin: string) => {
    const result = await unlock(pin)
    if (!result.ok) throw new Error(`bench unlock: ${result.reason}`)
  },
  /** The app's last sync run, read through the data layer: the meta row is encrypted at rest. */
  async lastRun() {
    const row = await getDb().meta.get(STATUS_KEY)
    return (row?.value as { lastRun?: unknown } | undefined)?.lastRun
  },
  /** Generates a dataset in the page (no throttling expected) and keeps it for the other workloads. */
  generate(name: DatasetName) {
    const t0 = performance.now()
    data = generate(SPECS[name])
    return {
      ms: performance.now() - t0,
      households: data.households.length,
      members: data.members.length,
      visits: data.visits.length,
    }
  },

  /** Stores the generated dataset in the app's database as if pulled, and makes its work area the kader's. */
  async loadIntoApp() {
    if (!data) throw new Error('generate first')
    const db = getDb()
    const before = await idbUsage()
    await db.meta.put({
      key: 'workArea',
      value: { id: data.spec.workAreaId, ...AREA, kaderName: 'Siti Aminah' },
    })
    const ms = await bulkStore(db, data, 2_000, true)
    const records = data.households.length + data.members.length + data.visits.length
    return { ms, records, bytes: (await idbUsage()) - before }
  },

  /**
   * The PouchDB comparison's insert: the same 10,000 records (kader households, members and the first visits) into
   * a scratch database with the app's schema, 500 per transaction; bytes from the storage estimate.
   */
  async scratchInsert(total: number, batch: number) {
    if (!data) throw new Error('generate first')
    const d = data
    const visits = total - d.households.length - d.members.length
    const db = openKaderDb('bench-scratch')
    await db.open()
    const before = await idbUsage()
    const ms = await bulkStore(db, { ...d, visits: d.visits.slice(0, visits) }, batch, false)
    db.close()
    // The estimate lags writes a little: give LevelDB a moment to flush before reading it.
    await new Promise((ok) => setTimeout(ok, 1_500))
    return { ms, records: total, bytes: (await idbUsage()) - before }
  },

  /** `count` visits saved with the app's saveVisits: ONE call, one rw transaction (a posyandu day's entries). */
  async writeVisits(count: number, today: string) {
    const members = (await getDb().members.limit(count).toArray()).filter((m) => !m.deleted)
    const inputs = Array.from({ length: count }, (_, i) =>
      screening(members[i % members.length] as Member, today),
    )
    const t0 = performance.now()
    const results = await saveVisits(inputs, { now: new Date(), today })
    const ms = performance.now() - t0
    written = results.flatMap((r) => (r.ok ? [r.record.id] : []))
    return { ms, saved: written.length }
  },

  /** Takes the last writeVisits back — its visits and their outbox row, in one transaction — before it is pushed. */
  async discardWrite() {
    const db = getDb()
    await db.transaction('rw', [db.visits, db.outbox], async () => {
      const rows = await db.outbox.where('recordIds').anyOf(written).primaryKeys()
      await Promise.all([db.visits.bulkDelete(written), db.outbox.bulkDelete([...new Set(rows)])])
    })
    written = []
    return outboxCounts(db)
  },

  /** One member's name corrected as the member form saves it (saveMember with the member's id). */
  async editMember(today: string) {
    const m = (await getDb()
      .members.filter((x) => !x.deleted)
      .first()) as Member
    const saved = await saveMember({ ...m, name: `${m.name} K.` }, { id: m.id, now: new Date(), today })
    if (!saved.ok) throw new Error('editMember: not saved')
  },

  /** One screening saved as the visit form saves it: saveVisit on its own transaction; `count` times. */
  async saveOne(count: number, today: string) {
    const db = getDb()
    const members = await db.members.offset(100).limit(count).toArray()
    const times: number[] = []
    for (const m of members) {
      const t0 = performance.now()
      const result = await saveVisit(screening(m, today), { now: new Date(), today })
      times.push(performance.now() - t0)
      if (!result.ok) throw new Error(`saveVisit refused: ${JSON.stringify(result.errors)}`)
    }
    return times
  },

  /** membersOf (read.ts: index on householdId, every row validated) for `count` households; ms per query. */
  async indexedQuery(count: number) {
    const ids = (await getDb().households.limit(count).toArray()).map((h) => h.id)
    const t0 = performance.now()
    let rows = 0
    for (const id of ids) rows += (await membersOf(id)).length
    return { msPerQuery: (performance.now() - t0) / ids.length, queries: ids.length, rows }
  },

  /** The visit schedule of the whole work area: read as the area worker reads it, then visitTasks (the figure). */
  async schedule(today: string) {
    const t0 = performance.now()
    const [{ members }, { visits, followUps }] = await readArea()
    const run = () =>
      visitTasks({
        members,
        visits,
        followUps,
        calendar: POSYANDU_CALENDAR,
        settings: DEFAULT_CLINICAL_SETTINGS,
        today,
      })
    const t1 = performance.now()
    const tasks = run()
    const t2 = performance.now()
    // Again, with the code compiled: a full run as on a new day (an edit recomputes only its members: scheduleKept).
    run()
    return {
      readMs: t1 - t0,
      ms: t2 - t1,
      againMs: performance.now() - t2,
      members: members.length,
      tasks: tasks.length,
    }
  },

  /**
   * The schedule as the area worker keeps it (data/area): its first read of the area, its first computation, then
   * one visit saved and the schedule again — the store reads the changed rows, the keeper recomputes that member.
   */
  async scheduleKept(today: string) {
    const { id } = await getWorkArea()
    const t0 = performance.now()
    const store = await areaStore(id)
    const t1 = performance.now()
    const first = await computeSchedule(id, today)
    const t2 = performance.now()
    // A member whose open task a screening today does: a balita to weigh or an adult to screen.
    const open = first.tasks.find(
      (t) => t.state !== 'done' && (t.rule === 'balita_timbang' || t.rule === 'skrining_dewasa'),
    )
    const m = store.members.get(open?.memberId ?? '') as Member
    const saved = await saveVisit(screening(m, today), { now: new Date(), today })
    if (!saved.ok) throw new Error('scheduleKept: visit not saved')
    const t3 = performance.now()
    const after = await computeSchedule(id, today)
    const t4 = performance.now()
    const done = after.tasks.filter((t) => t.memberId === m.id && t.doneBy === saved.record.id).length
    return { readMs: t1 - t0, firstMs: t2 - t1, editMs: t4 - t3, tasks: first.tasks.length, done }
  },

  /** The area worker's first read of the whole work area (store.ts load: read, decrypt, validate), on its own. */
  async areaRead() {
    const { id } = await getWorkArea()
    const t0 = performance.now()
    const store = await new AreaStore(id).current()
    return {
      ms: performance.now() - t0,
      records: store.households.size + store.members.size + store.visits.size + store.followUps.size,
    }
  },

  /** The month's PWS report of the whole work area: read, then pwsMonth (the figure). */
  async pws(month: string) {
    const t0 = performance.now()
    const [{ households, members }, { visits, followUps }] = await readArea()
    const t1 = performance.now()
    const report = pwsMonth({
      households,
      members,
      visits,
      followUps,
      month,
      settings: DEFAULT_CLINICAL_SETTINGS,
    })
    return { readMs: t1 - t0, ms: performance.now() - t1, rows: Object.keys(report).length }
  },

  /** The open-day bench's posyandu (openday-seed.ts) stored as if pulled, with today as the area's open day. */
  async loadOpenDay() {
    const db = getDb()
    const workAreaId = 'posyandu-melati'
    const seed = openDaySeed(workAreaId, AREA)
    await db.meta.put({
      key: 'workArea',
      value: {
        id: workAreaId,
        ...AREA,
        kaderName: 'Siti Aminah',
        posyandu: { name: 'Melati', ...seed.calendar },
      },
    })
    await db.transaction('rw', [db.households, db.members, db.visits], async () => {
      await db.households.bulkPut(seed.households)
      await db.members.bulkPut(seed.members)
      await db.visits.bulkPut(seed.visits)
    })
    return { expected: OPEN_DAY_EXPECTED, members: seed.members.length, today: seed.today }
  },

  async counts() {
    const db = getDb()
    return {
      households: await db.households.count(),
      members: await db.members.count(),
      visits: await db.visits.count(),
      outbox: await db.outbox.count(),
      workArea: (await getWorkArea()).id,
    }
  },
}

/** A plausible screening for the member's age today (the part the visit form would show). */
function screening(
  m: Member,
  today: string,
): { memberId: string; date: string; place: string; parts: Visit['parts'] } {
  const years = Number(today.slice(0, 4)) - Number(m.birthDate.slice(0, 4))
  const parts: Visit['parts'] =
    years < 6
      ? { balita: { weightKg: 11.2, lengthCm: 84.5, position: 'standing', armCm: 14.6, oedema: false } }
      : years < 19
        ? { remaja: { weightKg: 38, heightCm: 148, systolicMmHg: 110, diastolicMmHg: 70 } }
        : { dewasa: { weightKg: 58.5, heightCm: 156, waistCm: 79, systolicMmHg: 128, diastolicMmHg: 82 } }
  return { memberId: m.id, date: today, place: 'posyandu', parts }
}

export { DATA_TODAY }

declare global {
  interface Window {
    __bench?: typeof bench
  }
}
window.__bench = bench
