// Recovery of a forgotten PIN by an online login, against the real server (docs/security.md "Keys").
import { afterEach, describe, expect, it } from 'vitest'
import { currentKeys, dataKeys, LockedError, lock, setDataKeys } from '../../src/data/crypto/session'
import { finishRecovery, recoveryAccount, setUpPin, unlock } from '../../src/data/crypto/unlock'
import { readVault } from '../../src/data/crypto/vault-store'
import { recoverWithLogin } from '../../src/sync/auth'
import { SyncError } from '../../src/sync/errors'
import { forgetAllAccounts } from '../data/crypto/phone-accounts'
import { addKader, api, TARGETS } from '../server/harness'
import { syncSetup, T0 } from './phones'

describe.each(TARGETS)('recovery by online login on $name', (target) => {
  const { server, phone } = syncSetup(target)
  const keys = dataKeys()
  afterEach(async () => {
    setDataKeys(keys)
    await forgetAllAccounts()
  })

  it('gives each account on each device its own recovery key, the same at every login', async () => {
    const k = await addKader(server())
    const login = async (deviceId: string) =>
      (
        await api<{ recoveryKey?: string }>(server().url, 'POST', '/login', {
          body: { username: k.username, password: k.password, deviceId },
        })
      ).body.recoveryKey
    const first = await login('device-a')
    expect(Buffer.from(first ?? '', 'base64url')).toHaveLength(32)
    expect(await login('device-a')).toBe(first)
    expect(await login('device-b')).not.toBe(first)
  })

  it('wraps the data key at login; a forgotten PIN is replaced by logging in online with the password', async () => {
    const k = await addKader(server())
    const account = await setUpPin('482915', 'pin')
    const a = phone('a')
    const home = await a.addHousehold(undefined, T0, { headName: 'Sastro Wiryono' })
    const auth = await a.login(server().url, k)
    expect(await recoveryAccount()).toEqual({ userId: auth.user.id, deviceId: expect.any(String) })
    expect((await readVault(account.id))?.recovery).toBeDefined()

    lock()
    await expect(a.db.households.get(home.id)).rejects.toBeInstanceOf(LockedError)
    await expect(recoverWithLogin(server().url, k.username, 'bukan-sandinya')).rejects.toBeInstanceOf(
      SyncError,
    )
    const other = await addKader(server())
    await expect(recoverWithLogin(server().url, other.username, other.password)).rejects.toMatchObject({
      detail: 'other-account',
    })
    expect(currentKeys()).toBeUndefined()

    await recoverWithLogin(server().url, k.username, k.password)
    expect(currentKeys()).toBeUndefined() // not open until the new PIN is set
    await finishRecovery('790135', 'pin')
    expect((await a.db.households.get(home.id))?.headName).toBe('Sastro Wiryono')

    lock()
    expect((await unlock('482915')).ok).toBe(false)
    expect(await unlock('790135')).toEqual({ ok: true })
  })
})
