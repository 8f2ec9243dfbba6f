import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dataKeys, setDataKeys } from '../../../src/data/crypto/session'
import { makeHousehold, withTestDb } from '../fixtures'

describe('plaintexts at hand (open-cache.ts)', () => {
  const db = withTestDb()
  const keys = dataKeys()
  afterEach(() => {
    setDataKeys(keys)
    vi.restoreAllMocks()
  })

  it('reads records it sealed, or opened once, without a decrypt', async () => {
    const households = [makeHousehold(), makeHousehold()]
    const ids = households.map((h) => h.id)
    await db().households.bulkPut(households)
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt')
    expect(await db().households.bulkGet(ids)).toEqual(households)
    expect(decrypt).not.toHaveBeenCalled()

    setDataKeys(undefined) // locking forgets them
    setDataKeys(keys)
    expect(await db().households.bulkGet(ids)).toEqual(households)
    expect(decrypt).toHaveBeenCalledTimes(2)
    expect(await db().households.toArray()).toHaveLength(2)
    expect(decrypt).toHaveBeenCalledTimes(2)
  })

  it('decrypts a row whose ciphertext changed behind it', async () => {
    const before = makeHousehold({ headName: 'Bapak Sastrowardoyo' })
    await db().households.put(before)
    const raw = new Dexie(db().name)
    await raw.open()
    const storedBefore = await raw.table('households').get(before.id)
    // The app now holds the plaintext of a later version; another context puts the earlier ciphertext back.
    await db().households.put({ ...before, headName: 'Bapak Hadiwijoyo' })
    await raw.table('households').put(storedBefore)
    raw.close()
    expect(await db().households.get(before.id)).toEqual(before)
  })

  it('gives every read its own objects', async () => {
    const household = makeHousehold()
    await db().households.put(household)
    const first = await db().households.get(household.id)
    if (!first) throw new Error('household')
    first.address.rt = '099'
    expect((await db().households.get(household.id))?.address.rt).toBe(household.address.rt)
  })
})
