import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { type DataKeys, newSecret, openSecret } from '../../../src/data/crypto/keys'
import { blindIndex, SEALED } from '../../../src/data/crypto/sealing'
import { dataKeys, LockedError, setDataKeys } from '../../../src/data/crypto/session'
import { KaderDb, setDbForTests } from '../../../src/data/db'
import { putDraft } from '../../../src/data/drafts'
import { uuidv7 } from '../../../src/data/ids'
import { saveWorkArea } from '../../../src/data/meta'
import { getMember } from '../../../src/data/read'
import { saveVisit } from '../../../src/data/visits'
import { saveHousehold, saveMember } from '../../../src/data/write'
import {
  householdInput,
  makeHousehold,
  makeMember,
  memberInput,
  NIK_SITI,
  NOW,
  TODAY,
  withTestDb,
} from '../fixtures'

const NAME = 'Wulandari Kusumaningtyas'
/** The stores of versions 6 and 7 (7 changed only what the rows hold). */
const STORES_6 = {
  households: 'id, workAreaId',
  members: 'id, householdId, nik',
  outbox: '++seq, recordId, *recordIds',
  meta: 'key',
  visits: 'id, memberId, workAreaId, [workAreaId+date]',
  followUps: 'id, workAreaId, memberId',
  clocks: 'key',
  conflicts: '++seq, recordId',
  drafts: 'id',
}
const HEAD = 'Bapak Sastrowardoyo'

/** Every value of every store of the database, as IndexedDB holds it (no middleware), and its bytes as text. */
async function rawText(name: string): Promise<string> {
  const raw = new Dexie(name)
  await raw.open()
  const parts: string[] = []
  const text = (v: unknown): string =>
    v instanceof Uint8Array
      ? new TextDecoder().decode(v)
      : typeof v === 'object' && v !== null
        ? Object.values(v).map(text).join(' ')
        : String(v)
  for (const table of raw.tables)
    for (const row of await table.toArray()) parts.push(JSON.stringify(row), text(row))
  raw.close()
  return parts.join('\n')
}

async function registerSiti() {
  const h = await saveHousehold(householdInput({ headName: HEAD }), { now: NOW })
  if (!h.ok) throw new Error('household')
  const m = await saveMember(memberInput(h.record.id, { name: NAME, nik: NIK_SITI }), {
    now: NOW,
    today: TODAY,
  })
  if (!m.ok) throw new Error('member')
  return m.record
}

describe('records at rest', () => {
  const db = withTestDb()
  const keys = dataKeys()
  afterEach(() => setDataKeys(keys))

  it('stores no name, NIK, health value, typed draft or kader name in clear, and reads them back', async () => {
    const siti = await registerSiti()
    const child = await saveMember(
      memberInput(siti.householdId, {
        name: 'Rizky Pratama',
        sex: 'L',
        birthDate: '2023-03-01',
        relation: 'anak',
      }),
      { now: NOW, today: TODAY },
    )
    if (!child.ok) throw new Error('child')
    const visit = await saveVisit(
      {
        memberId: child.record.id,
        date: '2025-06-10',
        place: 'posyandu',
        parts: { balita: { weightKg: 12.37, lengthCm: 88.2, position: 'standing' } },
      },
      { now: NOW, today: TODAY },
    )
    expect(visit.ok).toBe(true)
    await putDraft({
      id: 'member:new:x',
      kind: 'member',
      path: '#/rumah/x/anggota/baru',
      label: 'Dewi Lestari',
      values: { name: 'Dewi Lestari', nik: '3301015204900077' },
      updatedAt: NOW.toISOString(),
    })
    await saveWorkArea({
      id: 'wilayah-lokal',
      kabupaten: 'Cilacap',
      kecamatan: 'Dayeuhluhur',
      desa: 'Bolang',
      kaderName: 'Ibu Kartini Rahayu',
    })

    const raw = await rawText(db().name)
    for (const secret of [
      NAME,
      NIK_SITI,
      HEAD,
      'Rizky Pratama',
      '12.37',
      'Dewi Lestari',
      '3301015204900077',
      'Kartini',
    ])
      expect(raw).not.toContain(secret)
    expect(raw).toContain(siti.id) // ids stay in clear: the indexes need them

    expect(await getMember(siti.id)).toEqual(siti)
    // The duplicate-NIK check still finds her, through the blind index.
    const twin = await saveMember(memberInput(siti.householdId, { name: 'Siti Kembar', nik: NIK_SITI }), {
      now: NOW,
      today: TODAY,
    })
    expect(twin.ok).toBe(false)
    expect(await db().members.where('nik').equals(NIK_SITI).count()).toBe(1)
    // Cursor reads (each, filter) decrypt row by row inside their transaction.
    const names: string[] = []
    await db().transaction('r', db().members, () => db().members.each((m) => void names.push(m.name)))
    expect(names.sort()).toEqual(['Rizky Pratama', NAME])
    expect(
      (
        await db()
          .outbox.filter((e) => 'recordId' in e && e.recordId === siti.id)
          .toArray()
      ).length,
    ).toBe(1)
  })

  it('refuses reads and writes while locked, and stores nothing', async () => {
    const siti = await registerSiti()
    setDataKeys(undefined)
    await expect(db().members.get(siti.id)).rejects.toBeInstanceOf(LockedError)
    await expect(db().households.put(makeHousehold())).rejects.toThrow(LockedError)
    setDataKeys(keys)
    expect(await db().households.count()).toBe(1)
    expect((await db().members.get(siti.id))?.name).toBe(NAME)
  })

  it('opens nothing with another key, and a ciphertext moved to another table does not decrypt', async () => {
    const siti = await registerSiti()
    const kek = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'wrapKey',
      'unwrapKey',
    ])
    setDataKeys(await openSecret(await newSecret(kek), kek))
    await expect(db().members.get(siti.id)).rejects.toThrow()
    setDataKeys(keys)
    const raw = new Dexie(db().name)
    await raw.open()
    const stored = await raw.table('members').get(siti.id)
    await raw.table('households').put({ ...stored, id: 'moved', workAreaId: 'x' })
    raw.close()
    await expect(db().households.get('moved')).rejects.toThrow()
  })

  it('seals each record written in one bulk under its own IV, and keeps a clear meta row whole', async () => {
    const households = [makeHousehold(), makeHousehold(), makeHousehold()]
    await db().households.bulkPut(households)
    await db().meta.bulkPut([
      { key: 'deviceId', value: 'device-test' },
      { key: 'note', value: NAME },
    ])
    const raw = new Dexie(db().name)
    await raw.open()
    const stored = await raw.table('households').bulkGet(households.map((h) => h.id))
    const meta = await raw.table('meta').bulkGet(['deviceId', 'note'])
    raw.close()
    const ivs = stored.map((row) => Array.from((row[SEALED] as Uint8Array).subarray(0, 12)).join())
    expect(new Set(ivs).size).toBe(3)
    expect(meta[0]).toEqual({ key: 'deviceId', value: 'device-test' })
    expect(meta[1]).toEqual({ key: 'note', [SEALED]: expect.any(Uint8Array) })
    expect(await db().households.bulkGet(households.map((h) => h.id))).toEqual(households)
    expect((await db().meta.get('note'))?.value).toBe(NAME)
  })
})

