// A screening recorded with no signal: the findings appear as the kader types, the schedule has the referral to
// follow up at once, and after a restart the visit is in the member's history and the child is on the referral list.
import { describe, expect, it } from 'vitest'
import { yearsAgo } from './care-steps'
import { registerHousehold, waitForServiceWorker, withAppAndBrowser } from './harness'

describe('screening offline (real Chromium)', () => {
  const session = withAppAndBrowser()

  it('records a stunted child offline and finds the visit in the history and the referral list after reload', async () => {
    const { page, context } = session.browser()
    const app = session.app()
    await page.goto(app.url)
    await waitForServiceWorker(page)
    await context.setOffline(true)
    await page.reload()

    await registerHousehold(page, {
      head: 'Ahmad Yani',
      dusun: 'Krajan',
      rt: '2',
      rw: '1',
      desa: 'Sukamaju',
      kecamatan: 'Cibadak',
      kabupaten: 'Sukabumi',
    })
    await page.getByRole('link', { name: '+ Anggota' }).click()
    await page.getByLabel('Nama lengkap').fill('Rizky')
    await page.getByLabel('Laki-laki', { exact: true }).check()
    await page.getByLabel('Tanggal lahir').fill(yearsAgo(3))
    await page.getByLabel('Hubungan dengan kepala keluarga').selectOption({ label: 'Anak' })
    await page.getByRole('button', { name: 'Simpan' }).click()

    // The schedule, worked out once by the area worker, which then keeps the area's records.
    await page.getByRole('link', { name: /Rizky/ }).waitFor()
    await page.goto(`${app.url}/#/jadwal`)
    await page.getByRole('heading', { name: 'Jadwal kunjungan' }).waitFor()
    await page.locator('main p.loading').waitFor({ state: 'detached' })
    expect(await page.getByText(/Tindak lanjut rujukan/).count()).toBe(0)
    await page.goBack()

    await page.getByRole('link', { name: /Rizky/ }).click()
    await page.getByRole('link', { name: 'Catat kunjungan' }).click()
    await page.getByLabel('Berat badan (kg)').fill('12,4')
    await page.getByLabel(/Tinggi badan \(TB\)/).fill('87')
    const results = page.getByRole('region', { name: 'Hasil' })
    await results.getByText(/Pendek \(stunting\)/).waitFor()
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('heading', { name: 'Riwayat kunjungan' }).waitFor()

    // The worker's kept schedule has the new visit: the referral is to be followed up this week.
    await page.goto(`${app.url}/#/jadwal`)
    await page
      .getByRole('region', { name: 'Minggu ini' })
      .getByText(/Rizky.*Tindak lanjut rujukan.*Gizi dan pertumbuhan/)
      .waitFor()
    await page.goBack()
    await page.getByRole('heading', { name: 'Riwayat kunjungan' }).waitFor()

    // Restart without signal.
    await page.reload()
    await page.getByRole('heading', { name: 'Riwayat kunjungan' }).waitFor()
    await page.getByText(/12,4/).first().waitFor()
    await page
      .getByText(/Pendek \(stunting\)/)
      .first()
      .waitFor()

    await page.goto(`${app.url}/#/rujukan`)
    const list = page.getByRole('main')
    await list.getByRole('link', { name: 'Rizky' }).waitFor()
    await list.getByText(/Pendek \(stunting\)/).waitFor()
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
  })
})
