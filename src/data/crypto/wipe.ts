// Wiping one kader's account on this phone (a `device wipe` heard at sync, src/sync/wipe.ts): the account whose
// database the sync ran on, and no other. Its vault goes first — without it the records can never be decrypted,
// even if deleting them is interrupted (the next start finishes it, vault-store.ts finishInterruptedWipes) — then
// its flags in localStorage (kader-settings.ts), the keys in memory if it is the unlocked account, then its records'
// database, then its place in the registry.
import { getDb, type KaderDb } from '../db'
import { forgetKaderSettings } from '../kader-settings'
import { chooseAccount, chosenAccount, lock } from './session'
import { forgetVault, listAccounts, removeAccount } from './vault-store'

export async function wipeAccountOf(db: KaderDb = getDb()): Promise<void> {
  const account = (await listAccounts()).find((a) => a.dbName === db.name)
  if (account) {
    await forgetVault(account.id)
    forgetKaderSettings(account.id)
  }
  if (chosenAccount()?.dbName === db.name) {
    lock()
    chooseAccount(undefined)
  }
  await db.delete()
  if (account) await removeAccount(account.id)
}
