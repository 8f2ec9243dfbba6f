// The kaders of one phone ("Ganti kader", docs/security.md): the registry's naming and numbering, the adoption of
// an install from before it, and each account's own PIN, records and wipe.
import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type DeviceAccount,
  dbNameFor,
  FIRST_DB_NAME,
  numberFor,
  startAccount,
} from '../../../src/data/crypto/accounts'
import { chooseAccount, currentKeys, dataKeys, lock, setDataKeys } from '../../../src/data/crypto/session'
import { setUpPin, unlock } from '../../../src/data/crypto/unlock'
import {
  finishInterruptedWipes,
  forgetVault,
  listAccounts,
  readLockState,
  readVault,
} from '../../../src/data/crypto/vault-store'
import { wipeAccountOf } from '../../../src/data/crypto/wipe'
import { getDb, openKaderDb } from '../../../src/data/db'
import { saveHousehold } from '../../../src/data/write'
import { householdInput, NOW } from '../fixtures'
import { forgetAllAccounts } from './phone-accounts'

const account = (over: Partial<DeviceAccount>): DeviceAccount => ({
  id: 'x',
  dbName: 'kader-ilp-x',
  number: 1,
  addedAt: '2026-12-01T00:00:00.000Z',
  ...over,
})

describe('naming and numbering', () => {
  it("gives the first account the app's database and each next one a database named by its random id", () => {
    expect(dbNameFor('aa', [])).toBe(FIRST_DB_NAME)
    const first = account({ id: 'aa', dbName: FIRST_DB_NAME })
    expect(dbNameFor('bb', [first])).toBe('kader-ilp-bb')
    // Wiped, the first account frees the name again.
    expect(dbNameFor('cc', [account({ id: 'bb', dbName: 'kader-ilp-bb' })])).toBe(FIRST_DB_NAME)
  })

  it('numbers a new account with the lowest free number and starts on the one unlocked last', () => {
    expect(numberFor([])).toBe(1)
    expect(numberFor([account({ number: 1 }), account({ number: 3 })])).toBe(2)
    const one = account({ id: '1', number: 1, lastUsedAt: '2026-12-01T08:00:00.000Z' })
    const two = account({ id: '2', number: 2, lastUsedAt: '2026-12-02T08:00:00.000Z' })
    expect(startAccount([one, two])?.id).toBe('2')
    expect(startAccount([account({ id: '3', number: 3 }), account({ id: '4', number: 2 })])?.id).toBe('4')
    expect(startAccount([{ ...two, wiping: true }, one])?.id).toBe('1')
    expect(startAccount([])).toBeUndefined()
  })
})

describe('the accounts of one phone', () => {
  const keys = dataKeys()
  afterEach(async () => {
    for (const a of await listAccounts()) await Dexie.delete(a.dbName)
    await forgetAllAccounts()
    setDataKeys(keys)
  })

  // First in this file: the vault's database is still the one an install from before accounts left.
  it('adopts an install from before accounts: its vault and records become Kader 1, in one upgrade', async () => {
    const old = new Dexie('kader-ilp-vault')
    old.version(1).stores({ vaults: 'id', lock: 'id' })
    await old.table('vaults').put({ id: 'current', version: 1, kind: 'pin', marker: 'the old vault' })
    await old.table('lock').put({ id: 'current', failures: 2, autoLockMinutes: 15 })
    old.close()

    const [adopted, ...others] = await listAccounts()
    expect(others).toEqual([])
    expect(adopted).toMatchObject({ dbName: FIRST_DB_NAME, number: 1 })
    expect(adopted?.id).toMatch(/^[0-9a-f]{32}$/)
    expect(await readVault(adopted?.id ?? '')).toMatchObject({ marker: 'the old vault' })
    expect(await readLockState(adopted?.id)).toMatchObject({ failures: 2, autoLockMinutes: 15 })
    expect(await readVault('current')).toBeUndefined()
  })

  it("keeps each kader's PIN, wrong-PIN count and records apart", async () => {
    const a = await setUpPin('482915', 'pin')
    const home = await saveHousehold(householdInput({ headName: 'Rumah Kader Satu' }), { now: NOW })
    expect(home.ok).toBe(true)
    const b = await setUpPin('790135', 'pin')
    expect(b.dbName).not.toBe(a.dbName)
    expect(b.number).toBe(2)
    expect(getDb().name).toBe(b.dbName)
    expect(await getDb().households.count()).toBe(0)

    lock()
    // B's lock screen: A's PIN does not open it, and the wrong try counts for B only.
    expect(await unlock('482915')).toMatchObject({ ok: false, reason: 'wrong', failures: 1 })
    expect((await readLockState(a.id)).failures).toBe(0)
    chooseAccount(a)
    expect(await unlock('482915')).toEqual({ ok: true })
    expect(getDb().name).toBe(a.dbName)
    expect((await getDb().households.toArray()).map((h) => h.headName)).toEqual(['Rumah Kader Satu'])
    expect(startAccount(await listAccounts())?.id).toBe(a.id)
  })

  it("wipes only the revoked account's vault and records, and finishes a wipe a closed tab interrupted", async () => {
    const a = await setUpPin('482915', 'pin')
    await saveHousehold(householdInput({ headName: 'Rumah Kader Satu' }), { now: NOW })
    const b = await setUpPin('790135', 'pin')
    await saveHousehold(householdInput({ headName: 'Rumah Kader Dua' }), { now: NOW })
    lock()
    chooseAccount(a)
    expect(await unlock('482915')).toEqual({ ok: true })

    // Each kader's flags in localStorage (kader-settings.ts); Node has no localStorage, so a Map stands in.
    const flags = new Map([a.id, b.id].map((id) => [`kader-ilp.welcomed.${id}`, '1']))
    vi.stubGlobal('localStorage', {
      get length() {
        return flags.size
      },
      key: (i: number) => [...flags.keys()][i] ?? null,
      removeItem: (key: string) => flags.delete(key),
    })

    // A is unlocked; B's device is wiped (its sync ran before "Ganti kader"): A stays open, B is gone.
    await wipeAccountOf(openKaderDb(b.dbName)).finally(() => vi.unstubAllGlobals())
    expect([...flags.keys()]).toEqual([`kader-ilp.welcomed.${a.id}`])
    expect(currentKeys()).toBeDefined()
    expect(await readVault(b.id)).toBeUndefined()
    expect(await readVault(a.id)).toBeDefined()
    expect(await Dexie.exists(b.dbName)).toBe(false)
    expect((await listAccounts()).map((x) => x.id)).toEqual([a.id])
    expect((await getDb().households.toArray()).map((h) => h.headName)).toEqual(['Rumah Kader Satu'])

    // A wipe stopped after its first step: the next start finishes it.
    await forgetVault(a.id)
    expect(await listAccounts()).toEqual([])
    expect(await Dexie.exists(a.dbName)).toBe(true)
    getDb().close()
    await finishInterruptedWipes()
    expect(await Dexie.exists(a.dbName)).toBe(false)
  })
})
