// Two kaders on one phone ("Ganti kader", docs/security.md), against the real server: each account is a device of
// its own with its own records, an account logs in on one place of the phone only, and a device wipe takes only
// the account it was meant for.
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { chooseAccount, dataKeys, lock, onLockChange, setDataKeys } from '../../src/data/crypto/session'
import { setUpPin, unlock } from '../../src/data/crypto/unlock'
import { listAccounts, readVault } from '../../src/data/crypto/vault-store'
import { wipeAccountOf } from '../../src/data/crypto/wipe'
import { getDb } from '../../src/data/db'
import type { SyncRunSummary } from '../../src/data/sync-state'
import { addNewKader, login, loginNewKader, storeNewKaderLogin } from '../../src/sync/auth'
import type { SyncError } from '../../src/sync/errors'
import { startSyncScheduler } from '../../src/sync/scheduler'
import { forgetAllAccounts } from '../data/crypto/phone-accounts'
import { addKader, TARGETS } from '../server/harness'
import { syncSetup, T0 } from './phones'

describe.each(TARGETS)('two kaders on one phone on $name', (target) => {
  const { server, phone } = syncSetup(target)
  const keys = dataKeys()
  afterEach(async () => {
    for (const a of await listAccounts()) await Dexie.delete(a.dbName)
    await forgetAllAccounts()
    setDataKeys(keys)
  })

  /** Kader B's area holds a household sent from her tablet; kader A is the phone's first account, logged in. */
  async function twoKaders() {
    const ka = await addKader(server())
    const kb = await addKader(server())
    const elsewhere = phone('kb-elsewhere')
    await elsewhere.login(server().url, kb)
    const bHome = await elsewhere.addHousehold(kb.area, T0, { headName: 'Rumah Wilayah B' })
    await elsewhere.sync()
    const a = await setUpPin('482915', 'pin')
    const phoneA = phone('a', a.dbName)
    await phoneA.login(server().url, ka)
    return { ka, kb, bHome, a, phoneA }
  }

  it('keeps their records and devices apart, and a wipe of one leaves the other', async () => {
    const { ka, kb, bHome, a, phoneA } = await twoKaders()
    const aHome = await phoneA.addHousehold(ka.area, T0, { headName: 'Rumah Wilayah A' })
    await phoneA.sync()

    // "Ganti kader": A's account cannot be logged in a second time on the phone.
    lock()
    await expect(loginNewKader(server().url, ka.username, ka.password)).rejects.toMatchObject({
      reason: 'account-on-phone',
      detail: '1',
    })
    const accepted = await loginNewKader(server().url, kb.username, kb.password)
    const b = await setUpPin('790135', 'pin')
    const phoneB = phone('b', b.dbName)
    await storeNewKaderLogin(accepted, { db: phoneB.db })
    expect((await readVault(b.id))?.recovery?.userId).toBe(accepted.body.user.id)
    await phoneB.sync()
    expect((await phoneB.db.households.toArray()).map((h) => h.id)).toEqual([bHome.id])
    const deviceOf = async (db: Dexie) => String((await db.table('meta').get('deviceId'))?.value)
    expect(await deviceOf(phoneB.db)).not.toBe(await deviceOf(phoneA.db))
    await expect(login(server().url, ka.username, ka.password, { db: phoneB.db })).rejects.toMatchObject({
      reason: 'account-on-phone',
    })

    await server().admin.wipeDevice(await deviceOf(phoneB.db))
    expect(await phoneB.sync()).toMatchObject({ wipe: true })
    await wipeAccountOf(phoneB.db)
    expect((await listAccounts()).map((x) => x.id)).toEqual([a.id])
    expect(await Dexie.exists(b.dbName)).toBe(false)

    chooseAccount(a)
    expect(await unlock('482915')).toEqual({ ok: true })
    expect((await phoneA.db.households.get(aHome.id))?.headName).toBe('Rumah Wilayah A')
    expect((await phoneA.sync()).wipe).toBeUndefined()
  })

  it("a new kader's first run on unlock finds her login", async () => {
    const { kb, bHome } = await twoKaders()
    lock()

    // As main.tsx: the scheduler starts on unlock and runs at once, on the unlocked account's database.
    const quiet = { window: new EventTarget(), document: new EventTarget(), serviceWorker: new EventTarget() }
    let stopScheduler = () => {}
    const firstRun = new Promise<SyncRunSummary | SyncError>((resolve) => {
      const stop = onLockChange((unlocked) => {
        if (!unlocked) return
        stop()
        stopScheduler = startSyncScheduler({
          db: getDb(),
          baseUrl: server().url,
          events: quiet,
          sleep: async () => {},
          onRun: resolve,
        }).stop
      })
    })
    const accepted = await loginNewKader(server().url, kb.username, kb.password)
    const b = await addNewKader(accepted, '790135', 'pin')
    try {
      expect(await firstRun).toMatchObject({ pulled: 1 })
      expect((await getDb().households.toArray()).map((h) => h.id)).toEqual([bHome.id])
      expect(getDb().name).toBe(b.dbName)
    } finally {
      stopScheduler()
    }
  })
})
