// The wilayah binaan end to end: two kaders of a desa sync their posyandu's records — RW 1's on her own phone
// (real Chromium: she records a household, a toddler and a weighing, and syncs), RW 2's through the sync API — then
// their bidan logs in on a fresh phone and sees both areas' indicators, opens one posyandu's PWS, and it survives a
// reload. The puskesmas enters an annual target there, and the PWS measures against it.
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/index'
import { setRole } from '../../server/roles'
import { formatHlc } from '../../src/protocol/hlc'
import type { WorkAreaInfo } from '../../src/protocol/wire'
import { api, change, Device, newHousehold, newMember } from '../server/harness'
import { launchBrowser, registerHousehold, startAppServer } from './harness'

const BIDAN = { username: 'bidan-ani', password: 'rahasia-bidan' }
const PUSKESMAS = { username: 'pkm-cibadak', password: 'rahasia-pkm' }

/** A kader's phone pushing a household with `children` toddlers, each weighed today. */
async function kaderSyncs(server: RunningServer, area: WorkAreaInfo, children: number) {
  const username = `kader-${area.id}`
  await server.admin.addUser({
    username,
    password: 'rahasia-kader',
    workAreaId: area.id,
    name: `Kader ${area.rw}`,
  })
  const device = await Device.login(server.url, username, 'rahasia-kader', `hp-${area.id}`)
  const stamp = formatHlc({ millis: Date.now() - 60_000, counter: 0, node: `hp-${area.id}` })
  const home = newHousehold(area, stamp, { headName: `Kepala RW ${area.rw}` })
  const changes = [home]
  for (let i = 0; i < children; i++) {
    const child = newMember(home.recordId, stamp, {
      name: `Anak ${area.rw}-${i}`,
      sex: 'P',
      birthDate: '2024-09-01',
      relation: 'anak',
    })
    const weighing = change(
      'visits',
      randomUUID(),
      {
        memberId: child.recordId,
        householdId: home.recordId,
        workAreaId: area.id,
        date: new Date().toISOString().slice(0, 10),
        place: 'posyandu',
        parts: { balita: { weightKg: 10.5, lengthCm: 80, position: 'standing' } },
      },
      stamp,
    )
    changes.push(child, weighing)
  }
  const res = await device.push(changes)
  expect(res.body.results.every((r) => r.status === 'accepted')).toBe(true)
  // What the app does after its run: its outbox is empty.
  await api(server.url, 'POST', '/status', { token: device.token, body: { pending: 0, rejected: 0 } })
}

/** RW 1's kader on her phone: logs in, records a toddler weighed today, and syncs. */
async function kaderPhoneSyncs(server: RunningServer, area: WorkAreaInfo) {
  await server.admin.addUser({
    username: 'kader-rw1',
    password: 'rahasia-kader',
    workAreaId: area.id,
    name: 'Kader 1',
  })
  const phone = await launchBrowser()
  try {
    const { page } = phone
    await page.goto(server.url)
    await page.getByRole('link', { name: 'Pengaturan' }).click()
    await page.getByLabel('Nama pengguna').fill('kader-rw1')
    await page.getByLabel('Kata sandi').fill('rahasia-kader')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.getByText('Masuk sebagai Kader 1').waitFor()
    await page.getByRole('link', { name: 'Rumah', exact: true }).click()
    await registerHousehold(page, { head: 'Kepala RW 1', dusun: 'Krajan', rt: '3', rw: '1' })
    await page.getByRole('link', { name: '+ Anggota' }).click()
    await page.getByLabel('Nama lengkap').fill('Anak 1-0')
    await page.getByLabel('Perempuan', { exact: true }).check()
    await page.getByLabel('Tanggal lahir').fill('2024-09-01')
    await page.getByLabel('Hubungan dengan kepala keluarga').selectOption({ label: 'Anak' })
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('link', { name: /Anak 1-0/ }).click()
    await page.getByRole('link', { name: 'Catat kunjungan' }).click()
    await page.getByLabel('Berat badan (kg)').fill('10,5')
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('heading', { name: 'Riwayat kunjungan' }).waitFor()
    await page.goto(`${server.url}/#/pengaturan`)
    await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click()
    await page.getByText('Belum terkirim: 0').waitFor()
  } finally {
    await phone.close()
  }
}

