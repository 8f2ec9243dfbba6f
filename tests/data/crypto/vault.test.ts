import { describe, expect, it } from 'vitest'
import { DEFAULT_KDF } from '../../../src/data/crypto/kdf'
import { importRecoveryKey, WrongKeyError } from '../../../src/data/crypto/keys'
import {
  createVault,
  pinProblem,
  unlockWithPin,
  unlockWithRecovery,
  withNewPin,
  withRecovery,
} from '../../../src/data/crypto/vault'

// Argon2id at a test cost: the cost is stored with each vault, so the code paths are the same as the default's.
const CHEAP = { alg: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const

async function seal(
  key: CryptoKey,
  text: string,
): Promise<{ iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer }> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text))
  return { iv, data }
}
async function unseal(key: CryptoKey, sealed: { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer }) {
  return new TextDecoder().decode(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data),
  )
}
const recoveryBytes = () => crypto.getRandomValues(new Uint8Array(32))

describe('the vault', () => {
  it('opens with its PIN at the default cost and gives the same record key', async () => {
    const { vault, open } = await createVault('482915', 'pin')
    expect(vault.kdf).toMatchObject(DEFAULT_KDF)
    const sealed = await seal(open.keys.records, 'Siti Aminah')
    const again = await unlockWithPin(vault, '482915')
    expect(await unseal(again.keys.records, sealed)).toBe('Siti Aminah')
  })

  it('refuses a wrong PIN with WrongKeyError', async () => {
    const { vault } = await createVault('482915', 'pin', CHEAP)
    await expect(unlockWithPin(vault, '482916')).rejects.toBeInstanceOf(WrongKeyError)
  })

  it('keeps no key exportable', async () => {
    const { open } = await createVault('482915', 'pin', CHEAP)
    for (const key of [open.keys.records, open.keys.index, open.kek]) {
      expect(key.extractable).toBe(false)
      await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow()
    }
  })

  it('derives the same blind-index key at every unlock, and a different one per vault', async () => {
    const nik = new TextEncoder().encode('3301234567890001')
    const { vault, open } = await createVault('482915', 'pin', CHEAP)
    const again = await unlockWithPin(vault, '482915')
    const other = await createVault('482915', 'pin', CHEAP)
    const mac = async (k: CryptoKey) => Buffer.from(await crypto.subtle.sign('HMAC', k, nik)).toString('hex')
    expect(await mac(again.keys.index)).toBe(await mac(open.keys.index))
    expect(await mac(other.open.keys.index)).not.toBe(await mac(open.keys.index))
  })

  it('changes the PIN without changing the records key: the old PIN no longer opens it', async () => {
    const { vault, open } = await createVault('482915', 'pin', CHEAP)
    const sealed = await seal(open.keys.records, 'NIK 3301234567890001')
    const changed = await withNewPin(vault, open, 'sandi kader panjang', 'passphrase', CHEAP)
    expect(changed.vault.kind).toBe('passphrase')
    await expect(unlockWithPin(changed.vault, '482915')).rejects.toBeInstanceOf(WrongKeyError)
    const opened = await unlockWithPin(changed.vault, 'sandi kader panjang')
    expect(await unseal(opened.keys.records, sealed)).toBe('NIK 3301234567890001')
  })

  it('opens with the recovery key only, and then takes a new PIN', async () => {
    const { vault, open } = await createVault('482915', 'pin', CHEAP)
    const sealed = await seal(open.keys.records, 'Siti Aminah')
    const raw = recoveryBytes()
    const recoverable = await withRecovery(vault, open, await importRecoveryKey(raw), {
      userId: 'user-1',
      deviceId: 'device-1',
    })
    expect(recoverable.recovery?.userId).toBe('user-1')
    await expect(
      unlockWithRecovery(recoverable, await importRecoveryKey(recoveryBytes())),
    ).rejects.toBeInstanceOf(WrongKeyError)
    const recovered = await unlockWithRecovery(recoverable, await importRecoveryKey(raw))
    expect(recovered.openedBy).toBe('recovery')
    expect(await unseal(recovered.keys.records, sealed)).toBe('Siti Aminah')
    const renewed = await withNewPin(recoverable, recovered, '790135', 'pin', CHEAP)
    const opened = await unlockWithPin(renewed.vault, '790135')
    expect(await unseal(opened.keys.records, sealed)).toBe('Siti Aminah')
  })

  it('has no recovery before the server gave a key', async () => {
    const { vault } = await createVault('482915', 'pin', CHEAP)
    await expect(unlockWithRecovery(vault, await importRecoveryKey(recoveryBytes()))).rejects.toThrow(
      'no recovery key',
    )
  })
})

describe('pinProblem', () => {
  it.each([
    ['48291', 'pin', 'short'],
    ['4829a5', 'pin', 'notDigits'],
    ['111111', 'pin', 'guessable'],
    ['123456', 'pin', 'guessable'],
    ['987654', 'pin', 'guessable'],
    ['890123', 'pin', 'guessable'],
    ['482915', 'pin', undefined],
    ['13579135', 'pin', undefined],
    ['pendek', 'passphrase', 'short'],
    ['sandi kader', 'passphrase', undefined],
  ] as const)('%s as a %s: %s', (pin, kind, problem) => {
    expect(pinProblem(pin, kind)).toBe(problem)
  })
})
