import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SEALED } from '../../src/data/crypto/sealing'
import { currentKeys, lock, setDataKeys } from '../../src/data/crypto/session'
import { buildHouseholdRows, type ListedRow, type ListRows, listedRow } from '../../src/data/household-rows'
import { readListSnapshot, writeListSnapshot } from '../../src/data/list-snapshot'
import { loadWorkArea } from '../../src/data/read'
import { householdListRows } from '../../src/data/work-area-rows'
import { saveHousehold, saveMember } from '../../src/data/write'
import { householdInput, memberInput, NIK_SITI, NOW, TODAY, WORK_AREA, withTestDb } from './fixtures'

// At unlock the household list paints from one sealed record, then the area as read replaces it. The snapshot must
// be exactly the list (or absent), sealed, and no more than the list shows.

const db = withTestDb()
const opts = { now: NOW, today: TODAY }
const KEYS = currentKeys()
afterEach(() => setDataKeys(KEYS))

async function household(headName: string, rt: string) {
  const h = await saveHousehold(
    householdInput({ headName, address: { ...householdInput().address, rt } }),
    opts,
  )
  if (!h.ok) throw new Error('household')
  const m = await saveMember(memberInput(h.record.id, { name: `${headName} Istri` }), opts)
  if (!m.ok) throw new Error('member')
  return h.record
}

async function listed(): Promise<ListedRow[]> {
  const { households, members } = await loadWorkArea(WORK_AREA)
  return buildHouseholdRows(households, members, TODAY).map(listedRow)
}

/** A screen showing the list from a fresh unlock: every version of its rows, once the area's rows are there. */
async function showList() {
  lock() // the kept rows leave memory, as at a real lock
  setDataKeys(KEYS)
  return watchList()
}

/** A screen showing the list: every version of its rows, once the area's rows are there. */
async function watchList() {
  const seen: ListRows[] = []
  const stop = householdListRows(WORK_AREA, TODAY).subscribe((list) => {
    if (list && seen.at(-1) !== list) seen.push(list)
  }) as () => void
  await vi.waitFor(() => expect(seen.at(-1)?.rows).toBeDefined())
  return { seen, stop }
}

async function unlockAndWatch(): Promise<ListRows[]> {
  const { seen, stop } = await showList()
  stop()
  return seen
}

const storedSnapshot = async () => (await db().meta.get('listSnapshot'))?.value

/** The snapshot's row as IndexedDB holds it (sealed), read without the keys. */
async function rawSnapshot() {
  const raw = new Dexie(db().name)
  await raw.open()
  const stored = await raw.table('meta').get('listSnapshot')
  raw.close()
  return stored
}

/** Locks (writing what waits, with the keys of that moment), and unlocks once it is stored. */
async function lockAndUnlock() {
  lock()
  await vi.waitFor(async () => expect(await rawSnapshot()).toBeDefined())
  setDataKeys(KEYS)
}

