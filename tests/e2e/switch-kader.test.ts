// Two kaders on one phone ("Ganti kader", docs/security.md) in real Chromium against the real server: kader A
// registers a member; kader B, new to the phone, logs in online, sets her own PIN, sees none of A's records and
// syncs only her area; back on A's account with A's PIN, A's member is there.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/index'
import { Device, hlc, newHousehold } from '../server/harness'
import { launchBrowser, registerHousehold, startAppServer } from './harness'
import { everythingStored, registerWife, setPin } from './privacy-steps'

const SITI = { username: 'siti', password: 'rahasia-posyandu', name: 'Siti' }
const ANI = { username: 'ani', password: 'sandi-posyandu-2', name: 'Ani' }
const PIN_A = '590317'
const PIN_B = '731946'
const NAME = 'Wulandari Kusumaningtyas'
const NIK = '3301015204907731'

async function typePin(page: Page, pin: string) {
  await page.getByLabel('PIN', { exact: true }).fill(pin)
  await page.getByRole('button', { name: 'Buka', exact: true }).click()
}

async function switchKader(page: Page, url: string) {
  await page.goto(`${url}/#/pengaturan`)
  await page.getByRole('button', { name: 'Ganti kader' }).click()
  await page.getByRole('heading', { name: 'Ganti kader' }).waitFor()
}

describe('"Ganti kader": two kaders on one phone (real Chromium, real server)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startAppServer()
    const area = (id: string, desa: string) =>
      server.admin.addWorkArea({ id, kabupaten: 'Cilacap', kecamatan: 'Dayeuhluhur', desa })
    const bolang = await area('bolang', 'Bolang')
    const cilumping = await area('cilumping', 'Cilumping')
    await server.admin.addUser({ ...SITI, workAreaId: bolang.id })
    await server.admin.addUser({ ...ANI, workAreaId: cilumping.id })
    // Ani's area already holds a household, sent by her tablet.
    const tablet = await Device.login(server.url, ANI.username, ANI.password, 'tablet')
    const pushed = await tablet.push([
      newHousehold(cilumping, hlc(0, 'tablet'), { headName: 'Keluarga Hartono' }),
    ])
    expect(pushed.body.results.map((r) => r.status)).toEqual(['accepted'])
  })
  afterAll(() => server?.close())

  it("keeps A's member from B, syncs B's area only, and gives A's back with A's PIN", async () => {
    const { page, close } = await launchBrowser({ pin: 'manual' })
    try {
      await page.goto(server.url)
      await page.getByRole('heading', { name: 'Buat PIN' }).waitFor()
      await setPin(page, PIN_A)
      await page.getByRole('link', { name: 'Pengaturan' }).click()
      await page.getByLabel('Nama pengguna').fill(SITI.username)
      await page.getByLabel('Kata sandi').fill(SITI.password)
      await page.getByRole('button', { name: 'Masuk' }).click()
      await page.getByText('Masuk sebagai Siti').waitFor()

      await page.getByRole('link', { name: 'Rumah', exact: true }).click()
      await registerHousehold(page, { head: 'Sastro Wiryono', dusun: 'Krajan', rt: '3', rw: '1' })
      await registerWife(page, NAME, NIK)
      await page.goto(`${server.url}/#/pengaturan`)
      await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click()
      await page.getByText('Belum terkirim: 0').waitFor()

      // Ganti kader → another kader, new to this phone: online login, then her own PIN.
      await switchKader(page, server.url)
      await page.getByRole('button', { name: 'Kader lain: masuk dengan akun' }).click()
      await page.getByLabel('Nama pengguna').fill(SITI.username)
      await page.getByLabel('Kata sandi akun').fill(SITI.password)
      await page.getByRole('button', { name: 'Masuk' }).click()
      await page.getByText('Akun ini sudah ada di HP ini').waitFor()
      await page.getByLabel('Nama pengguna').fill(ANI.username)
      await page.getByLabel('Kata sandi akun').fill(ANI.password)
      await page.getByRole('button', { name: 'Masuk' }).click()
      await page.getByRole('heading', { name: 'Buat PIN Anda' }).waitFor()
      await setPin(page, PIN_B)

      // B is unlocked where A locked (Settings): her account, her number; she syncs her own area only.
      await page.getByText('Masuk sebagai Ani').waitFor()
      await page.getByText('Di HP ini Anda adalah Kader 2.').waitFor()
      await page.getByText('Belum terkirim: 0').waitFor()
      await page.getByRole('link', { name: 'Rumah', exact: true }).click()
      await page.getByRole('link', { name: /Keluarga Hartono/ }).waitFor()
      expect(await page.content()).not.toContain('Sastro Wiryono')
      const rows = await server.db.query<{ head: string; area: string }>(
        "SELECT data->>'headName' AS head, data->>'workAreaId' AS area FROM records WHERE entity = 'households' ORDER BY 1",
      )
      expect(rows).toEqual([
        { head: 'Keluarga Hartono', area: 'cilumping' },
        { head: 'Sastro Wiryono', area: 'bolang' },
      ])

      // Locked: two databases, one per kader, and neither holds A's member or B's household in clear.
      await switchKader(page, server.url)
      const stored = await everythingStored(page)
      for (const secret of [NAME, NIK, 'Sastro Wiryono', 'Keluarga Hartono'])
        expect(stored.text).not.toContain(secret)
      const databases = new Set(Object.keys(stored.counts).map((k) => k.split('/')[0] ?? ''))
      expect([...databases].filter((n) => /^kader-ilp-[0-9a-f]{32}$/.test(n))).toHaveLength(1)
      expect(stored.counts['kader-ilp/members']).toBe(1)

      // Back to A: B's PIN does not open A's lock; A's does, and A's member is there.
      await page.getByRole('button', { name: 'Kader 1' }).click()
      await page.getByText('Kader 1', { exact: true }).waitFor()
      await typePin(page, PIN_B)
      await page.getByText('PIN salah.').waitFor()
      await typePin(page, PIN_A)
      await page.getByText('Di HP ini Anda adalah Kader 1.').waitFor()
      await page.getByRole('link', { name: 'Rumah', exact: true }).click()
      await page.getByRole('link', { name: /Sastro Wiryono/ }).click()
      await page.getByRole('link', { name: new RegExp(NAME) }).waitFor()
      expect(await page.content()).not.toContain('Keluarga Hartono')
    } finally {
      await close()
    }
  })
})
