// The vault's own small database, 'kader-ilp-vault', read before the app is unlocked — so it holds nothing
// personal and is not encrypted: the vault (the wrapped secret and the PIN derivation's cost, vault.ts) and the
// lock's state (wrong PINs so far, the auto-lock time). The app's records are in 'kader-ilp' (db.ts), which is opened
// only after unlock.
import Dexie, { type Table } from 'dexie'
import type { Vault } from './vault'

/** How long the app may stay in the background before it locks itself; the kader changes it in Settings. */
export const DEFAULT_AUTO_LOCK_MINUTES = 5

export interface LockState {
  /** Wrong PINs since the last right one. */
  failures: number
  /** When the last wrong PIN was typed (ms since the epoch): the wait runs from here. */
  lastFailureAt?: number
  autoLockMinutes: number
}

class VaultDb extends Dexie {
  declare vaults: Table<Vault & { id: string }, string>
  declare lock: Table<LockState & { id: string }, string>
  constructor() {
    super('kader-ilp-vault')
    // id: one vault per account on the device; today the one account, 'current'.
    this.version(1).stores({ vaults: 'id', lock: 'id' })
  }
}

const CURRENT = 'current'
let db: VaultDb | undefined
const vaultDb = () => {
  db ??= new VaultDb()
  return db
}

export async function readVault(): Promise<Vault | undefined> {
  const row = await vaultDb().vaults.get(CURRENT)
  if (!row) return undefined
  const { id: _id, ...vault } = row
  return vault
}

export async function saveVault(vault: Vault): Promise<void> {
  await vaultDb().vaults.put({ ...vault, id: CURRENT })
}

export async function readLockState(): Promise<LockState> {
  const row = await vaultDb().lock.get(CURRENT)
  return {
    failures: row?.failures ?? 0,
    lastFailureAt: row?.lastFailureAt,
    autoLockMinutes: row?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
  }
}

export async function saveLockState(state: LockState): Promise<void> {
  await vaultDb().lock.put({ ...state, id: CURRENT })
}

/** Forgets the vault and the lock's state: without the vault the records can never be read again. */
export async function deleteVault(): Promise<void> {
  const v = vaultDb()
  await v.transaction('rw', v.vaults, v.lock, async () => {
    await v.vaults.clear()
    await v.lock.clear()
  })
}

/** The auto-lock choices offered in Settings, in minutes. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30] as const

export async function setAutoLockMinutes(minutes: number): Promise<void> {
  await saveLockState({ ...(await readLockState()), autoLockMinutes: minutes })
}
