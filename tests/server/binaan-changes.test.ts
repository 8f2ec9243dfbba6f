import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setRole } from '../../server/roles'
import { inputOf } from '../../server/supervisor/compute'
import { AreaStore } from '../../server/supervisor/store'
import { DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import { supervisionMonth } from '../../src/domain/pws'
import { figuresOnly } from '../../src/domain/pws/area-sum'
import type { BinaanAreaResponse, BinaanResponse } from '../../src/protocol/supervisor'
import type { Change, WorkAreaInfo } from '../../src/protocol/wire'
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
  visitChange,
} from './harness'

// The wilayah binaan kept up to date after each push, household by household, must show what the whole area
// computed afresh from the server's records shows — through a weighing, a child moving house to another RW's area
// (once counted in the old one until the server restarted), a deletion and a household moving. Two RW areas of one
// desa; a kader of the whole desa records in both, a bidan of the desa watches.
describe.each(TARGETS)('wilayah binaan after pushes on $name', (target) => {
  let server: TestServer
  let kader: Device
  let bidan: Device
  const areas: Record<'rw1' | 'rw2', WorkAreaInfo> = {} as never
  const desa = `Desa ${randomUUID().slice(0, 6)}`
  const MONTH = '2025-06'
  let tick = 10_000
  const stamp = () => {
    tick += 1000
    return hlc(tick, 'dev-desa')
  }

  beforeAll(async () => {
    server = await startTestServer(target)
    const add = (id: string, rw?: string) =>
      server.admin.addWorkArea({
        id: `${id}-${randomUUID().slice(0, 6)}`,
        kabupaten: 'Cilacap',
        kecamatan: 'Dayeuhluhur',
        desa,
        ...(rw ? { rw } : {}),
      })
    areas.rw1 = await add('rw1', '001')
    areas.rw2 = await add('rw2', '002')
    const whole = await add('desa')
    const user = async (name: string, area: WorkAreaInfo) => {
      const username = `${name}-${randomUUID().slice(0, 6)}`
      await server.admin.addUser({ username, password: 'rahasia-123', workAreaId: area.id, name })
      return username
    }
    kader = await Device.login(server.url, await user('kader', whole), 'rahasia-123', 'dev-desa')
    const name = await user('bidan', areas.rw1)
    await setRole(server.db, name, 'bidan', [areas.rw1.id, areas.rw2.id])
    bidan = await Device.login(server.url, name, 'rahasia-123', 'dev-bidan')
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  const push = async (...changes: Change[]) => {
    const res = await kader.push(changes)
    expect(res.body.results.map((r) => r.status)).toEqual(changes.map(() => 'accepted'))
  }
  const overview = async () =>
    (await api<BinaanResponse>(server.url, 'GET', `/binaan?month=${MONTH}`, { token: bidan.token })).body
  const page = async (area: WorkAreaInfo) =>
    (
      await api<BinaanAreaResponse>(server.url, 'GET', `/binaan/areas/${area.id}?month=${MONTH}`, {
        token: bidan.token,
      })
    ).body

  /** Each area's page as served equals the area computed whole from the records now on the server. */
  async function expectAsComputedAfresh() {
    const served = await overview()
    for (const area of [areas.rw1, areas.rw2]) {
      const [records] = await new AreaStore(server.db).recordsOf([area])
      const input = { ...inputOf(records as never), month: MONTH, settings: DEFAULT_CLINICAL_SETTINGS }
      const whole = figuresOnly(supervisionMonth(input, {}, '2025-06-30'))
      const body = await page(area)
      expect(body.report).toEqual(whole.report)
      expect(body.indicators).toEqual(whole.indicators)
      const card = served.areas.find((a) => a.area.id === area.id)
      expect(card?.month.S).toBe(whole.report.skdn.S.value)
      expect(card?.households).toBe(whole.report.households.value)
    }
    return served
  }
  const sOf = (body: BinaanResponse) => body.areas.map((a) => [a.area.id, a.month.S])

  it('follows weighings, a child moving house, a deletion and a household moving', async () => {
    const homeA = newHousehold(areas.rw1, stamp(), { headName: 'Kepala A' })
    const homeB = newHousehold(areas.rw2, stamp(), { headName: 'Kepala B' })
    const child = (home: Change, name: string) =>
      newMember(home.recordId, stamp(), { name, sex: 'L', birthDate: '2024-01-10', relation: 'anak' })
    const a1 = child(homeA, 'Anak A')
    const b1 = child(homeB, 'Anak B')
    await push(homeA, homeB, a1, b1)
    await push(
      visitChange(a1.recordId, homeA.recordId, areas.rw1.id, stamp()),
      visitChange(b1.recordId, homeB.recordId, areas.rw2.id, stamp()),
    )
    expect(sOf(await expectAsComputedAfresh())).toEqual([
      [areas.rw1.id, 1],
      [areas.rw2.id, 1],
    ])
    // A NIK registered in RW 1 and, now, in RW 2 too: flagged in both at once.
    const nik = '3301235204900001'
    await push(newMember(homeA.recordId, stamp(), { name: 'Ibu A', nik }))
    expect((await overview()).areas.map((a) => a.quality.duplicateNik)).toEqual([0, 0])
    await push(newMember(homeB.recordId, stamp(), { name: 'Ibu B', nik }))
    expect((await overview()).areas.map((a) => a.quality.duplicateNik)).toEqual([1, 1])

    // A's child moves into household B, in RW 2: counted there at once, no longer in RW 1.
    await push(change('members', a1.recordId, { householdId: homeB.recordId }, stamp()))
    expect(sOf(await expectAsComputedAfresh())).toEqual([
      [areas.rw1.id, 0],
      [areas.rw2.id, 2],
    ])

    // B's own child deleted, then household B moves to RW 1 with the child who came from there.
    await push(change('members', b1.recordId, { deleted: true }, stamp()))
    await expectAsComputedAfresh()
    const address = homeB.fields.address?.value as Record<string, unknown>
    await push(change('households', homeB.recordId, { address: { ...address, rw: '001' } }, stamp()))
    const served = await expectAsComputedAfresh()
    expect(sOf(served)).toEqual([
      [areas.rw1.id, 1],
      [areas.rw2.id, 0],
    ])
    expect(served.areas.map((a) => a.households)).toEqual([2, 0])
  })

  it('stores each area-month with the desa sequence number it includes', async () => {
    await overview()
    const rows = await server.db.query<{ area_id: string; behind: boolean }>(
      `SELECT f.area_id, f.desa_seq < s.last_seq AS behind FROM binaan_figures f
       JOIN desa_seqs s ON s.desa_key = f.desa_key WHERE f.month = $1 AND f.area_id = ANY($2::text[])`,
      [MONTH, [areas.rw1.id, areas.rw2.id]],
    )
    expect(rows.map((r) => r.behind)).toEqual([false, false])
  })
})
