// Setting the PIN, unlocking and changing the PIN: what the lock screen does (ui/lock), for the account chosen on it
// (session.ts chosenAccount). It imports the key derivation (WebAssembly), so it is loaded only by the lock and PIN
// screens. The vault as opened is kept here while the app is unlocked — to re-wrap the secret for a new PIN — and
// forgotten on lock.

import { selectDatabase, warmUp } from '../db'
import { type DeviceAccount, startAccount } from './accounts'
import { importRecoveryKey, WrongKeyError } from './keys'
import { waitAfter, waitLeft } from './lock-policy'
import { chooseAccount, chosenAccount, onLockChange, setDataKeys, unlockAfter } from './session'
import {
  createVault,
  type OpenVault,
  unlockWithPin,
  unlockWithRecovery,
  type Vault,
  withNewPin,
  withRecovery,
} from './vault'
import {
  createAccount,
  listAccounts,
  readLockState,
  readVault,
  saveLockState,
  saveVault,
  touchAccount,
} from './vault-store'

let opened: OpenVault | undefined
/** Opened by the recovery key, waiting for the new PIN (finishRecovery); not unlocked yet. */
let recovered: { accountId: string; open: OpenVault } | undefined
onLockChange((unlocked) => {
  if (!unlocked) opened = undefined
})

export type UnlockResult =
  | { ok: true }
  /** The PIN did not open the vault; `waitMs`: how long before the next try. */
  | { ok: false; reason: 'wrong'; failures: number; waitMs: number }
  /** Too many wrong PINs: the try was not even made. */
  | { ok: false; reason: 'wait'; waitMs: number }

/** The account the lock screen is for: LockGate chooses it; a caller without one (the bench) gets the start one. */
async function chosen(): Promise<DeviceAccount> {
  let account = chosenAccount()
  if (!account) {
    account = startAccount(await listAccounts())
    chooseAccount(account)
  }
  if (!account) throw new Error('No account on this phone yet')
  return account
}

/**
 * Its records' database becomes the app's, then the keys arrive: everything that starts on unlock reads it.
 * `prepare` writes what must be there before that (session.ts unlockAfter).
 */
async function openAccount(account: DeviceAccount, open: OpenVault, prepare?: () => Promise<unknown>) {
  opened = open
  selectDatabase(account.dbName)
  // The screens need not wait for the vault's note of when this account was last unlocked.
  const touched = touchAccount(account.id)
  if (prepare) await unlockAfter(open.keys, prepare)
  else setDataKeys(open.keys)
  await touched
}

/**
 * A new account with its own PIN, and the app unlocked with it: the first start of the phone (or of an install
 * from before the PIN), or a new kader after "Ganti kader" — whose login `prepare` stores in her new database
 * before the unlock starts her sync (sync/auth.ts addNewKader).
 */
export async function setUpPin(
  pin: string,
  kind: Vault['kind'],
  prepare?: () => Promise<unknown>,
): Promise<DeviceAccount> {
  const { vault, open } = await createVault(pin, kind)
  const account = await createAccount(vault)
  chooseAccount(account)
  await openAccount(account, open, prepare)
  return account
}

export async function unlock(pin: string, now: () => number = Date.now): Promise<UnlockResult> {
  const account = await chosen()
  const [state, vault] = await Promise.all([readLockState(account.id), readVault(account.id)])
  const left = waitLeft(state, now())
  if (left > 0) return { ok: false, reason: 'wait', waitMs: left }
  if (!vault) throw new Error('This account has no PIN')
  // The disk's part of opening the records' database runs while the key derivation holds this thread.
  warmUp(account.dbName)
  let open: OpenVault
  try {
    open = await unlockWithPin(vault, pin)
  } catch (error) {
    if (!(error instanceof WrongKeyError)) throw error
    const failures = state.failures + 1
    await saveLockState(account.id, { ...state, failures, lastFailureAt: now() })
    return { ok: false, reason: 'wrong', failures, waitMs: waitAfter(failures) }
  }
  if (state.failures > 0)
    await saveLockState(account.id, { autoLockMinutes: state.autoLockMinutes, failures: 0 })
  await openAccount(account, open)
  return { ok: true }
}

/** A new PIN or passphrase while unlocked: the same secret re-wrapped, no record touched. */
export async function changePin(pin: string, kind: Vault['kind']): Promise<void> {
  const { id } = await chosen()
  const vault = await readVault(id)
  if (!vault || !opened) throw new Error('Unlock before changing the PIN')
  const next = await withNewPin(vault, opened, pin, kind)
  await saveVault(id, next.vault)
  opened = next.open
}

/**
 * After an online login (sync/auth.ts): the secret is also wrapped by the server's recovery key of this account and
 * device. False when the app was not unlocked through this module (nothing to wrap).
 */
export async function addRecoveryKey(recoveryKey: string, account: { userId: string; deviceId: string }) {
  const id = chosenAccount()?.id
  const vault = id === undefined ? undefined : await readVault(id)
  if (id === undefined || !vault || !opened) return false
  await saveVault(
    id,
    await withRecovery(vault, opened, await importRecoveryKey(fromBase64url(recoveryKey)), account),
  )
  return true
}

/** The server account and device whose recovery key opens the chosen account's vault, if it has ever logged in. */
export async function recoveryAccount(): Promise<{ userId: string; deviceId: string } | undefined> {
  const recovery = (await readVault((await chosen()).id))?.recovery
  return recovery && { userId: recovery.userId, deviceId: recovery.deviceId }
}

/** "Lupa PIN?", step 1: the recovery key the server gave an online login opens the vault (WrongKeyError if not). */
export async function openWithRecoveryKey(recoveryKey: string): Promise<void> {
  const { id } = await chosen()
  const vault = await readVault(id)
  if (!vault) throw new Error('This account has no PIN')
  const open = await unlockWithRecovery(vault, await importRecoveryKey(fromBase64url(recoveryKey)))
  recovered = { accountId: id, open }
}

/** "Lupa PIN?", step 2: the new PIN; the app is unlocked with it and the wrong-PIN count starts again. */
export async function finishRecovery(pin: string, kind: Vault['kind']): Promise<void> {
  const account = await chosen()
  const vault = await readVault(account.id)
  if (!vault || recovered?.accountId !== account.id) throw new Error('Recover the vault before a new PIN')
  const next = await withNewPin(vault, recovered.open, pin, kind)
  await saveVault(account.id, next.vault)
  const state = await readLockState(account.id)
  await saveLockState(account.id, { ...state, failures: 0, lastFailureAt: undefined })
  recovered = undefined
  await openAccount(account, next.open)
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
}
