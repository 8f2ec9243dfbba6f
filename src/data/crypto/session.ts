// The working keys while the app is unlocked (keys.ts): in this module's memory only — in the page, and in the area
// worker, which receives them as CryptoKey objects (area/client.ts). Locking forgets them. Never stored anywhere.
// Also which of the phone's accounts (accounts.ts) the lock screen is for, or is unlocked.
import type { DeviceAccount } from './accounts'
import type { DataKeys } from './keys'

/** A read or write of an encrypted record while the app is locked. */
export class LockedError extends Error {
  override readonly name = 'LockedError'
  constructor() {
    super('The app is locked')
  }
}

let keys: DataKeys | undefined
let account: DeviceAccount | undefined
let switchAsked = false
const listeners = new Set<(unlocked: boolean) => void>()
const beforeLock = new Set<() => void>()

/** The keys, or LockedError. */
export function dataKeys(): DataKeys {
  if (keys) return keys
  throw new LockedError()
}

/** The keys while unlocked, undefined while locked. */
export function currentKeys(): DataKeys | undefined {
  return keys
}

/** Unlock (keys) or lock (undefined); tells every listener. */
export function setDataKeys(next: DataKeys | undefined): void {
  keys = next
  if (next) switchAsked = false
  for (const listener of listeners) listener(next !== undefined)
}

/**
 * Unlock with `next` once `prepare` has run with the keys in place but nobody told yet: what starts on unlock (sync,
 * the area worker) then finds what it wrote — a new kader's login. Told even when `prepare` fails (the PIN is set).
 */
export async function unlockAfter(next: DataKeys, prepare: () => Promise<unknown>): Promise<void> {
  keys = next
  try {
    await prepare()
  } finally {
    setDataKeys(next)
  }
}

/** Called with true on unlock and false on lock; returns the unsubscribe. */
export function onLockChange(listener: (unlocked: boolean) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Called as the app locks, while the keys are still there: a last write must be started synchronously. */
export function onBeforeLock(listener: () => void): () => void {
  beforeLock.add(listener)
  return () => beforeLock.delete(listener)
}

/** "Kunci", and the auto-lock: the keys are forgotten; everything that reads records stops (onLockChange). */
export function lock(): void {
  if (!keys) return
  for (const listener of beforeLock) listener()
  setDataKeys(undefined)
}

/** The account whose lock screen shows, or which is unlocked; undefined before the first PIN on this phone. */
export function chosenAccount(): DeviceAccount | undefined {
  return account
}

export function chooseAccount(next: DeviceAccount | undefined): void {
  account = next
}

/** "Ganti kader" in Settings: locks, and the lock screen opens on the list of the phone's kaders. */
export function switchKader(): void {
  switchAsked = true
  lock()
}

/** Whether "Ganti kader" was asked since the last unlock: the lock screen then opens on the list. */
export function switchRequested(): boolean {
  return switchAsked
}
