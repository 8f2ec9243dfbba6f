// Setting the PIN, unlocking and changing the PIN: what the lock screen does (ui/lock). It imports the key
// derivation (WebAssembly), so it is loaded only by the lock and PIN screens. The vault as opened is kept here while
// the app is unlocked — to re-wrap the secret for a new PIN — and forgotten on lock.

import { WrongKeyError } from './keys'
import { waitAfter, waitLeft } from './lock-policy'
import { onLockChange, setDataKeys } from './session'
import { createVault, type OpenVault, unlockWithPin, type Vault, withNewPin } from './vault'
import { readLockState, readVault, saveLockState, saveVault } from './vault-store'

let opened: OpenVault | undefined
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
