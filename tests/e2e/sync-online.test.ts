// Sync end to end in real Chromium against the real reference server (which also serves the built app): a kader
// records offline, comes back online, the records reach the server's database, and a second phone logged in as
// the same kader pulls them.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/index'
import { launchBrowser, startAppServer, waitForServiceWorker } from './harness'

type Browser = Awaited<ReturnType<typeof launchBrowser>>

const KADER = { username: 'siti', password: 'rahasia-posyandu' }

async function logIn(page: Page) {
  await page.getByRole('link', { name: 'Pengaturan' }).click()
  await page.getByLabel('Nama pengguna').fill(KADER.username)
  await page.getByLabel('Kata sandi').fill(KADER.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.getByText('Masuk sebagai Siti').waitFor()
}

describe('sync (real Chromium, real server)', () => {
  let server: RunningServer
  const phones: Browser[] = []

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

  afterAll(async () => {
    for (const phone of phones) await phone.close()
    await server?.close()
  })

  it('sends what was recorded offline and a second phone of the same kader pulls it', async () => {
    const first = await launchBrowser()
    phones.push(first)
    const { page, context } = first
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await logIn(page)

    await context.setOffline(true)
    await page.getByRole('link', { name: 'Rumah', exact: true }).click()
    await page.getByRole('link', { name: '+ Rumah tangga' }).click()
    await page.getByLabel('Nama kepala keluarga').fill('Budi Santoso')
    await page.getByLabel('Dusun').fill('Krajan')
    await page.getByLabel('RT', { exact: true }).fill('3')
    await page.getByLabel('RW', { exact: true }).fill('1')
    // Kabupaten, kecamatan and desa come from the work area adopted at login.
    await expect(page.getByLabel('Desa/Kelurahan').inputValue()).resolves.toBe('Sukamaju')
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.getByText('belum terkirim').first().waitFor()

    await context.setOffline(false)
    await page.goto(`${server.url}/#/pengaturan`)
    await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click()
    await page.getByText('Belum terkirim: 0').waitFor()
    const rows = await server.db.query<{ id: string }>(
      "SELECT id FROM records WHERE entity = 'households' AND data->>'headName' = 'Budi Santoso'",
    )
    expect(rows).toHaveLength(1)

    const second = await launchBrowser()
    phones.push(second)
    await second.page.goto(server.url)
    await logIn(second.page)
    await second.page.getByRole('link', { name: 'Rumah', exact: true }).click()
    await second.page.getByRole('link', { name: /Budi Santoso/ }).waitFor()
  })
})
