// A forgotten PIN recovered by logging in online, and a lost phone wiped from the server (CLI `device wipe`), in
// real Chromium against the real reference server, which serves the built app under its security policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/index'
import { launchBrowser, startAppServer } from './harness'
import { setPin } from './privacy-steps'

const KADER = { username: 'siti', password: 'rahasia-posyandu' }

describe('recovery and wipe (real Chromium, real server)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startAppServer()
    await server.admin.addWorkArea({
      id: 'sukamaju',
      kabupaten: 'Sukabumi',
      kecamatan: 'Cibadak',
      desa: 'Sukamaju',
    })
    await server.admin.addUser({ ...KADER, name: 'Siti', workAreaId: 'sukamaju' })
  })
  afterAll(() => server?.close())

  it('sets a new PIN after an online login, then wipes the phone when the server says so', async () => {
    const { page, close } = await launchBrowser({ pin: 'manual' })
    try {
      await page.goto(server.url)
      await page.getByRole('heading', { name: 'Buat PIN' }).waitFor()
      await setPin(page, '590317')
      await page.getByRole('link', { name: 'Pengaturan' }).click()
      await page.getByLabel('Nama pengguna').fill(KADER.username)
      await page.getByLabel('Kata sandi').fill(KADER.password)
      await page.getByRole('button', { name: 'Masuk' }).click()
      await page.getByText('Masuk sebagai Siti').waitFor()

      await page.getByRole('button', { name: 'Kunci sekarang' }).click()
      await page.getByRole('button', { name: 'Lupa PIN?' }).click()
      await page.getByLabel('Nama pengguna').fill(KADER.username)
      await page.getByLabel('Kata sandi akun').fill('bukan-sandinya')
      await page.getByRole('button', { name: 'Masuk' }).click()
      await page.getByText(/kata sandi salah/).waitFor()
      await page.getByLabel('Kata sandi akun').fill(KADER.password)
      await page.getByRole('button', { name: 'Masuk' }).click()
      await page.getByRole('heading', { name: 'Buat PIN baru' }).waitFor()
      await setPin(page, '731946')
      // The records are back: the account, stored encrypted, is read again.
      await page.goto(`${server.url}/#/pengaturan`)
      await page.getByText('Masuk sebagai Siti').waitFor()

      const deviceId = await page.evaluate(
        () =>
          new Promise<string>((ok, fail) => {
            const open = indexedDB.open('kader-ilp')
            open.onerror = () => fail(open.error)
            open.onsuccess = () => {
              const get = open.result.transaction('meta').objectStore('meta').get('deviceId')
              get.onsuccess = () => ok(String(get.result?.value))
              get.onerror = () => fail(get.error)
            }
          }),
      )
      await server.admin.wipeDevice(deviceId)
      // The next contact wipes: the button's sync, or a run the app starts by itself first (then the button is gone).
      const wiped = page.getByRole('heading', { name: 'Buat PIN' })
      const button = page.getByRole('button', { name: 'Sinkronkan sekarang' })
      // If the button went away, the app's own run wiped: the heading below must then show (or this fails).
      await button.click({ timeout: 10_000 }).catch(() => wiped.waitFor())
      // Wiped and started again as a new install: no PIN, no records.
      await wiped.waitFor()
      const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
      expect(names).not.toContain('kader-ilp')
    } finally {
      await close()
    }
  })
})
