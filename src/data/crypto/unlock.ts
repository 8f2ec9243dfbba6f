// Setting the PIN, unlocking and changing the PIN: what the lock screen does (ui/lock). It imports the key
// derivation (WebAssembly), so it is loaded only by the lock and PIN screens. The vault as opened is kept here while
// the app is unlocked — to re-wrap the secret for a new PIN — and forgotten on lock.

import { importRecoveryKey, WrongKeyError } from './keys'
import { waitAfter, waitLeft } from './lock-policy'
import { onLockChange, setDataKeys } from './session'
import {
  createVault,
  type OpenVault,
  unlockWithPin,
  unlockWithRecovery,
  type Vault,
  withNewPin,
  withRecovery,
} from './vault'
import { readLockState, readVault, saveLockState, saveVault } from './vault-store'

let opened: OpenVault | undefined
/** Opened by the recovery key, waiting for the new PIN (finishRecovery); not unlocked yet. */
let recovered: OpenVault | undefined
onLockChange((unlocked) => {
  if (!unlocked) opened = undefined
})

export type UnlockResult =
  | { ok: true }
  /** The PIN did not open the vault; `waitMs`: how long before the next try. */
  | { ok: false; reason: 'wrong'; failures: number; waitMs: number }
  /** Too many wrong PINs: the try was not even made. */
  | { ok: false; reason: 'wait'; waitMs: number }

/** First start (or the first start of an older install): a new vault, and the app unlocked with it. */
export async function setUpPin(pin: string, kind: Vault['kind']): Promise<void> {
  if (await readVault()) throw new Error('This device already has a PIN')
  const { vault, open } = await createVault(pin, kind)
  await saveVault(vault)
  opened = open
  setDataKeys(open.keys)
}

export async function unlock(pin: string, now: () => number = Date.now): Promise<UnlockResult> {
  const state = await readLockState()
  const left = waitLeft(state, now())
  if (left > 0) return { ok: false, reason: 'wait', waitMs: left }
  const vault = await readVault()
  if (!vault) throw new Error('This device has no PIN yet')
  try {
    opened = await unlockWithPin(vault, pin)
  } catch (error) {
    if (!(error instanceof WrongKeyError)) throw error
    const failures = state.failures + 1
    await saveLockState({ ...state, failures, lastFailureAt: now() })
    return { ok: false, reason: 'wrong', failures, waitMs: waitAfter(failures) }
  }
  if (state.failures > 0) await saveLockState({ autoLockMinutes: state.autoLockMinutes, failures: 0 })
  setDataKeys(opened.keys)
  return { ok: true }
}

/** A new PIN or passphrase while unlocked: the same secret re-wrapped, no record touched. */
export async function changePin(pin: string, kind: Vault['kind']): Promise<void> {
  const vault = await readVault()
  if (!vault || !opened) throw new Error('Unlock before changing the PIN')
  const next = await withNewPin(vault, opened, pin, kind)
  await saveVault(next.vault)
  opened = next.open
}

/**
 * After an online login (sync/auth.ts): the secret is also wrapped by the server's recovery key of this account and
 * device. False when the app was not unlocked through this module (nothing to wrap).
 */
export async function addRecoveryKey(recoveryKey: string, account: { userId: string; deviceId: string }) {
  const vault = await readVault()
  if (!vault || !opened) return false
  await saveVault(
    await withRecovery(vault, opened, await importRecoveryKey(fromBase64url(recoveryKey)), account),
  )
  return true
}

/** The account and device whose recovery key opens this device's vault, if the kader has ever logged in. */
export async function recoveryAccount(): Promise<{ userId: string; deviceId: string } | undefined> {
  const recovery = (await readVault())?.recovery
  return recovery && { userId: recovery.userId, deviceId: recovery.deviceId }
}

/** "Lupa PIN?", step 1: the recovery key the server gave an online login opens the vault (WrongKeyError if not). */
export async function openWithRecoveryKey(recoveryKey: string): Promise<void> {
  const vault = await readVault()
  if (!vault) throw new Error('This device has no PIN yet')
  recovered = await unlockWithRecovery(vault, await importRecoveryKey(fromBase64url(recoveryKey)))
}

/** "Lupa PIN?", step 2: the new PIN; the app is unlocked with it and the wrong-PIN count starts again. */
export async function finishRecovery(pin: string, kind: Vault['kind']): Promise<void> {
  const vault = await readVault()
  if (!vault || !recovered) throw new Error('Recover the vault before setting a new PIN')
  const next = await withNewPin(vault, recovered, pin, kind)
  await saveVault(next.vault)
  await saveLockState({ ...(await readLockState()), failures: 0, lastFailureAt: undefined })
  recovered = undefined
  opened = next.open
  setDataKeys(opened.keys)
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
}