describe('migration to version 7', () => {
  const name = `encrypt-${uuidv7()}`
  const keys = dataKeys()
  afterEach(async () => {
    setDataKeys(keys)
    setDbForTests(undefined)
    await Dexie.delete(name)
  })

  /** A version 6 install holding data, as it shipped: everything in clear. */
  async function version6() {
    const h = makeHousehold({ headName: HEAD })
    const m = makeMember(h.id, { name: NAME, nik: NIK_SITI })
    const plain = new Dexie(name)
    plain.version(6).stores(STORES_6)
    await plain.table('households').add(h)
    await plain.table('members').add(m)
    await plain.table('outbox').add({
      changeId: uuidv7(),
      entity: 'members',
      recordId: m.id,
      version: 1,
      changedFields: ['name', 'nik'],
      at: m.updatedAt,
      deviceId: 'device-test',
    })
    await plain.table('drafts').put({
      id: 'member:new:y',
      kind: 'member',
      path: '#/x',
      values: { name: NAME },
      updatedAt: m.updatedAt,
    })
    await plain.table('meta').put({ key: 'deviceId', value: 'device-test' })
    plain.close()
    return m
  }

  it('encrypts an existing install in place: nothing left in clear, everything readable', async () => {
    const siti = await version6()
    expect(await rawText(name)).toContain(NAME)
    const db = new KaderDb(name)
    await db.open()
    setDbForTests(db)
    expect(db.verno).toBe(8)
    db.close()
    const raw = await rawText(name)
    expect(raw).not.toContain(NAME)
    expect(raw).not.toContain(NIK_SITI)
    await db.open()
    expect(await getMember(siti.id)).toEqual(siti)
    expect(await db.members.where('nik').equals(NIK_SITI).primaryKeys()).toEqual([siti.id])
    expect(await db.outbox.where('recordId').equals(siti.id).count()).toBe(1)
    expect((await db.drafts.get('member:new:y'))?.values).toEqual({ name: NAME })
    expect((await db.meta.get('deviceId'))?.value).toBe('device-test')
    db.close()
  })

  it('leaves version 6 as it was when the upgrade stops half way, and finishes at the next open', async () => {
    const siti = await version6()
    setDataKeys(undefined) // the first write of the upgrade fails, as a killed tab would stop it
    const db = new KaderDb(name)
    await expect(db.open()).rejects.toThrow()
    db.close()
    const raw = new Dexie(name)
    await raw.open()
    expect(raw.verno).toBe(6)
    expect(await raw.table('members').get(siti.id)).toEqual(siti)
    raw.close()

    setDataKeys(keys)
    const again = new KaderDb(name)
    await again.open()
    setDbForTests(again)
    expect(await getMember(siti.id)).toEqual(siti)
    again.close()
    expect(await rawText(name)).not.toContain(NAME)
  })
})