describe('the sealed list snapshot', () => {
  it('is written after a change at lock, and shown at the next unlock until the area is read', async () => {
    await household('Budi', '002')
    const list = await showList()
    await vi.waitFor(async () => expect(await storedSnapshot()).toBeDefined()) // at once after a whole read
    await household('Ahmad', '001')
    await vi.waitFor(() => expect(list.seen.at(-1)?.listed).toHaveLength(2))
    list.stop()
    await lockAndUnlock() // writes what the change left waiting, while the keys are still there
    const seen = await unlockAndWatch()
    const expected = await listed()
    expect(seen).toHaveLength(2)
    expect(seen[0]?.rows).toBeUndefined()
    expect(seen[0]?.listed).toEqual(expected)
    expect(seen[1]?.listed).toEqual(expected)
    expect(expected.map((r) => r.headName)).toEqual(['Ahmad', 'Budi'])
  })

  it('holds no more than the list shows, sealed', async () => {
    const h = await household('Sastro Wiryono', '003')
    await saveMember(memberInput(h.id, { name: 'Wulandari', nik: NIK_SITI }), opts)
    await unlockAndWatch()
    writeListSnapshot()
    await vi.waitFor(async () => expect(await storedSnapshot()).toBeDefined())
    const value = (await storedSnapshot()) as { rows: object[] }
    expect(Object.keys(value).sort()).toEqual(['rows', 'today', 'workAreaId'])
    expect(value.rows).toEqual([
      {
        id: h.id,
        headName: 'Sastro Wiryono',
        dusun: 'Karanganyar',
        rt: '003',
        rw: '002',
        memberCount: 2,
        stages: ['dewasa'],
      },
    ])
    expect(JSON.stringify(value)).not.toContain('Wulandari')

    const stored = await rawSnapshot()
    expect(Object.keys(stored).sort()).toEqual([SEALED, 'key'].sort())
    expect(new TextDecoder('latin1').decode(stored[SEALED])).not.toContain('Sastro')
  })

  it('is deleted by any change of a household or member, and written again from the rows built after it', async () => {
    await household('Ahmad', '001')
    await unlockAndWatch()
    writeListSnapshot()
    await vi.waitFor(async () => expect(await storedSnapshot()).toBeDefined())
    await household('Cahya', '004')
    await vi.waitFor(async () => expect(await storedSnapshot()).toBeUndefined())
    // The next unlock has none to show: the first version is the area's.
    const seen = await unlockAndWatch()
    expect(seen).toHaveLength(1)
    await lockAndUnlock()
    expect(await readListSnapshot(WORK_AREA, TODAY)).toEqual(await listed())
  })

  it('one change behind (a tab killed before deleting it) is shown, then corrected by the area as read', async () => {
    await household('Ahmad', '001')
    const before = await listed()
    await household('Budi', '002')
    // As if the tab died after the second household was stored: the snapshot of the list before it.
    await db().meta.put({ key: 'listSnapshot', value: { workAreaId: WORK_AREA, today: TODAY, rows: before } })
    const seen = await unlockAndWatch()
    expect(seen.map((list) => list.listed.map((r) => r.headName))).toEqual([['Ahmad'], ['Ahmad', 'Budi']])
    await vi.waitFor(async () => expect(await readListSnapshot(WORK_AREA, TODAY)).toEqual(await listed()))
  })

  it('read ahead at unlock, is not shown after a change made before the list reads it', async () => {
    await household('Ahmad', '001')
    await unlockAndWatch()
    await vi.waitFor(async () => expect(await rawSnapshot()).toBeDefined())
    lock()
    setDataKeys(KEYS) // reads the snapshot ahead
    await household('Budi', '002')
    const { seen, stop } = await watchList()
    stop()
    expect(seen.map((list) => list.listed.length)).toEqual([2])
  })

  it('is not written again when the area as read is what it showed', async () => {
    await household('Ahmad', '001')
    await unlockAndWatch()
    await vi.waitFor(async () => expect(await rawSnapshot()).toBeDefined())
    const before = await rawSnapshot()
    await unlockAndWatch()
    lock()
    setDataKeys(KEYS)
    expect(await rawSnapshot()).toEqual(before) // the same IV and ciphertext: not sealed again
  })

  it('is not shown on another day or for another area, nor when it cannot be read', async () => {
    await household('Ahmad', '001')
    await unlockAndWatch()
    writeListSnapshot()
    await vi.waitFor(async () => expect(await readListSnapshot(WORK_AREA, TODAY)).toBeDefined())
    expect(await readListSnapshot(WORK_AREA, '2025-06-16')).toBeUndefined()
    expect(await readListSnapshot('wilayah-lain', TODAY)).toBeUndefined()
    await db().meta.put({
      key: 'listSnapshot',
      value: { workAreaId: WORK_AREA, today: TODAY, rows: [{ id: 1 }] },
    })
    expect(await readListSnapshot(WORK_AREA, TODAY)).toBeUndefined()
  })
})
