// Wiping this device (a `device wipe` heard at sync, src/sync/wipe.ts): the vault goes first — without it the
// records can never be decrypted, even if deleting them is interrupted — then the keys in memory, then the records'
// database. The next start is a first start.
import { getDb, type KaderDb } from '../db'
import { lock } from './session'
import { deleteVault } from './vault-store'

export async function wipeThisDevice(db: KaderDb = getDb()): Promise<void> {
  await deleteVault()
  lock()
  await db.delete()
}
