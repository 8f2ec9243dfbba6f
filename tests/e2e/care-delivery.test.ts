// The care loop's last steps with no signal (issue 12): a pregnant woman's delivery registers her baby with KN1 due
// at once, and a person who moved away is closed — out of the Jadwal, history kept — and can be reopened.
import { describe, expect, it } from 'vitest'
import { daysAgo, scheduleText } from './care-steps'
import { registerHousehold, waitForServiceWorker, withAppAndBrowser } from './harness'

const PLACE = { dusun: 'Krajan', rw: '2', desa: 'Sukamaju', kecamatan: 'Cibadak', kabupaten: 'Sukabumi' }

describe('delivery and closing a case, offline (real Chromium)', () => {
  const session = withAppAndBrowser()

  it('records a delivery: the newborn appears in the household with her mother and KN1 due', async () => {
    const { page, context } = session.browser()
    const app = session.app()
    await page.goto(app.url)
    await waitForServiceWorker(page)
    await context.setOffline(true)
    await page.reload()

    await registerHousehold(page, { ...PLACE, head: 'Dedi', rt: '4' })
    await page.getByRole('link', { name: '+ Anggota' }).click()
    await page.getByLabel('Nama lengkap').fill('Sari')
    await page.getByLabel('Perempuan', { exact: true }).check()
    await page.getByLabel('Tanggal lahir').fill(daysAgo(28 * 365))
    await page.getByLabel('Hubungan dengan kepala keluarga').selectOption({ label: 'Istri' })
    await page.getByLabel('Sedang hamil').check()
    await page.getByLabel(/HPHT/).fill(daysAgo(39 * 7))
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('link', { name: /Sari/ }).click()

    await page.getByRole('link', { name: 'Catat persalinan' }).click()
    await page.getByLabel('Tanggal persalinan').fill(daysAgo(0))
    await page.getByLabel('Jam persalinan (boleh kosong)').fill('00:05')
    await page.getByLabel('Fasyankes').check()
    await page.getByLabel('Nakes (bidan/dokter)').check()
    await expect.poll(() => page.getByLabel('Nama bayi').inputValue()).toBe('Bayi Ny. Sari')
    await page.getByLabel('Perempuan', { exact: true }).check()
    await page.getByLabel(/Berat lahir/).fill('3,1')
    await page.getByRole('button', { name: 'Simpan' }).click()

    // The baby's page: her mother linked, her birth weight recorded.
    await page.getByRole('heading', { name: 'Bayi Ny. Sari' }).waitFor()
    await page.getByRole('link', { name: 'Ibu: Sari' }).waitFor()
    await page.getByText('Disalin dari Buku KIA').first().waitFor()
    const schedule = await scheduleText(page, app.url)
    expect(schedule).toMatch(/Bayi Ny\. Sari — KN1/)
    expect(schedule).toMatch(/Sari — KF1/)

    // The mother: delivered at a fasyankes, no "Catat persalinan" any more.
    await page.goto(`${app.url}/#/`)
    await page.getByRole('link', { name: /Dedi/ }).first().click()
    await page.getByRole('link', { name: /^Sari/ }).click()
    await page.getByText(/Melahirkan .* · Fasyankes, ditolong Nakes/).waitFor()
    expect(await page.getByRole('link', { name: 'Catat persalinan' }).count()).toBe(0)
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
  })

  it('closes a man who moved away: out of the Jadwal, his referral closed, history kept, and reopens', async () => {
    const { page } = session.browser()
    const app = session.app()
    await page.goto(`${app.url}/#/`)
    await registerHousehold(page, { ...PLACE, head: 'Joko', rt: '5' })
    await page.getByRole('link', { name: '+ Anggota' }).click()
    await page.getByLabel('Nama lengkap').fill('Joko')
    await page.getByLabel('Laki-laki', { exact: true }).check()
    await page.getByLabel('Tanggal lahir').fill(daysAgo(50 * 365))
    await page.getByLabel('Hubungan dengan kepala keluarga').selectOption({ label: 'Kepala keluarga' })
    await page.getByRole('button', { name: 'Simpan' }).click()
    // Saved once the form has gone back to the household: leaving earlier would race the save's own navigation.
    await page.getByRole('link', { name: /^Joko/ }).waitFor()
    expect(await scheduleText(page, app.url)).toMatch(/Joko — /)

    // Referred for BP 165/100 before he moved.
    await page.goBack()
    await page.getByRole('link', { name: /^Joko/ }).click()
    await page.getByRole('link', { name: 'Catat kunjungan' }).click()
    await page.getByLabel(/Tekanan darah atas/).fill('165')
    await page.getByLabel(/Tekanan darah bawah/).fill('100')
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('heading', { name: 'Riwayat kunjungan' }).waitFor()
    expect(await scheduleText(page, app.url)).toMatch(/Joko — Tindak lanjut rujukan/)

    await page.goto(`${app.url}/#/`)
    await page.getByRole('link', { name: /Joko/ }).first().click()
    await page.getByRole('link', { name: /^Joko/ }).click()
    await page.getByRole('link', { name: 'Tutup kasus' }).click()
    await page.getByLabel('Pindah').check()
    await page.getByLabel('Pindah ke mana').fill('Bandung')
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page
      .getByRole('status')
      .getByText(/Pindah sejak .* — Bandung/)
      .waitFor()
    const jokoPage = page.url()
    expect(await scheduleText(page, app.url)).not.toMatch(/Joko — /)
    // His referral is closed with the case: in Selesai, not in the open list; the visit stays in his history.
    await page.goto(`${app.url}/#/rujukan`)
    await page.getByRole('heading', { name: 'Perlu ditindaklanjuti (0)' }).waitFor()
    await page.getByText(/kasus ditutup/).waitFor()

    await page.goto(jokoPage)
    await page
      .getByText(/Tekanan darah 165\/100/)
      .first()
      .waitFor()
    page.once('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: 'Buka kembali' }).click()
    await page.getByRole('link', { name: 'Tutup kasus' }).waitFor()
    expect(await scheduleText(page, app.url)).toMatch(/Joko — /)
  })
})
