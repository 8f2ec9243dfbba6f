import { afterEach, describe, expect, it } from 'vitest'
import { FREE_TRIES, waitAfter, waitLeft } from '../../../src/data/crypto/lock-policy'
import { currentKeys, dataKeys, setDataKeys } from '../../../src/data/crypto/session'
import { changePin, setUpPin, unlock } from '../../../src/data/crypto/unlock'
import { readLockState, readVault } from '../../../src/data/crypto/vault-store'
import { forgetAllAccounts } from './phone-accounts'

describe('the wait after wrong PINs', () => {
  it('lets three tries go free, then doubles from 30 s to at most an hour', () => {
    expect([0, 1, 2].map(waitAfter)).toEqual([0, 0, 0])
    expect([3, 4, 5, 6].map(waitAfter)).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(waitAfter(40)).toBe(3_600_000)
  })

  it('counts from the last wrong PIN, and a clock set back does not shorten it', () => {
    const state = { failures: FREE_TRIES, lastFailureAt: 1_000_000 }
    expect(waitLeft(state, 1_010_000)).toBe(20_000)
    expect(waitLeft(state, 1_030_000)).toBe(0)
    expect(waitLeft(state, 500_000)).toBe(30_000)
    expect(waitLeft({ failures: 0 }, 0)).toBe(0)
  })
})

describe('setting the PIN and unlocking', () => {
  const keys = dataKeys()
  afterEach(async () => {
    setDataKeys(keys)
    await forgetAllAccounts()
  })

  it('unlocks with the PIN set, refuses others with a growing wait, and keeps the key after a PIN change', async () => {
    const account = await setUpPin('482915', 'pin')
    expect(currentKeys()).toBeDefined()
    const stored = await readVault(account.id)
    expect(JSON.stringify(stored)).not.toContain('482915')
    setDataKeys(undefined)

    let now = 1_000_000
    const clock = () => now
    for (let i = 1; i < FREE_TRIES; i += 1)
      expect(await unlock('000000', clock)).toEqual({ ok: false, reason: 'wrong', failures: i, waitMs: 0 })
    expect(await unlock('000000', clock)).toEqual({ ok: false, reason: 'wrong', failures: 3, waitMs: 30_000 })
    now += 10_000
    // Even the right PIN waits: the try is not made.
    expect(await unlock('482915', clock)).toEqual({ ok: false, reason: 'wait', waitMs: 20_000 })
    expect(currentKeys()).toBeUndefined()
    now += 20_000
    expect(await unlock('482915', clock)).toEqual({ ok: true })
    expect((await readLockState(account.id)).failures).toBe(0)

    const sealed = await seal('Siti')
    await changePin('sandi kader panjang', 'passphrase')
    setDataKeys(undefined)
    expect((await unlock('482915', clock)).ok).toBe(false)
    expect(await unlock('sandi kader panjang', clock)).toEqual({ ok: true })
    expect(await unseal(sealed)).toBe('Siti')
  })
})

const iv = new Uint8Array(12)
async function seal(text: string) {
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, dataKeys().records, new TextEncoder().encode(text))
}
async function unseal(data: ArrayBuffer) {
  return new TextDecoder().decode(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, dataKeys().records, data),
  )
}
