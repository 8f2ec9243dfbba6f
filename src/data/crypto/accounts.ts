// The kaders of one phone ("Ganti kader", docs/security.md "Shared phone"): each account has its own vault (its own
// PIN and secret) and its own records' database. The registry is read before any unlock, so it holds nothing that
// names a person: a random id, the database's name, and the number the lock screen shows ("Kader 2").
// These are the pure rules; the registry is stored in the vault's database (vault-store.ts).

export interface DeviceAccount {
  /** 128 random bits, hex: names nobody and cannot be linked to a server account. */
  id: string
  /** The IndexedDB database of its records. */
  dbName: string
  /** Shown on the lock screen: "Kader 1", "Kader 2". The lowest free at the time it was added. */
  number: number
  addedAt: string
  /** When it was last unlocked: the phone starts on this account's lock screen. */
  lastUsedAt?: string
  /** Its vault is gone and its database is being deleted (a device wipe): finished at the next start. */
  wiping?: true
}

/**
 * The first account's database keeps the name the app always had: an install from before "Ganti kader" is adopted
 * as it is (IndexedDB cannot rename a database, and copying it would not be crash-safe). A name says nothing of
 * whose records it holds.
 */
export const FIRST_DB_NAME = 'kader-ilp'

export function newAccountId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  )
}

/** The database of a new account: the app's own name when no account holds it, else one named by the random id. */
export function dbNameFor(id: string, accounts: readonly DeviceAccount[]): string {
  return accounts.some((a) => a.dbName === FIRST_DB_NAME) ? `${FIRST_DB_NAME}-${id}` : FIRST_DB_NAME
}

/** The number a new account is shown with: the lowest one no account on the phone has. */
export function numberFor(accounts: readonly DeviceAccount[]): number {
  const taken = new Set(accounts.map((a) => a.number))
  let n = 1
  while (taken.has(n)) n += 1
  return n
}

/** The account the phone starts on: the one unlocked last (or the first added, if none was ever unlocked). */
export function startAccount(accounts: readonly DeviceAccount[]): DeviceAccount | undefined {
  const live = accounts.filter((a) => !a.wiping)
  return [...live].sort(
    (a, b) => (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '') || a.number - b.number,
  )[0]
}
