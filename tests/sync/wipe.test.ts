// A lost phone wiped from the server (CLI `device wipe`, docs/security.md), against the real server.
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { currentKeys, dataKeys, setDataKeys } from '../../src/data/crypto/session'
import { setUpPin } from '../../src/data/crypto/unlock'
import { readVault } from '../../src/data/crypto/vault-store'
import { wipeAccountOf } from '../../src/data/crypto/wipe'
import { forgetAllAccounts } from '../data/crypto/phone-accounts'
import { addKader, TARGETS } from '../server/harness'
import { syncSetup, T0 } from './phones'

describe.each(TARGETS)('device wipe on $name', (target) => {
  const { server, phone } = syncSetup(target)
  const keys = dataKeys()
  afterEach(async () => {
    setDataKeys(keys)
    await forgetAllAccounts()
  })

  it('sends what waits, then hears the wipe; wiping deletes the vault, the keys and the records', async () => {
    const k = await addKader(server())
    const account = await setUpPin('482915', 'pin')
    const a = phone('a', account.dbName)
    await a.login(server().url, k)
    await a.addHousehold(k.area, T0)
    expect((await a.sync()).wipe).toBeUndefined()

    const last = await a.addHousehold(k.area, T0 + 1000, { headName: 'Terakhir Dikirim' })
    await server().admin.wipeDevice(String((await a.db.meta.get('deviceId'))?.value))
    expect(await a.sync()).toMatchObject({ pushed: 1, wipe: true })
    const b = phone('b')
    await b.login(server().url, k)
    await b.sync()
    expect((await b.db.households.get(last.id))?.headName).toBe('Terakhir Dikirim')

    await wipeAccountOf(a.db)
    expect(await readVault(account.id)).toBeUndefined()
    expect(currentKeys()).toBeUndefined()
    expect(await Dexie.exists(a.db.name)).toBe(false)
  })
})