describe('wilayah binaan (real Chromium, real server)', () => {
  let server: RunningServer
  let phone: Awaited<ReturnType<typeof launchBrowser>> | undefined

  beforeAll(async () => {
    server = await startAppServer()
    const area = (rw: string) =>
      server.admin.addWorkArea({
        id: `sukamaju-rw${rw}`,
        kabupaten: 'Sukabumi',
        kecamatan: 'Cibadak',
        desa: 'Sukamaju',
        rw,
      })
    const [rw1, rw2] = [await area('1'), await area('2')]
    await kaderPhoneSyncs(server, rw1)
    await kaderSyncs(server, rw2, 3)
    await server.admin.addUser({ ...BIDAN, name: 'Bidan Ani', workAreaId: rw1.id })
    await setRole(server.db, BIDAN.username, 'bidan')
    await server.admin.addUser({ ...PUSKESMAS, name: 'PKM Cibadak', workAreaId: rw1.id })
    await setRole(server.db, PUSKESMAS.username, 'puskesmas')
  })

  /** A supervisor's fresh phone, logged in. */
  async function supervisorPhone(account: { username: string; password: string }, name: string) {
    await phone?.close()
    phone = await launchBrowser()
    const { page } = phone
    await page.goto(server.url)
    await page.getByRole('link', { name: 'Pengaturan' }).click()
    await page.getByLabel('Nama pengguna').fill(account.username)
    await page.getByLabel('Kata sandi').fill(account.password)
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.getByText(`Masuk sebagai ${name}`).waitFor()
    return page
  }

  afterAll(async () => {
    await phone?.close()
    await server?.close()
  })

  it("shows a bidan on a fresh phone both posyandu areas' indicators, and one posyandu's PWS", async () => {
    const page = await supervisorPhone(BIDAN, 'Bidan Ani')

    await page.getByRole('link', { name: 'Wilayah binaan' }).click()
    const rw1 = page.getByRole('region', { name: 'Sukamaju RW 1', exact: true })
    const rw2 = page.getByRole('region', { name: 'Sukamaju RW 2', exact: true })
    // S · K · D · N: every toddler weighed this month, none with a Buku KIA recorded, none with an earlier weighing.
    await rw1
      .getByRole('row', { name: /S · K · D · N/ })
      .getByText('1 · 0 · 1 · 0')
      .waitFor()
    // Her phone reported its outbox after the sync: nothing waits, nothing refused.
    await rw1.getByText(/0 menunggu · 0 ditolak/).waitFor()
    await rw2
      .getByRole('row', { name: /S · K · D · N/ })
      .getByText('3 · 0 · 3 · 0')
      .waitFor()
    await rw2.getByText('Kader 2').waitFor()
    expect(await rw2.getByRole('row', { name: /D\/S/ }).textContent()).toContain('100')

    // The puskesmas file: every figure of both posyandu, downloaded from the server.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV semua posyandu' }).click(),
    ])
    const csv = await readFile(await download.path(), 'utf8')
    expect(csv).toContain('Sukamaju RW 1 (sukamaju-rw1)')
    expect(csv).toContain('Sukamaju RW 2 (sukamaju-rw2)')

    await rw2.getByRole('link', { name: 'Buka PWS posyandu' }).click()
    const skdn = page.getByRole('region', { name: 'SKDN bulan ini' })
    await skdn
      .getByRole('row', { name: /D — ditimbang/ })
      .getByText('3')
      .waitFor()
    await page.getByRole('region', { name: /Indikator PWS/ }).waitFor()
    // A reload asks the server again and shows the same posyandu.
    await page.reload()
    await page
      .getByRole('region', { name: 'SKDN bulan ini' })
      .getByRole('row', { name: /D — ditimbang/ })
      .getByText('3')
      .waitFor()
    expect(await page.locator('h1').textContent()).toContain('Sukamaju RW 2')
  })

  it("lets the puskesmas enter a posyandu's annual target, which its PWS measures against at once", async () => {
    const page = await supervisorPhone(PUSKESMAS, 'PKM Cibadak')
    await page.getByRole('link', { name: 'Wilayah binaan' }).click()
    await page
      .getByRole('region', { name: 'Sukamaju RW 2', exact: true })
      .getByRole('link', { name: 'Buka PWS posyandu' })
      .click()
    const ptm = page.getByRole('button', { name: /^Skrining PTM usia ≥ 15 tahun/ })
    await ptm.waitFor()
    expect(await ptm.textContent()).not.toContain('/40')
    await page.getByText(`Sasaran tahunan ${new Date().getFullYear()}`).click()
    const row = page.locator('.binaan-target', { hasText: 'Skrining PTM usia ≥ 15 tahun' })
    await row.getByLabel('Sasaran proyeksi').fill('-3')
    await row.getByText('Isi bilangan bulat 0 atau lebih, atau kosongkan.').waitFor()
    await row.getByLabel('Sasaran proyeksi').fill('40')
    await row.getByRole('button', { name: /Simpan/ }).dblclick()
    await row.getByText('Tersimpan').waitFor()
    await expect.poll(async () => ptm.textContent()).toContain('/40')
    // Entered on the server: a reload shows the target in its field and the figures measured against it.
    await page.reload()
    await page.getByText(`Sasaran tahunan ${new Date().getFullYear()}`).click()
    expect(await row.getByLabel('Sasaran proyeksi').inputValue()).toBe('40')
    expect(await ptm.textContent()).toContain('/40')
  })
})
