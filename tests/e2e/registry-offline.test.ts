// The foundation's promise, end to end in real Chromium: install, lose signal, register a household with three
// members, restart, and find them again with the right life-cycle stages.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { registerHousehold, waitForServiceWorker, withAppAndBrowser } from './harness'

function isoDaysAgo(days: number, from = new Date()): string {
  const d = new Date(from)
  d.setDate(d.getDate() - days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

function isoYearsMonthsAgo(years: number, months: number): string {
  const d = new Date()
  d.setDate(1) // avoid month-end overflow; the day does not matter for these stages
  d.setFullYear(d.getFullYear() - years, d.getMonth() - months)
  return isoDaysAgo(0, d)
}

async function addMember(
  page: Page,
  m: { name: string; sex: 'Perempuan' | 'Laki-laki'; birthDate: string; relation: string; hpht?: string },
) {
  await page.getByRole('link', { name: '+ Anggota' }).click()
  await page.getByLabel('Nama lengkap').fill(m.name)
  await page.getByLabel(m.sex, { exact: true }).check()
  await page.getByLabel('Tanggal lahir').fill(m.birthDate)
  await page.getByLabel('Hubungan dengan kepala keluarga').selectOption({ label: m.relation })
  if (m.hpht) {
    await page.getByLabel('Sedang hamil').check()
    await page.getByLabel('HPHT (hari pertama haid terakhir)').fill(m.hpht)
  }
  await page.getByRole('button', { name: 'Simpan' }).click()
  await page.getByRole('link', { name: new RegExp(m.name) }).waitFor()
}

describe('registry offline (real Chromium)', () => {
  const session = withAppAndBrowser()

  it('registers a household with three members offline and finds them after reloads', async () => {
    const { page, context } = session.browser()
    const app = session.app()
    await page.goto(app.url)
    await waitForServiceWorker(page)

    await context.setOffline(true)
    await page.reload()
    await page.getByRole('heading', { name: 'Rumah tangga' }).waitFor()

    await registerHousehold(page, {
      head: 'Budi Santoso',
      dusun: 'Krajan',
      rt: '3',
      rw: '1',
      desa: 'Sukamaju',
      kecamatan: 'Cibadak',
      kabupaten: 'Sukabumi',
    })

    await addMember(page, {
      name: 'Siti Aminah',
      sex: 'Perempuan',
      birthDate: '1996-05-14',
      relation: 'Istri',
      hpht: isoDaysAgo(100),
    })
    await addMember(page, {
      name: 'Rizky',
      sex: 'Laki-laki',
      birthDate: isoYearsMonthsAgo(2, 3),
      relation: 'Anak',
    })
    await addMember(page, {
      name: 'Mbah Sarinah',
      sex: 'Perempuan',
      birthDate: isoYearsMonthsAgo(65, 0),
      relation: 'Orang tua',
    })

    // A restart without signal: everything comes back from IndexedDB through the service worker's shell.
    await page.reload()
    await page.goto(`${app.url}/#/`)
    await page.getByLabel('Cari rumah tangga').fill('siti')
    await page.getByRole('link', { name: /Budi Santoso/ }).click()

    const group = (stage: string) => page.getByRole('region', { name: stage })
    await group('Usia dewasa').getByText('Siti Aminah').waitFor()
    await page.getByText(/Usia kehamilan 14 mg 2 hr/).waitFor()
    await group('Balita').getByText('Rizky').waitFor()
    await group('Balita').getByText('2 th 3 bl').waitFor()
    await group('Lansia').getByText('Mbah Sarinah').waitFor()
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
  })
})
