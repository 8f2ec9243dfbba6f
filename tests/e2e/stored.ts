// What the origin stores, read from page JavaScript as an attacker with the browser profile would: every value of
// every object store of every IndexedDB database, as text (bytes decoded too).
import type { Page } from 'playwright-core'

/** Every value of every object store of every IndexedDB database of the origin, as text (bytes decoded too). */
export async function everythingStored(
  page: Page,
): Promise<{ text: string; counts: Record<string, number> }> {
  return page.evaluate(async () => {
    const parts: string[] = []
    const counts: Record<string, number> = {}
    const text = (v: unknown): string => {
      if (v instanceof Uint8Array || v instanceof ArrayBuffer)
        return new TextDecoder('latin1').decode(v instanceof ArrayBuffer ? new Uint8Array(v) : v)
      if (typeof v === 'object' && v !== null) return Object.values(v).map(text).join(' ')
      return String(v)
    }
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const open = indexedDB.open(name)
        open.onsuccess = () => ok(open.result)
        open.onerror = () => fail(open.error)
      })
      for (const store of db.objectStoreNames) {
        const rows: unknown[] = await new Promise((ok, fail) => {
          const r = db.transaction(store).objectStore(store).getAll()
          r.onsuccess = () => ok(r.result)
          r.onerror = () => fail(r.error)
        })
        counts[`${name}/${store}`] = rows.length
        for (const row of rows) parts.push(JSON.stringify(row), text(row))
      }
      db.close()
    }
    return { text: parts.join('\n'), counts }
  })
}
