// The care loop with no signal, as a kader meets it (issue 12): a referral stays open until it is followed up or
// re-measured — a later visit that measured something else never closes it — and the follow-up moves it to
// "Selesai".
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { scheduleText, yearsAgo } from './care-steps'
import { registerHousehold, waitForServiceWorker, withAppAndBrowser } from './harness'
import { localDay } from './openday-data'

/** The day `months` months after `date` (the 1st of a month, so no month is short of it). */
function monthsAfter(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number]
  return localDay(new Date(y, m - 1 + months, 1))
}

async function addMember(
  page: Page,
  m: { name: string; sex: 'Laki-laki' | 'Perempuan'; birthDate: string; relation: string },
): Promise<void> {
  await page.getByRole('link', { name: '+ Anggota' }).click()
  await page.getByLabel('Nama lengkap').fill(m.name)
  await page.getByLabel(m.sex, { exact: true }).check()
  await page.getByLabel('Tanggal lahir').fill(m.birthDate)
  await page.getByLabel('Hubungan dengan kepala keluarga').selectOption({ label: m.relation })
  await page.getByRole('button', { name: 'Simpan' }).click()
  await page.getByRole('link', { name: new RegExp(m.name) }).waitFor()
}

describe('the care loop offline (real Chromium)', () => {
  const session = withAppAndBrowser()

  it('keeps a BP referral open through a weight-only visit, and closes it by a follow-up', async () => {
    const { page, context } = session.browser()
    const app = session.app()
    await page.goto(app.url)
    await waitForServiceWorker(page)
    await context.setOffline(true)
    await page.reload()

    await registerHousehold(page, {
      head: 'Karta',
      dusun: 'Krajan',
      rt: '1',
      rw: '2',
      desa: 'Sukamaju',
      kecamatan: 'Cibadak',
      kabupaten: 'Sukabumi',
    })
    await addMember(page, {
      name: 'Karta',
      sex: 'Laki-laki',
      birthDate: yearsAgo(55),
      relation: 'Kepala keluarga',
    })

    // Refer him: BP 165/100.
    await page.getByRole('link', { name: /Karta/ }).click()
    await page.getByRole('link', { name: 'Catat kunjungan' }).click()
    await page.getByLabel('Tekanan darah atas (sistolik)').fill('165')
    await page.getByLabel('Tekanan darah bawah (diastolik)').fill('100')
    const results = page.getByRole('region', { name: 'Hasil' })
    await results.getByText(/Rujuk: Tekanan darah/).waitFor()
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('heading', { name: 'Riwayat kunjungan' }).waitFor()

    // The next visit records only his weight.
    await page.getByRole('link', { name: 'Catat kunjungan' }).click()
    await page.getByLabel('Berat badan (kg)').fill('68')
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('heading', { name: 'Riwayat kunjungan' }).waitFor()

    // Still in Rujukan and in the Jadwal.
    await page.goto(`${app.url}/#/rujukan`)
    const open = page.getByRole('main')
    await open.getByRole('heading', { name: 'Perlu ditindaklanjuti (1)' }).waitFor()
    await open.getByRole('link', { name: 'Karta' }).waitFor()
    await open.getByText(/Tekanan darah 165\/100 mmHg/).waitFor()
    expect(await scheduleText(page, app.url)).toMatch(/Karta — Tindak lanjut rujukan sejak .*Tekanan darah/)

    // The slip opens, printable.
    await page.goto(`${app.url}/#/rujukan`)
    await page.getByRole('link', { name: 'Surat rujukan' }).click()
    const slip = page.getByRole('article', { name: 'Surat pengantar rujukan' })
    await slip.getByText(/Tekanan darah 165\/100 mmHg/).waitFor()
    await slip.getByText('Pustu').waitFor()
    await page.goBack()

    // The follow-up: he reached the puskesmas.
    await page.getByRole('button', { name: 'Catat tindak lanjut' }).click()
    await page.getByLabel('Sudah sampai di faskes').check()
    await page.getByLabel('Faskes yang didatangi').selectOption({ label: 'Puskesmas' })
    await page.getByLabel(/Apa yang dilakukan di sana/).fill('Diberi obat amlodipin')
    await page.getByRole('button', { name: 'Simpan' }).click()
    await open.getByRole('heading', { name: 'Perlu ditindaklanjuti (0)' }).waitFor()
    await open.getByRole('heading', { name: /Selesai/ }).waitFor()
    await open.getByText(/Sudah sampai di faskes \(Puskesmas\) — Diberi obat amlodipin/).waitFor()
    expect(await scheduleText(page, app.url)).not.toMatch(/Tindak lanjut rujukan/)
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
  })

  it('registers a 14-month-old, copies her Buku KIA, and then nothing is overdue', async () => {
    const { page } = session.browser()
    const app = session.app()
    await page.goto(`${app.url}/#/`)
    await registerHousehold(page, {
      head: 'Budi',
      dusun: 'Krajan',
      rt: '3',
      rw: '2',
      desa: 'Sukamaju',
      kecamatan: 'Cibadak',
      kabupaten: 'Sukabumi',
    })
    const now = new Date()
    const birth = localDay(new Date(now.getFullYear(), now.getMonth() - 14, 1))
    await addMember(page, { name: 'Ayu', sex: 'Perempuan', birthDate: birth, relation: 'Anak' })

    // Registered today: one "lengkapi dari Buku KIA", due today — not a dozen overdue doses.
    let schedule = await scheduleText(page, app.url)
    expect(schedule).toMatch(/Ayu — Lengkapi dari Buku KIA: imunisasi sebelum terdaftar/)
    expect(schedule).not.toMatch(/Terlambat/)

    await page.getByRole('link', { name: 'Salin' }).click()
    await page.getByRole('heading', { name: 'Lengkapi dari Buku KIA' }).waitFor()
    for (const months of [0, 1, 2, 3, 4, 9, 12]) {
      await page
        .getByRole('group', { name: `Umur ${months} bulan` })
        .getByLabel('Tanggal diberikan')
        .fill(monthsAfter(birth, months))
    }
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('heading', { name: 'Riwayat kunjungan' }).waitFor()
    await page.getByText('Disalin dari Buku KIA').first().waitFor()

    schedule = await scheduleText(page, app.url)
    expect(schedule).not.toMatch(/Terlambat/)
    expect(schedule).not.toMatch(/Imunisasi terlambat/)
    expect(schedule).not.toMatch(/Ayu — Lengkapi dari Buku KIA:/)
  })
})