describe('migration to version 8 (format 2)', () => {
  const name = `format1-${uuidv7()}`
  const keys = dataKeys()
  afterEach(async () => {
    setDataKeys(keys)
    setDbForTests(undefined)
    await Dexie.delete(name)
  })

  /** A record sealed as version 7 stored it: every field but these as plain JSON, AES-GCM, the table as AAD. */
  async function format1(table: string, record: Record<string, unknown>, clearNames: string[], k: DataKeys) {
    const clear: Record<string, unknown> = {}
    const secret: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(record))
      (clearNames.includes(field) ? clear : secret)[field] = value
    const iv = crypto.getRandomValues(new Uint8Array(12))
    const enc = new TextEncoder()
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: enc.encode(table) },
        k.records,
        enc.encode(JSON.stringify(secret)),
      ),
    )
    clear[SEALED] = new Uint8Array([...iv, ...sealed])
    return clear
  }

  /** A version 7 install holding a household, a member (blind NIK) and a visit in format 1. */
  async function version7() {
    const h = makeHousehold({ headName: HEAD })
    const m = makeMember(h.id, { name: NAME, nik: NIK_SITI })
    const v = {
      id: uuidv7(),
      memberId: m.id,
      householdId: h.id,
      workAreaId: h.workAreaId,
      date: '2025-06-10',
      place: 'posyandu',
      parts: { dewasa: { weightKg: 58.5, systolicMmHg: 128 } },
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      deviceId: 'device-test',
      version: 1,
    }
    const old = new Dexie(name)
    old.version(7).stores(STORES_6)
    const k = dataKeys()
    await old.table('households').add(await format1('households', h, ['id', 'workAreaId'], k))
    const member = await format1('members', m, ['id', 'householdId'], k)
    await old.table('members').add({ ...member, nik: await blindIndex(k, NIK_SITI) })
    await old.table('visits').add(await format1('visits', v, ['id', 'memberId', 'workAreaId', 'date'], k))
    old.close()
    return { h, m, v }
  }

  /** The first byte of each stored record's plaintext: `{` (123) in format 1, 2 in format 2. */
  async function formats(): Promise<number[]> {
    const raw = new Dexie(name)
    await raw.open()
    const found: number[] = []
    for (const table of ['households', 'members', 'visits']) {
      for (const row of await raw.table(table).toArray()) {
        const bytes = row[SEALED] as Uint8Array<ArrayBuffer>
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: new TextEncoder().encode(table) },
          dataKeys().records,
          bytes.subarray(12),
        )
        found.push(new Uint8Array(plain)[0] as number)
      }
    }
    raw.close()
    return found
  }

  it('rewrites records of format 1 in format 2: everything readable, nothing in clear', async () => {
    const { h, m, v } = await version7()
    expect(await formats()).toEqual([123, 123, 123])
    const db = new KaderDb(name)
    await db.open()
    setDbForTests(db)
    expect(db.verno).toBe(8)
    expect(await getMember(m.id)).toEqual(m)
    expect(await db.households.get(h.id)).toEqual(h)
    expect(await db.visits.get(v.id)).toEqual(v)
    expect(await db.members.where('nik').equals(NIK_SITI).primaryKeys()).toEqual([m.id])
    db.close()
    expect(await formats()).toEqual([2, 2, 2])
    const raw = await rawText(name)
    for (const secret of [NAME, NIK_SITI, HEAD, '58.5']) expect(raw).not.toContain(secret)
  })

  it('leaves version 7 as it was when the upgrade stops half way, and finishes at the next open', async () => {
    const { m } = await version7()
    setDataKeys(undefined)
    const db = new KaderDb(name)
    await expect(db.open()).rejects.toThrow()
    db.close()
    setDataKeys(keys)
    const raw = new Dexie(name)
    await raw.open()
    expect(raw.verno).toBe(7)
    raw.close()
    expect(await formats()).toEqual([123, 123, 123])

    const again = new KaderDb(name)
    await again.open()
    setDbForTests(again)
    expect(await getMember(m.id)).toEqual(m)
    again.close()
    expect(await formats()).toEqual([2, 2, 2])
  })
})

describe('what stays in clear', () => {
  withTestDb()

  it('keeps the offline area map, a Blob of public map data, whole', async () => {
    const { getOfflineAreaMap, saveOfflineAreaMap } = await import('../../../src/data/map-settings')
    await saveOfflineAreaMap(new Blob([new Uint8Array([1, 2, 3])]), 'desa.pmtiles', NOW)
    const map = await getOfflineAreaMap()
    if (!map) throw new Error('the area map is gone')
    expect(map.name).toBe('desa.pmtiles')
    expect(new Uint8Array(await map.file.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]))
  })
})
