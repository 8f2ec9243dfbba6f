import { randomUUID } from 'node:crypto'
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setRole } from '../../server/roles'
import { setTarget } from '../../server/targets'
import type { Role } from '../../src/protocol/roles'
import type { BinaanAreaResponse, BinaanResponse, OverdueReferral } from '../../src/protocol/supervisor'
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
  visitChange,
} from './harness'

// Three desa in one kecamatan and one desa in another, each RW its own posyandu area with its kader:
//   kecamatan K: Bolang RW 1, Bolang RW 2, Cilumping RW 1;  kecamatan L: Datar RW 1.
// A bidan of Bolang sees exactly Bolang's two areas, a pustu bidan with a list exactly her list, the puskesmas of K
// its three areas, an admin all four; a kader sees none, and pulls only her own area.
describe.each(TARGETS)('wilayah binaan on $name', (target) => {
  let server: TestServer
  const K = `Kec K ${randomUUID().slice(0, 6)}`
  const L = `Kec L ${randomUUID().slice(0, 6)}`
  const areas: Record<'bolang1' | 'bolang2' | 'cilumping1' | 'datar1', WorkAreaInfo> = {} as never
  const tokens: Record<string, Device> = {}
  const people: Record<string, { household: string; member: string }> = {}

  const account = async (name: string, area: WorkAreaInfo, role?: Role, list?: string[]) => {
    const username = `${name}-${randomUUID().slice(0, 6)}`
    await server.admin.addUser({ username, password: 'rahasia-123', workAreaId: area.id, name })
    if (role) await setRole(server.db, username, role, list)
    tokens[name] = await Device.login(server.url, username, 'rahasia-123', `dev-${name}`)
    return username
  }

  const binaan = (who: string, month = '2025-06') =>
    api<BinaanResponse>(server.url, 'GET', `/binaan?month=${month}`, { token: tokens[who]?.token })
  const areaPage = (who: string, areaId: string, month = '2025-06') =>
    api<BinaanAreaResponse>(server.url, 'GET', `/binaan/areas/${areaId}?month=${month}`, {
      token: tokens[who]?.token,
    })

  /** A toddler weighed in June 2025 and an adult referred for blood pressure on 15 June, never followed up. */
  const seed = async (kader: string, area: WorkAreaInfo, child: string) => {
    const household = newHousehold(area, hlc(0, `dev-${kader}`), { headName: `Kepala ${child}` })
    const balita = newMember(household.recordId, hlc(0, `dev-${kader}`), {
      name: child,
      sex: 'L',
      birthDate: '2024-01-10',
      relation: 'anak',
    })
    const adult = newMember(household.recordId, hlc(0, `dev-${kader}`), { name: `Ibu ${child}` })
    const weighing = visitChange(balita.recordId, household.recordId, area.id, hlc(5000, `dev-${kader}`))
    const bp = change(
      'visits',
      randomUUID(),
      {
        memberId: adult.recordId,
        householdId: household.recordId,
        workAreaId: area.id,
        date: '2025-06-15',
        place: 'posyandu',
        parts: { dewasa: { systolicMmHg: 150, diastolicMmHg: 95 } },
      },
      hlc(6000, `dev-${kader}`),
    )
    const res = await tokens[kader]?.push([household, balita, adult, weighing, bp])
    expect(res?.body.results.map((r) => r.status)).toEqual(Array(5).fill('accepted'))
    people[kader] = { household: household.recordId, member: adult.recordId }
  }

  beforeAll(async () => {
    server = await startTestServer(target)
    const add = (id: string, kecamatan: string, desa: string, rw: string) =>
      server.admin.addWorkArea({
        id: `${id}-${randomUUID().slice(0, 6)}`,
        kabupaten: 'Cilacap',
        kecamatan,
        desa,
        rw,
      })
    areas.bolang1 = await add('bolang-rw1', K, 'Bolang', '1')
    areas.bolang2 = await add('bolang-rw2', K, ' bolang ', '2')
    areas.cilumping1 = await add('cilumping-rw1', K, 'Cilumping', '1')
    areas.datar1 = await add('datar-rw1', L, 'Datar', '1')
    for (const [name, area] of Object.entries(areas)) await account(`kader-${name}`, area)
    await account('bidan', areas.bolang1, 'bidan')
    await account('pustu', areas.bolang2, 'bidan', [areas.bolang2.id, areas.datar1.id])
    await account('puskesmas', areas.cilumping1, 'puskesmas')
    await account('admin', areas.datar1, 'admin')
    for (const name of Object.keys(areas))
      await seed(`kader-${name}`, areas[name as keyof typeof areas], `Anak ${name}`)
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  const ids = (body: BinaanResponse) => body.areas.map((a) => a.area.id).sort()

  it('shows a bidan exactly her desa, a pustu her list, a puskesmas its kecamatan', async () => {
    const inScope = (names: (keyof typeof areas)[]) => names.map((n) => areas[n].id).sort()
    expect(ids((await binaan('bidan')).body)).toEqual(inScope(['bolang1', 'bolang2']))
    expect(ids((await binaan('pustu')).body)).toEqual(inScope(['bolang2', 'datar1']))
    expect(ids((await binaan('puskesmas')).body)).toEqual(inScope(['bolang1', 'bolang2', 'cilumping1']))
    expect(ids((await binaan('admin')).body)).toEqual(
      expect.arrayContaining(inScope(Object.keys(areas) as never)),
    )
    // Named lists only in scope, each area's own: the bidan's overdue referrals are her two areas' people (the
    // toddlers' first weighing refers too), counted in the overview.
    const overview = (await binaan('bidan')).body.areas
    expect(overview.map((a) => a.overdue)).toEqual([2, 2])
    const overdue: OverdueReferral[] = []
    for (const a of overview) overdue.push(...(await areaPage('bidan', a.area.id)).body.overdue)
    expect(overdue.map((o) => o.name).sort()).toEqual([
      'Anak bolang1',
      'Anak bolang2',
      'Ibu Anak bolang1',
      'Ibu Anak bolang2',
    ])
    expect(overdue.find((o) => o.name === 'Ibu Anak bolang1')).toMatchObject({
      problem: 'tekanan_darah',
      dueTo: '2025-06-22',
      urgency: 'biasa',
    })
  })

  it('refuses a kader, and areas outside the scope', async () => {
    const kader = await binaan('kader-bolang1')
    expect(kader.status).toBe(403)
    expect(kader.body).toMatchObject({ error: { reason: 'forbidden', detail: 'not-supervisor' } })
    const other = await api(server.url, 'GET', `/binaan/areas/${areas.datar1.id}`, {
      token: tokens.bidan?.token,
    })
    expect(other.status).toBe(404)
    const own = await api(server.url, 'GET', `/binaan/areas/${areas.bolang2.id}`, {
      token: tokens.bidan?.token,
    })
    expect(own.status).toBe(200)
    // A kader's phone still pulls only its own area.
    const pulled = await tokens['kader-bolang1']?.pullAll()
    const households = [...(pulled?.records.values() ?? [])].filter((r) => r.entity === 'households')
    expect(households.map((h) => h.record.id)).toEqual([people['kader-bolang1']?.household])
  })

  it('never lets a supervisor push records outside her own area', async () => {
    const stamp = hlc(10_000, 'dev-bidan')
    const res = await tokens.bidan?.push([
      newHousehold(areas.bolang2, stamp),
      newHousehold(areas.datar1, stamp),
      newHousehold(areas.bolang1, stamp),
    ])
    expect(res?.body.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'accepted'])
    expect(res?.body.results.map((r) => ('reason' in r ? r.reason : null))).toEqual([
      'forbidden',
      'forbidden',
      null,
    ])
  })

  it("counts each area's month from its kader's records, and again after a push", async () => {
    const before = (await binaan('puskesmas')).body.areas.find((a) => a.area.id === areas.cilumping1.id)
    expect(before?.month).toMatchObject({ S: 1, D: 1, visits: 2, referralsOpen: 2 })
    expect(before?.kaders.map((k) => k.name)).toEqual(['kader-cilumping1'])
    const k1 = before?.year.find((y) => y.id === 'kia.k1')
    expect(k1).toMatchObject({ cumulative: 0, sasaran: 0, status: null })
    // The puskesmas' projection replaces the registered count as the sasaran.
    await setTarget(server.db, { areaId: areas.cilumping1.id, year: 2025, indicator: 'kia.k1', sasaran: 12 })
    const projected = (await binaan('puskesmas')).body.areas.find((a) => a.area.id === areas.cilumping1.id)
    expect(projected?.year.find((y) => y.id === 'kia.k1')).toMatchObject({ sasaran: 12, coverage: 0 })
    // A second toddler weighed: the cached figures of this area change, the others' stay.
    const { household } = people['kader-cilumping1'] as { household: string }
    const stamp = hlc(20_000, 'dev-kader-cilumping1')
    const child = newMember(household, stamp, {
      name: 'Dedi',
      sex: 'L',
      birthDate: '2023-05-01',
      relation: 'anak',
    })
    const weighing = visitChange(child.recordId, household, areas.cilumping1.id, stamp)
    await tokens['kader-cilumping1']?.push([child, weighing])
    const after = (await binaan('puskesmas')).body.areas.find((a) => a.area.id === areas.cilumping1.id)
    expect(after?.month).toMatchObject({ S: 2, D: 2, visits: 3 })
  })

  it("shows each kader's last sync with the outbox counts her phone reported", async () => {
    const status = await api(server.url, 'POST', '/status', {
      token: tokens['kader-bolang2']?.token,
      body: { pending: 3, rejected: 1 },
    })
    expect(status.status).toBe(200)
    const bad = await api(server.url, 'POST', '/status', {
      token: tokens.bidan?.token,
      body: { pending: -1 },
    })
    expect(bad.status).toBe(400)
    const area = (await binaan('bidan')).body.areas.find((a) => a.area.id === areas.bolang2.id)
    expect(area?.kaders).toEqual([
      expect.objectContaining({
        name: 'kader-bolang2',
        pending: 3,
        rejected: 1,
        lastSync: expect.any(String),
      }),
    ])
  })

  it("gives a posyandu's PWS as figures, names only in its lists", async () => {
    const res = await api<BinaanAreaResponse>(
      server.url,
      'GET',
      `/binaan/areas/${areas.bolang1.id}?month=2025-06`,
      {
        token: tokens.bidan?.token,
      },
    )
    expect(res.body.report.skdn.S.value).toBe(1)
    expect(res.body.report.skdn.S.memberIds).toEqual([])
    expect('register' in res.body.report).toBe(false)
    // Names only in the named lists, not in the figures; the overview names nobody at all.
    expect(JSON.stringify({ report: res.body.report, indicators: res.body.indicators })).not.toContain(
      'Anak bolang1',
    )
    expect(res.body.overdue.map((o) => o.name)).toContain('Anak bolang1')
    expect(JSON.stringify((await binaan('puskesmas')).body)).not.toContain('Anak')
  })

  it('flags a NIK registered in two areas of the scope and households without GPS', async () => {
    // Siti, born 12 April 1990 (memberInput): a woman's NIK adds 40 to the day.
    const nik = '3301235204900001'
    for (const [kader, area] of [
      ['kader-bolang1', areas.bolang1],
      ['kader-bolang2', areas.bolang2],
    ] as const) {
      const { household } = people[kader] as { household: string }
      const stamp = hlc(30_000, `dev-${kader}`)
      const res = await tokens[kader]?.push([newMember(household, stamp, { name: `NIK ${area.id}`, nik })])
      expect(res?.body.results[0]?.status).toBe('accepted')
    }
    const summaries = (await binaan('bidan')).body.areas
    const quality = [
      ...(await areaPage('bidan', areas.bolang1.id)).body.quality,
      ...(await areaPage('bidan', areas.bolang2.id)).body.quality,
    ]
    expect(summaries.map((s) => s.quality.duplicateNik)).toEqual([1, 1])
    expect(
      quality
        .filter((q) => q.kind === 'duplicateNik')
        .map((q) => [q.name, q.detail])
        .sort(),
    ).toEqual([
      [`NIK ${areas.bolang1.id}`, areas.bolang2.id],
      [`NIK ${areas.bolang2.id}`, areas.bolang1.id],
    ])
    // Bolang RW 1 also holds the household its bidan pushed above.
    expect(summaries.map((s) => s.quality.noGps)).toEqual([2, 1])
  })

  it('exports the puskesmas CSV and a FHIR bulk export that validates', async () => {
    const csv = await fetch(`${server.url}/api/v1/binaan/pws.csv?month=2025-06`, {
      headers: { Authorization: `Bearer ${tokens.puskesmas?.token}` },
    })
    expect(csv.status).toBe(200)
    const text = await csv.text()
    expect(text).toContain(`Cilumping RW 1 (${areas.cilumping1.id})`)
    expect(text).not.toContain(areas.datar1.id)
    const schema = new JSONSchemaValidator()
    for (const type of ['Patient', 'Encounter', 'Observation']) {
      const res = await fetch(`${server.url}/api/v1/binaan/fhir/${type}.ndjson`, {
        headers: { Authorization: `Bearer ${tokens.bidan?.token}` },
      })
      expect(res.headers.get('Content-Type')).toBe('application/fhir+ndjson')
      const lines = (await res.text()).trim().split('\n')
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) expect(schema.validate(JSON.parse(line))).toEqual([])
    }
    // No name, no query string in the request log.
    const logged = server.logs.join('\n')
    expect(logged).not.toContain('Anak bolang')
    expect(logged).not.toContain('month=')
  })
})
