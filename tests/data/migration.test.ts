import Dexie from 'dexie'
import { afterEach, expect, it } from 'vitest'
import { KaderDb, setDbForTests } from '../../src/data/db'
import { uuidv7 } from '../../src/data/ids'
import { getHousehold, membersOf } from '../../src/data/read'
import { makeHousehold, makeMember, NIK_SITI } from './fixtures'

const name = `migration-${uuidv7()}`

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
  expect(db.verno).toBe(3)

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
