// Issue 14's promise in real Chromium: with the app locked, nothing of a registered member — name, NIK, a draft —
// is readable in any IndexedDB database of the origin; the PIN brings everything back; wrong PINs wait; the screen
// is blank in the background and the app locks itself after the auto-lock time there.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { launchBrowser, registerHousehold, startApp } from './harness'
import { everythingStored, registerWife } from './privacy-steps'

const PIN = '590317'
const NAME = 'Wulandari Kusumaningtyas'
// A valid NIK for a woman born 12-04-1990 (day + 40), serial 7731.
const NIK = '3301015204907731'
const DRAFT_NAME = 'Anggraini Sulistyowati'

async function typePin(page: Page, pin: string, label = 'PIN') {
  await page.getByLabel(label, { exact: true }).fill(pin)
  await page.getByRole('button', { name: 'Buka', exact: true }).click()
}

/** A wrong PIN, and its answer: the field is emptied once the key derivation has refused it. */
async function typeWrongPin(page: Page, pin: string) {
  await typePin(page, pin)
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('form[data-lock] input')?.value === '',
  )
}

describe('privacy on a shared phone (real Chromium)', () => {
  it('keeps name, NIK and drafts unreadable while locked, and brings them back with the PIN', async () => {
    const app = await startApp()
    const { page, close } = await launchBrowser({ pin: 'manual' })
    try {
      await page.goto(app.url)
      await page.getByRole('heading', { name: 'Buat PIN' }).waitFor()
      await page.getByLabel('PIN baru (minimal 6 angka)').fill('123456')
      await page.getByLabel('Ketik sekali lagi').fill('123456')
      await page.getByRole('button', { name: 'Simpan dan buka' }).click()
      await page.getByText('Terlalu mudah ditebak').waitFor()
      await page.getByLabel('PIN baru (minimal 6 angka)').fill(PIN)
      await page.getByLabel('Ketik sekali lagi').fill(PIN)
      await page.getByRole('button', { name: 'Simpan dan buka' }).click()
      await page.getByRole('heading', { name: 'Rumah tangga' }).waitFor()

      await registerHousehold(page, {
        head: 'Sastro Wiryono',
        dusun: 'Krajan',
        rt: '3',
        rw: '1',
        desa: 'Bolang',
        kecamatan: 'Dayeuhluhur',
        kabupaten: 'Cilacap',
      })
      await registerWife(page, NAME, NIK)
      // A second member typed but not saved: a draft.
      await page.getByRole('link', { name: '+ Anggota' }).click()
      await page.getByLabel('Nama lengkap').fill(DRAFT_NAME)
      await page.waitForTimeout(600) // the draft is written 400 ms after the last keystroke
      await page.goto(`${app.url}/#/`)
      await page.getByText(/draf/i).first().waitFor()

      await page.getByRole('button', { name: 'Kunci' }).click()
      await page.getByRole('heading', { name: 'Kader ILP terkunci' }).waitFor()
      expect(await page.content()).not.toContain('Sastro Wiryono')

      // The lock writes the list's snapshot (src/data/list-snapshot.ts): the scan must see it too.
      await expect
        .poll(async () => (await everythingStored(page)).text, { timeout: 10_000 })
        .toContain('"key":"listSnapshot"')
      const stored = await everythingStored(page)
      // The scan sees the records: the member, her household, their outbox rows and the draft are all there.
      expect(stored.counts['kader-ilp/members']).toBe(1)
      expect(stored.counts['kader-ilp/drafts']).toBe(1)
      expect(stored.counts['kader-ilp/outbox']).toBeGreaterThanOrEqual(2)
      for (const secret of [NAME, NIK, DRAFT_NAME, 'Wulandari', 'Sastro Wiryono'])
        expect(stored.text).not.toContain(secret)

      // Two wrong PINs are free; the right one opens.
      await typeWrongPin(page, '000000')
      await page.getByText('PIN salah.').waitFor()
      await typeWrongPin(page, '111111')
      await typePin(page, PIN)
      await page.getByRole('heading', { name: 'Rumah tangga' }).waitFor()
      await page.getByText('Sastro Wiryono').click()
      await page.getByRole('link', { name: new RegExp(NAME) }).waitFor()

      // Three wrong PINs in a row: the next try waits, across a reload too.
      await page.reload()
      for (const wrong of ['000000', '111111', '222222']) await typeWrongPin(page, wrong)
      await page.getByText(/Coba lagi dalam \d+ detik/).waitFor()
      expect(await page.getByRole('button', { name: 'Buka', exact: true }).isDisabled()).toBe(true)
      await page.reload()
      await page.getByText(/Coba lagi dalam \d+ detik/).waitFor()
      expect(await page.getByRole('button', { name: 'Buka', exact: true }).isDisabled()).toBe(true)
    } finally {
      await close()
      await app.close()
    }
  })

  it('blanks the screen in the background and locks after the auto-lock time there', async () => {
    const app = await startApp()
    const { page, close } = await launchBrowser({ pin: 'manual' })
    try {
      await page.clock.install()
      await page.goto(app.url)
      await page.getByLabel('PIN baru (minimal 6 angka)').fill(PIN)
      await page.getByLabel('Ketik sekali lagi').fill(PIN)
      await page.getByRole('button', { name: 'Simpan dan buka' }).click()
      await page.getByRole('heading', { name: 'Rumah tangga' }).waitFor()

      const setVisibility = (state: 'hidden' | 'visible') =>
        page.evaluate((s) => {
          Object.defineProperty(document, 'visibilityState', { value: s, configurable: true })
          document.dispatchEvent(new Event('visibilitychange'))
        }, state)
      await setVisibility('hidden')
      await page.waitForFunction(() => document.documentElement.classList.contains('app-hidden'))
      await setVisibility('visible')
      await page.waitForFunction(() => !document.documentElement.classList.contains('app-hidden'))
      await page.getByRole('heading', { name: 'Rumah tangga' }).waitFor()

      // Five minutes (the default) in the background: back to the lock screen.
      await setVisibility('hidden')
      await page.clock.fastForward('05:01')
      await setVisibility('visible')
      await page.getByRole('heading', { name: 'Kader ILP terkunci' }).waitFor()
      await typePin(page, PIN)
      await page.getByRole('heading', { name: 'Rumah tangga' }).waitFor()
    } finally {
      await close()
      await app.close()
    }
  })
})
