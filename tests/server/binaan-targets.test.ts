// The puskesmas enters the annual targets (sasaran proyeksi, target percent) of an area from the wilayah binaan
// (issue 15 item 1): any supervisor reads them for an area in scope, only a puskesmas or an admin sets them, a bad
// target gets a reason, and the area's figures measure against the new sasaran at once — on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setRole } from '../../server/roles'
import type { Role } from '../../src/protocol/roles'
import type { AreaTargetsResponse, BinaanAreaResponse } from '../../src/protocol/supervisor'
import type { WorkAreaInfo } from '../../src/protocol/wire'
import {
  api,
  change,
  Device,
  hlc,
  newHousehold,
  newMember,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
} from './harness'

describe.each(TARGETS)('annual targets on $name', (target) => {
  let server: TestServer
  const kecamatan = `Kec T ${randomUUID().slice(0, 6)}`
  const areas: Record<'home' | 'other' | 'far', WorkAreaInfo> = {} as never
  const tokens: Record<string, string | undefined> = {}
  let kaderDevice: Device

  const account = async (name: string, area: WorkAreaInfo, role?: Role) => {
    const username = `${name}-${randomUUID().slice(0, 6)}`
    await server.admin.addUser({ username, password: 'rahasia-123', workAreaId: area.id, name })
    if (role) await setRole(server.db, username, role)
    const device = await Device.login(server.url, username, 'rahasia-123', `dev-${name}`)
    tokens[name] = device.token
    return device
  }
  const targets = (who: string, areaId: string, year = 2025) =>
    api<AreaTargetsResponse>(server.url, 'GET', `/binaan/areas/${areaId}/targets?year=${year}`, {
      token: tokens[who],
    })
  const set = (who: string, areaId: string, body: unknown) =>
    api<{ ok: true }>(server.url, 'POST', `/binaan/areas/${areaId}/targets`, { token: tokens[who], body })
  const ptm = async (who: string, areaId: string) =>
    (
      await api<BinaanAreaResponse>(server.url, 'GET', `/binaan/areas/${areaId}?month=2025-06`, {
        token: tokens[who],
      })
    ).body.indicators.series['ptm.skrining']

  beforeAll(async () => {
    server = await startTestServer(target)
    const add = (id: string, kec: string, desa: string) =>
      server.admin.addWorkArea({
        id: `${id}-${randomUUID().slice(0, 6)}`,
        kabupaten: 'Cilacap',
        kecamatan: kec,
        desa,
      })
    areas.home = await add('tgt-home', kecamatan, 'Bolang')
    areas.other = await add('tgt-other', kecamatan, 'Cilumping')
    areas.far = await add('tgt-far', `${kecamatan} lain`, 'Datar')
    kaderDevice = await account('kader', areas.home)
    await account('bidan', areas.home, 'bidan')
    await account('puskesmas', areas.other, 'puskesmas')
    // One adult screened for blood pressure in June 2025: PTM screening reaches 1 of a registered sasaran of 1.
    const node = 'dev-kader'
    const household = newHousehold(areas.home, hlc(0, node))
    const adult = newMember(household.recordId, hlc(0, node), { name: 'Pak Darto' })
    const visit = change(
      'visits',
      randomUUID(),
      {
        memberId: adult.recordId,
        householdId: household.recordId,
        workAreaId: areas.home.id,
        date: '2025-06-10',
        place: 'posyandu',
        parts: { dewasa: { systolicMmHg: 120, diastolicMmHg: 80 } },
      },
      hlc(5000, node),
    )
    const pushed = await kaderDevice.push([household, adult, visit])
    expect(pushed.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted'])
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('lets the puskesmas set a sasaran proyeksi that the figures use at once', async () => {
    expect((await ptm('puskesmas', areas.home.id))?.sasaran).toEqual({ value: 1, source: 'terdaftar' })
    const saved = await set('puskesmas', areas.home.id, {
      year: 2025,
      indicator: 'ptm.skrining',
      sasaran: 4,
      percent: 80,
    })
    expect(saved.status).toBe(200)
    expect((await targets('bidan', areas.home.id)).body).toEqual({
      year: 2025,
      canEdit: false,
      targets: [{ indicator: 'ptm.skrining', sasaran: 4, percent: 80 }],
    })
    expect((await targets('puskesmas', areas.home.id)).body.canEdit).toBe(true)
    expect((await targets('puskesmas', areas.home.id, 2026)).body.targets).toEqual([])
    expect((await ptm('bidan', areas.home.id))?.sasaran).toEqual({ value: 4, source: 'proyeksi' })
    // Both left empty: the target is removed and the registered count measures again.
    await set('puskesmas', areas.home.id, {
      year: 2025,
      indicator: 'ptm.skrining',
      sasaran: null,
      percent: null,
    })
    expect((await targets('puskesmas', areas.home.id)).body.targets).toEqual([])
    expect((await ptm('puskesmas', areas.home.id))?.sasaran).toEqual({ value: 1, source: 'terdaftar' })
  })

  it('refuses a bidan, a kader and an area outside the kecamatan', async () => {
    const body = { year: 2025, indicator: 'ptm.skrining', sasaran: 9, percent: null }
    const bidan = await set('bidan', areas.home.id, body)
    expect(bidan.status).toBe(403)
    expect(bidan.body).toMatchObject({ error: { detail: 'not-puskesmas' } })
    const kader = await set('kader', areas.home.id, body)
    expect(kader.status).toBe(403)
    expect(kader.body).toMatchObject({ error: { detail: 'not-supervisor' } })
    expect((await targets('kader', areas.home.id)).status).toBe(403)
    expect((await set('puskesmas', areas.far.id, body)).status).toBe(404)
    expect((await targets('puskesmas', areas.far.id)).status).toBe(404)
    expect((await targets('puskesmas', areas.home.id)).body.targets).toEqual([])
  })

  it('gives a reason for a bad target and keeps the one stored', async () => {
    await set('puskesmas', areas.other.id, { year: 2025, indicator: 'kia.k1', sasaran: 12, percent: null })
    const bad = [
      { year: 2025, indicator: 'kia.k99', sasaran: 3, percent: null },
      { year: 2025, indicator: 'kia.k1', sasaran: -1, percent: null },
      { year: 2025, indicator: 'kia.k1', sasaran: 2.5, percent: null },
      { year: 2025, indicator: 'kia.k1', sasaran: null, percent: 120 },
      { year: 1999, indicator: 'kia.k1', sasaran: 3, percent: null },
      { indicator: 'kia.k1', sasaran: 3 },
    ]
    for (const body of bad) {
      const res = await set('puskesmas', areas.other.id, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    expect((await set('puskesmas', areas.other.id, bad[0])).body).toMatchObject({
      error: { message: expect.stringContaining('No indicator kia.k99') },
    })
    expect((await targets('puskesmas', areas.other.id)).body.targets).toEqual([
      { indicator: 'kia.k1', sasaran: 12, percent: null },
    ])
  })
})
