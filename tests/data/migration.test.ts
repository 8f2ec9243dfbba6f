import Dexie from 'dexie'
import { afterEach, expect, it } from 'vitest'
import { KaderDb, setDbForTests } from '../../src/data/db'
import { uuidv7 } from '../../src/data/ids'
import { entriesOfRecords } from '../../src/data/outbox'
import { getHousehold, membersOf } from '../../src/data/read'
import { getSyncState } from '../../src/data/sync-state'
import { followUpsOf } from '../../src/data/visits'
import { makeHousehold, makeMember, NIK_SITI } from './fixtures'

const name = `migration-${uuidv7()}`
/** The version db.ts opens: every upgrade below ends there. */
const LATEST = 8

afterEach(async () => {
  setDbForTests(undefined)
  await Dexie.delete(name)
})

it('upgrades a version 1 database: records intact, RT/RW padded, new indexes usable', async () => {
  const unpadded = makeHousehold({ address: { rt: '3', rw: '12' } })
  const padded = makeHousehold({
    headName: 'Sudah Rapi',
    address: { rt: '001', rw: '004', street: 'depan masjid' },
  })
  const siti = makeMember(unpadded.id, { nik: NIK_SITI })
  const budi = makeMember(unpadded.id, {
    name: 'Budi',
    sex: 'L',
    birthDate: '1988-01-05',
    relation: 'kepala',
  })
  const change = {
    changeId: uuidv7(),
    entity: 'members',
    recordId: siti.id,
    version: 1,
    changedFields: ['name'],
    at: siti.updatedAt,
    deviceId: 'device-test',
  }

  // Version 1 exactly as it shipped.
  const v1 = new Dexie(name)
  v1.version(1).stores({
    households: 'id, workAreaId',
    members: 'id, householdId',
    outbox: '++seq',
    meta: 'key',
  })
  await v1.table('households').bulkAdd([unpadded, padded])
  await v1.table('members').bulkAdd([siti, budi])
  await v1.table('outbox').add(change)
  await v1.table('meta').put({ key: 'deviceId', value: 'device-test' })
  v1.close()

  const db = new KaderDb(name)
  await db.open()
  setDbForTests(db)
  expect(db.verno).toBe(LATEST)

  expect(await db.households.get(unpadded.id)).toEqual({
    ...unpadded,
    address: { ...unpadded.address, rt: '003', rw: '012' },
  })
  expect(await db.households.get(padded.id)).toEqual(padded)
  expect(await db.members.toArray()).toHaveLength(2)
  expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'device-test' })
  expect(await getHousehold(unpadded.id)).toMatchObject({ address: { rt: '003', rw: '012' } })
  expect((await membersOf(unpadded.id)).map((m) => m.name)).toEqual(['Budi', siti.name])

  expect(await db.members.where('nik').equals(NIK_SITI).primaryKeys()).toEqual([siti.id])
  expect(await db.outbox.where('recordId').equals(siti.id).toArray()).toEqual([{ ...change, seq: 1 }])
  // Version 3 added the visit tables, empty and usable.
  expect(await db.visits.where('memberId').equals(siti.id).count()).toBe(0)
  db.close()
})

it('upgrades a version 3 database: every field of every record stamped from its updatedAt and the device id', async () => {
  const home = makeHousehold({ noKk: '3301010101010001', updatedAt: '2025-06-16T04:30:00.000Z' })
  const siti = makeMember(home.id, { nik: NIK_SITI })
  // The kader cleared Siti's phone before the upgrade: the field is gone but its change waits in the outbox.
  const cleared = {
    changeId: uuidv7(),
    entity: 'members',
    recordId: siti.id,
    version: 2,
    changedFields: ['phone'],
    at: siti.updatedAt,
    deviceId: 'device-test',
  }
  const v3 = new Dexie(name)
  v3.version(3).stores({
    households: 'id, workAreaId',
    members: 'id, householdId, nik',
    outbox: '++seq, recordId',
    meta: 'key',
    visits: 'id, memberId, workAreaId',
    followUps: 'id, workAreaId',
  })
  await v3.table('households').add(home)
  await v3.table('members').add(siti)
  await v3.table('outbox').add(cleared)
  await v3.table('meta').put({ key: 'deviceId', value: 'device-test' })
  v3.close()

  const db = new KaderDb(name)
  await db.open()
  setDbForTests(db)
  expect(db.verno).toBe(LATEST)
  const homeStamp = '2025-06-16T04:30:00.000Z-0000-device-test'
  const sitiStamp = '2025-06-15T03:00:00.000Z-0000-device-test'
  expect(await db.clocks.get(`households:${home.id}`)).toEqual({
    key: `households:${home.id}`,
    hlcs: {
      workAreaId: homeStamp,
      noKk: homeStamp,
      headName: homeStamp,
      address: homeStamp,
      deleted: homeStamp,
    },
  })
  const memberClocks = await db.clocks.get(`members:${siti.id}`)
  expect(Object.keys(memberClocks?.hlcs ?? {}).sort()).toEqual(
    ['birthDate', 'deleted', 'householdId', 'name', 'nik', 'phone', 'relation', 'sex'].sort(),
  )
  expect(new Set(Object.values(memberClocks?.hlcs ?? {}))).toEqual(new Set([sitiStamp]))
  // The device's clock starts at the newest stamp; records, outbox and meta are otherwise untouched.
  expect(await db.meta.get('hlc')).toEqual({ key: 'hlc', value: homeStamp })
  expect(await db.households.get(home.id)).toEqual(home)
  expect(await db.outbox.toArray()).toEqual([{ ...cleared, seq: 1 }])
  expect(await db.conflicts.count()).toBe(0)
  db.close()
})

