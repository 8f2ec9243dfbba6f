// The area worker in real Chromium, when it cannot start: its script fails to load (as after an interrupted update
// or a full disk). Jadwal and PWS say the computation failed and offer "Coba lagi" instead of "Memuat…" forever;
// once the script loads again, the retry starts a new worker and the screen shows the result.
import { describe, expect, it } from 'vitest'
import { registerHousehold, withAppAndBrowser } from './harness'

const WORKER_SCRIPT = '**/assets/worker-*.js'

describe('area worker failure (real Chromium)', () => {
  const session = withAppAndBrowser()

  it('shows the failure with a retry on Jadwal and PWS, and the retry recovers', async () => {
    const { page } = session.browser()
    const app = session.app()
    // The first load is not yet controlled by the service worker, so the worker script comes from the network.
    await page.route(WORKER_SCRIPT, (route) => route.abort('failed'))
    await page.goto(app.url)
    await page.getByRole('heading', { name: 'Rumah tangga' }).waitFor()
    await registerHousehold(page, {
      head: 'Siti Aminah',
      dusun: 'Krajan',
      rt: '3',
      rw: '1',
      desa: 'Sukamaju',
      kecamatan: 'Cibadak',
      kabupaten: 'Sukabumi',
    })

    await page.goto(`${app.url}/#/jadwal`)
    const failed = page.getByRole('alert').filter({ hasText: 'Jadwal belum bisa dihitung.' })
    await failed.waitFor()
    expect(await page.getByText('Memuat…').count()).toBe(0)

    await page.goto(`${app.url}/#/pws`)
    await page.getByRole('alert').filter({ hasText: 'Angka PWS belum bisa dihitung.' }).waitFor()

    await page.unroute(WORKER_SCRIPT)
    await page.getByRole('button', { name: 'Coba lagi' }).click()
    await page.getByRole('region', { name: 'Sasaran per tahap kehidupan' }).waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)

    await page.goto(`${app.url}/#/jadwal`)
    await page
      .getByText('Tidak ada kunjungan')
      .or(page.getByRole('region', { name: 'Terlambat' }))
      .first()
      .waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
  })
})
