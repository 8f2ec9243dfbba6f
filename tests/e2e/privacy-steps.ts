// Steps of the privacy tests (PIN lock, "Ganti kader", recovery, migration) in real Chromium, and what the origin
// stores, read from page JavaScript as an attacker with the browser profile would.
import type { Page } from 'playwright-core'

/** A new PIN on the PIN screen (first start, a new kader, after recovery): typed twice, then saved. */
export async function setPin(page: Page, pin: string) {
  await page.locator('form[data-lock] input').nth(0).fill(pin)
  await page.locator('form[data-lock] input').nth(1).fill(pin)
  await page.getByRole('button', { name: 'Simpan dan buka' }).click()
}

/** From a household's screen: a woman born 12-04-1990, the head's wife, with `nik`; waits for her in the list. */
export async function registerWife(page: Page, name: string, nik: string) {
  await page.getByRole('link', { name: '+ Anggota' }).click()
  await page.getByLabel('Nama lengkap').fill(name)
  await page.getByLabel('Perempuan', { exact: true }).check()
  await page.getByLabel('Tanggal lahir').fill('1990-04-12')
  await page.getByLabel('NIK', { exact: true }).fill(nik)
  await page.getByLabel('Hubungan dengan kepala keluarga').selectOption({ label: 'Istri' })
  await page.getByRole('button', { name: 'Simpan' }).click()
  await page.getByRole('link', { name: new RegExp(name) }).waitFor()
}

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