it('upgrades a version 4 database: waiting changes intact, still found by record and counted', async () => {
  const home = makeHousehold()
  const visitId = uuidv7()
  // Before version 5 every visit had its own outbox entry.
  const entries = [
    {
      changeId: uuidv7(),
      entity: 'households',
      recordId: home.id,
      version: 1,
      changedFields: ['headName'],
      at: home.updatedAt,
      deviceId: 'device-test',
    },
    {
      changeId: uuidv7(),
      entity: 'visits',
      recordId: visitId,
      version: 1,
      changedFields: ['memberId', 'date', 'parts'],
      at: home.updatedAt,
      deviceId: 'device-test',
    },
  ]
  const v4 = new Dexie(name)
  v4.version(4).stores({
    households: 'id, workAreaId',
    members: 'id, householdId, nik',
    outbox: '++seq, recordId',
    meta: 'key',
    visits: 'id, memberId, workAreaId',
    followUps: 'id, workAreaId',
    clocks: 'key',
    conflicts: '++seq, recordId',
  })
  await v4.table('households').add(home)
  await v4.table('outbox').bulkAdd(entries)
  v4.close()

  const db = new KaderDb(name)
  await db.open()
  setDbForTests(db)
  expect(db.verno).toBe(LATEST)
  expect(await db.outbox.toArray()).toEqual(entries.map((e, i) => ({ ...e, seq: i + 1 })))
  expect(await entriesOfRecords(db, [visitId])).toEqual([{ ...entries[1], seq: 2 }])
  expect(await getSyncState(db)).toMatchObject({ pending: 2, rejected: 0 })
  db.close()
})

it('upgrades a version 5 database: records and waiting changes intact, follow-ups found by member, drafts', async () => {
  const home = makeHousehold()
  const memberId = uuidv7()
  const followUp = {
    id: uuidv7(),
    createdAt: home.createdAt,
    updatedAt: home.createdAt,
    deviceId: 'device-test',
    version: 1,
    deleted: false,
    visitId: uuidv7(),
    findingCode: 'bp.high',
    date: '2025-06-01',
    outcome: 'sudah_ke_pustu',
    memberId,
    householdId: home.id,
    workAreaId: home.workAreaId,
  }
  const waiting = {
    changeId: uuidv7(),
    entity: 'households',
    recordId: home.id,
    version: 1,
    changedFields: ['headName'],
    at: home.updatedAt,
    deviceId: 'device-test',
  }
  const v5 = new Dexie(name)
  v5.version(5).stores({
    households: 'id, workAreaId',
    members: 'id, householdId, nik',
    outbox: '++seq, recordId, *recordIds',
    meta: 'key',
    visits: 'id, memberId, workAreaId',
    followUps: 'id, workAreaId',
    clocks: 'key',
    conflicts: '++seq, recordId',
  })
  await v5.table('households').add(home)
  await v5.table('outbox').add(waiting)
  await v5.table('followUps').add(followUp)
  const weighing = {
    ...followUp,
    id: uuidv7(),
    memberId,
    date: '2025-06-10',
    place: 'posyandu',
    parts: { balita: { weightKg: 9.5 } },
  }
  await v5.table('visits').add(weighing)
  v5.close()

  const db = new KaderDb(name)
  await db.open()
  setDbForTests(db)
  expect(db.verno).toBe(LATEST)
  expect(await db.households.get(home.id)).toEqual(home)
  expect(await db.outbox.toArray()).toEqual([{ ...waiting, seq: 1 }])
  expect(await followUpsOf(memberId)).toEqual([followUp])
  // The open day reads the area's visits of a date range by the new compound index.
  expect(
    (await db.visits.where('[workAreaId+date]').equals([home.workAreaId, '2025-06-10']).toArray()).length,
  ).toBe(1)
  expect(await db.drafts.count()).toBe(0)
  await db.drafts.put({
    id: 'household:new:x',
    kind: 'household',
    path: '#/rumah/baru',
    values: { headName: 'Slamet' },
    updatedAt: home.updatedAt,
  })
  expect(await db.drafts.count()).toBe(1)
  db.close()
})
