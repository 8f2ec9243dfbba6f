// The vault's own small database, 'kader-ilp-vault', read before the app is unlocked — so it holds nothing
// personal and is not encrypted: the kaders' accounts on this phone (accounts.ts), and per account its vault (the
// wrapped secret and the PIN derivation's cost, vault.ts) and its lock's state (wrong PINs so far, the auto-lock
// time). Each account's records are in its own database (accounts.ts dbName), opened only after its unlock.
import Dexie, { type Table, type Transaction } from 'dexie'
import { type DeviceAccount, dbNameFor, FIRST_DB_NAME, newAccountId, numberFor } from './accounts'
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
  declare accounts: Table<DeviceAccount, string>
  constructor() {
    super('kader-ilp-vault')
    // vaults, lock — id: the account's (accounts), one each.
    this.version(1).stores({ vaults: 'id', lock: 'id' })
    // accounts — id: every kader of this phone ("Ganti kader"); a handful, read whole: no index.
    this.version(2).stores({ accounts: 'id' }).upgrade(adoptSingleAccount)
  }
}

/**
 * Before version 2 the phone had one vault, 'current', for the records in 'kader-ilp': it becomes account number 1
 * with that database. In the upgrade's one transaction, so a tab killed here leaves version 1 as it was.
 */
async function adoptSingleAccount(tx: Transaction): Promise<void> {
  const OLD = 'current'
  const vault = await tx.table('vaults').get(OLD)
  if (!vault) return
  const id = newAccountId()
  const account: DeviceAccount = { id, dbName: FIRST_DB_NAME, number: 1, addedAt: new Date().toISOString() }
  await tx.table('accounts').add(account)
  await tx.table('vaults').put({ ...vault, id })
  await tx.table('vaults').delete(OLD)
  const lock = await tx.table('lock').get(OLD)
  if (lock) await tx.table('lock').put({ ...lock, id })
  await tx.table('lock').delete(OLD)
}

let db: VaultDb | undefined
const vaultDb = () => {
  db ??= new VaultDb()
  return db
}

/** The accounts of this phone, by number; one being wiped is not among them. */
export async function listAccounts(): Promise<DeviceAccount[]> {
  const rows = await vaultDb().accounts.toArray()
  return rows.filter((a) => !a.wiping).sort((a, b) => a.number - b.number)
}

/** A new account with its vault, in one transaction: an account never exists without its PIN. */
export async function createAccount(vault: Vault, now = new Date()): Promise<DeviceAccount> {
  const v = vaultDb()
  return v.transaction('rw', v.accounts, v.vaults, async () => {
    const all = await v.accounts.toArray()
    const id = newAccountId()
    const account = { id, dbName: dbNameFor(id, all), number: numberFor(all), addedAt: now.toISOString() }
    await v.accounts.add(account)
    await v.vaults.put({ ...vault, id })
    return account
  })
}

/** Noted at each unlock: the phone starts on the account used last. */
export async function touchAccount(id: string, now = new Date()): Promise<void> {
  await vaultDb().accounts.update(id, { lastUsedAt: now.toISOString() })
}

/** The account whose vault the server's account `userId` can recover (it logged in there), if any. */
export async function accountOfUser(userId: string): Promise<DeviceAccount | undefined> {
  const v = vaultDb()
  const vault = await v.vaults.filter((row) => row.recovery?.userId === userId).first()
  return vault && (await listAccounts()).find((a) => a.id === vault.id)
}

export async function readVault(accountId: string): Promise<Vault | undefined> {
  const row = await vaultDb().vaults.get(accountId)
  if (!row) return undefined
  const { id: _id, ...vault } = row
  return vault
}

export async function saveVault(accountId: string, vault: Vault): Promise<void> {
  await vaultDb().vaults.put({ ...vault, id: accountId })
}

export async function readLockState(accountId: string | undefined): Promise<LockState> {
  const row = accountId === undefined ? undefined : await vaultDb().lock.get(accountId)
  return {
    failures: row?.failures ?? 0,
    lastFailureAt: row?.lastFailureAt,
    autoLockMinutes: row?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
  }
}

export async function saveLockState(accountId: string, state: LockState): Promise<void> {
  await vaultDb().lock.put({ ...state, id: accountId })
}

/**
 * A device wipe, step 1: the account's vault and lock state go and the account is marked; without the vault its
 * records can never be read again, even if deleting them (step 2, the caller) is interrupted.
 */
export async function forgetVault(accountId: string): Promise<void> {
  const v = vaultDb()
  await v.transaction('rw', v.vaults, v.lock, v.accounts, async () => {
    await v.vaults.delete(accountId)
    await v.lock.delete(accountId)
    await v.accounts.update(accountId, { wiping: true })
  })
}

/** A device wipe, step 3: the account leaves the registry once its database is deleted. */
export async function removeAccount(accountId: string): Promise<void> {
  await vaultDb().accounts.delete(accountId)
}

/** At start: finishes the wipes a closed tab interrupted (their vaults are already gone). */
export async function finishInterruptedWipes(): Promise<void> {
  for (const a of await vaultDb().accounts.toArray()) {
    if (!a.wiping) continue
    await Dexie.delete(a.dbName)
    await removeAccount(a.id)
  }
}

/** The auto-lock choices offered in Settings, in minutes. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30] as const

export async function setAutoLockMinutes(accountId: string, minutes: number): Promise<void> {
  await saveLockState(accountId, { ...(await readLockState(accountId)), autoLockMinutes: minutes })
}
