// Version 7 encrypts an existing install in place (docs/security.md "Migration"): every row of every encrypted
// table is read and written back through the encryption middleware. It runs inside the version-change
// transaction, which IndexedDB commits whole or not at all: a tab killed at any point leaves version 6 with every
// record as it was, and the next open (after the next unlock) starts again. The database is opened only once the
// app is unlocked, so the key is there; without it the first write throws LockedError and the upgrade aborts.
// Version 8 runs it again: every record, read in the format it has, is written back in format 2 (sealing.ts).
import Dexie, { type IndexableType, type Transaction } from 'dexie'
import { CLEAR_FIELDS } from './sealing'

/** Rows per read and write: the area's 125,000 rows are never all in memory at once. */
const PAGE = 500

export async function encryptExistingRecords(tx: Transaction): Promise<void> {
  for (const name of Object.keys(CLEAR_FIELDS)) {
    const table = tx.table(name)
    const keyPath = table.schema.primKey.keyPath as string
    let after: IndexableType | undefined
    for (;;) {
      const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
        .limit(PAGE)
        .toArray()
      if (page.length === 0) break
      await table.bulkPut(page)
      after = Dexie.getByKeyPath(page[page.length - 1], keyPath) as IndexableType
    }
  }
}
