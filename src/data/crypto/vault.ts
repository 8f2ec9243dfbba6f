// The vault of one account on this device: how its secret is wrapped (keys.ts) and what the PIN's key derivation
// costs (kdf.ts). It holds no personal data and is stored in clear (vault-store.ts): without the PIN or the
// recovery key it opens nothing.
import { derivePinKey, type KdfParams, newKdfParams } from './kdf'
import { type DataKeys, newSecret, openSecret, rewrapSecret, type Wrapped } from './keys'

export interface Vault {
  version: 1
  kdf: KdfParams
  /** 'pin': digits only, typed on a number pad; 'passphrase': any text, for a kader who wants more. */
  kind: 'pin' | 'passphrase'
  /** The secret wrapped by the key derived from the PIN. */
  pin: Wrapped
  /** The secret wrapped by the server's recovery key of this account and device: recovery by online login. */
  recovery?: Wrapped & { userId: string; deviceId: string }
}

/** The vault opened: the working keys and the key that opened it (kept to re-wrap: new PIN, recovery key). */
export interface OpenVault {
  keys: DataKeys
  kek: CryptoKey
  /** Which wrapping opened it: after 'recovery' the kader must set a new PIN. */
  openedBy: 'pin' | 'recovery'
}

/** A PIN is at least 6 digits; a passphrase at least 8 characters. */
export const PIN_MIN_DIGITS = 6
export const PASSPHRASE_MIN_LENGTH = 8

export type PinProblem = 'short' | 'notDigits' | 'guessable'

/**
 * Why a new PIN is refused. Repeated or consecutive digits (111111, 123456, 987654) are the first an attacker tries
 * (they top every leaked PIN list), so they are refused; anything else of the right length is accepted.
 */
export function pinProblem(pin: string, kind: Vault['kind']): PinProblem | undefined {
  if (kind === 'passphrase') return [...pin].length < PASSPHRASE_MIN_LENGTH ? 'short' : undefined
  if (!/^\d*$/.test(pin)) return 'notDigits'
  if (pin.length < PIN_MIN_DIGITS) return 'short'
  const steps = new Set([...pin].slice(1).map((d, i) => (Number(d) - Number(pin[i]) + 10) % 10))
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0] ?? -1)) return 'guessable'
  return undefined
}

/** A new vault with a new random secret; `cost` only for tests (the default is the measured one). */
export async function createVault(
  pin: string,
  kind: Vault['kind'],
  cost?: Omit<KdfParams, 'salt'>,
): Promise<{ vault: Vault; open: OpenVault }> {
  const kdf = newKdfParams(cost)
  const kek = await derivePinKey(pin, kdf)
  const wrapped = await newSecret(kek)
  const keys = await openSecret(wrapped, kek)
  return { vault: { version: 1, kdf, kind, pin: wrapped }, open: { keys, kek, openedBy: 'pin' } }
}

/** Opens the vault with the PIN; WrongKeyError when it is not the PIN. */
export async function unlockWithPin(vault: Vault, pin: string): Promise<OpenVault> {
  const kek = await derivePinKey(pin, vault.kdf)
  return { keys: await openSecret(vault.pin, kek), kek, openedBy: 'pin' }
}

/** Opens the vault with the server's recovery key (after an online login); WrongKeyError when it is not it. */
export async function unlockWithRecovery(vault: Vault, recoveryKek: CryptoKey): Promise<OpenVault> {
  if (!vault.recovery) throw new Error('This vault has no recovery key')
  return { keys: await openSecret(vault.recovery, recoveryKek), kek: recoveryKek, openedBy: 'recovery' }
}

/** The vault with a new PIN (and a new salt); the secret, and so every record, stays as it is. */
export async function withNewPin(
  vault: Vault,
  open: OpenVault,
  pin: string,
  kind: Vault['kind'],
  cost?: Omit<KdfParams, 'salt'>,
): Promise<{ vault: Vault; open: OpenVault }> {
  const kdf = newKdfParams(cost)
  const kek = await derivePinKey(pin, kdf)
  const from = open.openedBy === 'pin' ? vault.pin : vault.recovery
  if (!from) throw new Error('The vault was opened by a wrapping it no longer has')
  const wrapped = await rewrapSecret(from, open.kek, kek)
  return { vault: { ...vault, kdf, kind, pin: wrapped }, open: { keys: open.keys, kek, openedBy: 'pin' } }
}

/** The vault with the secret also wrapped by the server's recovery key for this account and device. */
export async function withRecovery(
  vault: Vault,
  open: OpenVault,
  recoveryKek: CryptoKey,
  account: { userId: string; deviceId: string },
): Promise<Vault> {
  const from = open.openedBy === 'pin' ? vault.pin : vault.recovery
  if (!from) throw new Error('The vault was opened by a wrapping it no longer has')
  return { ...vault, recovery: { ...(await rewrapSecret(from, open.kek, recoveryKek)), ...account } }
}
