// Bad input never blocks a kader (issue 11 items 1, 5, 11): every kind of bad change is refused on its own with
// a reason and a field path, the batch's good changes still apply, and no input makes the server answer 500 —
// on the real server, on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatHlc } from '../../src/protocol/hlc'
import type { Change, ChangeResult } from '../../src/protocol/wire'
import { householdInput } from '../records'
import {
  addKader,
  api,
  change,
  Device,
  followUpChange,
  hlc,
  loggedInKader,
  newHousehold,
  newMember,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
  visitChange,
} from './harness'

const NUL = 'Budi\u0000Santoso'
const LONE_HIGH = 'Siti \ud83d' // an emoji cut in half: its high surrogate alone
const LONE_LOW = '\udc4d Aminah'

const reasons = (results: ChangeResult[]) =>
  results.map((r) => (r.status === 'rejected' ? r.reason : r.status))

describe.each(TARGETS)('bad input on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  const kader = () => loggedInKader(server)

  it('refuses text the database cannot store (NUL, lone surrogates) per change, with the field path', async () => {
    const k = await kader()
    const good = newHousehold(k.area)
    const address = householdInput({}, k.area).address
    const bad = [
      newHousehold(k.area, hlc(0), { headName: NUL }),
      newHousehold(k.area, hlc(0), { address: { ...address, dusun: LONE_HIGH } }),
      newHousehold(k.area, hlc(0), { address: { ...address, street: LONE_LOW } }),
      newMember(good.recordId, hlc(0), { name: NUL }),
      change('households', good.recordId, { workAreaId: `${k.area.id}\u0000` }, hlc(10)),
    ]
    const res = await k.device.push([good, ...bad])
    expect(res.status).toBe(200)
    expect(reasons(res.body.results)).toEqual(['accepted', ...bad.map(() => 'invalid')])
    expect(res.body.results.slice(1).map((r) => r.status === 'rejected' && r.issues)).toEqual([
      [{ path: 'headName', message: 'err.text.badChar' }],
      [{ path: 'address.dusun', message: 'err.text.badChar' }],
      [{ path: 'address.street', message: 'err.text.badChar' }],
      [{ path: 'name', message: 'err.text.badChar' }],
      [{ path: 'workAreaId', message: 'err.text.badChar' }],
    ])
    const { records } = await k.device.pullAll()
    expect([...records.keys()]).toEqual([good.recordId])
    expect(records.get(good.recordId)?.record).toMatchObject({ workAreaId: k.area.id })
  })

  it('refuses bad text deep inside a visit and in a field name', async () => {
    const k = await kader()
    const h = newHousehold(k.area)
    const m = newMember(h.recordId)
    const visit = change(
      'visits',
      randomUUID(),
      {
        memberId: m.recordId,
        householdId: h.recordId,
        workAreaId: k.area.id,
        date: '2025-06-15',
        place: 'posyandu',
        parts: { balita: { weightKg: 12.1, lengthCm: 88.2, position: 'standing' } },
        note: `Catatan ${LONE_HIGH}`,
      },
      hlc(20),
    )
    const badName = change('households', h.recordId, { 'head\u0000Name': 'X' }, hlc(30))
    const res = await k.device.push([h, m, visit, badName])
    expect(res.status).toBe(200)
    expect(res.body.results.slice(2)).toMatchObject([
      { status: 'rejected', reason: 'invalid', issues: [{ path: 'note', message: 'err.text.badChar' }] },
      { status: 'rejected', reason: 'invalid' },
    ])
  })

  it('answers a login with NUL or a lone surrogate with 400, never 500', async () => {
    const k = await addKader(server)
    const attempts = [
      { username: `${k.username}\u0000`, password: k.password },
      { username: `${k.username}\ud800`, password: k.password },
      { username: k.username, password: k.password, deviceId: 'phone\u0000' },
      { username: k.username, password: k.password, deviceId: 'phone\udfff' },
    ]
    for (const body of attempts) {
      const res = await api<{ error: { reason: string } }>(server.url, 'POST', '/login', { body })
      expect(res.status).toBe(400)
      expect(res.body.error.reason).toBe('bad-request')
    }
    expect(
      (
        await api(server.url, 'POST', '/login', {
          body: { username: k.username, password: k.password, deviceId: 'phone-1' },
        })
      ).status,
    ).toBe(200)
    expect(server.logs.some((l) => JSON.parse(l).status === 500)).toBe(false)
  })
})

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
/** A stamp of the device's own node, now: the dates it checks are "today" for the server. */
const nowStamp = (node = 'device-a') => formatHlc({ millis: Date.now() - 60_000, counter: 0, node })

describe.each(TARGETS)('the same rules as the phone on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  async function family() {
    const k = await addKader(server)
    const device = await Device.login(server.url, k.username, k.password)
    const h = newHousehold(k.area, nowStamp())
    const m = newMember(h.recordId, nowStamp())
    const v = visitChange(m.recordId, h.recordId, k.area.id, nowStamp())
    expect(reasons((await device.push([h, m, v])).body.results)).toEqual(['accepted', 'accepted', 'accepted'])
    return { ...k, device, h, m, v }
  }

  it('refuses dates in the future of the edit: birth date, HPHT, delivery, visit and follow-up dates', async () => {
    const k = await family()
    const ahead = daysFromNow(400)
    const visit = visitChange(k.m.recordId, k.h.recordId, k.area.id, nowStamp())
    visit.fields.date = { value: ahead, hlc: nowStamp() }
    const followUp = followUpChange(k.v, nowStamp())
    followUp.fields.date = { value: ahead, hlc: nowStamp() }
    const res = await k.device.push([
      newMember(k.h.recordId, nowStamp(), { birthDate: ahead }),
      change('members', k.m.recordId, { hpht: ahead }, nowStamp()),
      change('members', k.m.recordId, { deliveryDate: ahead }, nowStamp()),
      visit,
      followUp,
      // Today's date is fine, wherever in Indonesia the phone is.
      change('members', k.m.recordId, { deliveryDate: daysFromNow(0) }, nowStamp()),
    ])
    expect(res.body.results.map((r) => r.status === 'rejected' && r.issues)).toEqual([
      [{ path: 'birthDate', message: 'err.birthDate.future' }],
      [{ path: 'hpht', message: 'err.hpht.future' }],
      [{ path: 'deliveryDate', message: 'err.deliveryDate.future' }],
      [{ path: 'date', message: 'err.visit.dateFuture' }],
      [{ path: 'date', message: 'err.visit.dateFuture' }],
      false,
    ])
  })

  it('refuses a live member in a deleted household and a visit to a deleted member, accepts the tombstones', async () => {
    const k = await family()
    const gone = newMember(k.h.recordId, nowStamp())
    await k.device.push([gone])
    const deletion = await k.device.push([
      change('members', gone.recordId, { deleted: true }, nowStamp()),
      change('households', k.h.recordId, { deleted: true }, nowStamp()),
      // The household's members go with it (what deleteHousehold sends).
      change('members', k.m.recordId, { deleted: true }, nowStamp()),
    ])
    expect(reasons(deletion.body.results)).toEqual(['accepted', 'accepted', 'accepted'])
    const res = await k.device.push([
      newMember(k.h.recordId, nowStamp()),
      change('members', k.m.recordId, { deleted: false }, nowStamp()),
      visitChange(gone.recordId, k.h.recordId, k.area.id, nowStamp()),
      followUpChange(k.v, nowStamp()),
      change('members', k.m.recordId, { name: 'Masih terhapus' }, nowStamp()),
    ])
    expect(res.body.results.map((r) => (r.status === 'rejected' ? r.issues : r.status))).toEqual([
      [{ path: 'householdId', message: 'err.household.deleted' }],
      [{ path: 'householdId', message: 'err.household.deleted' }],
      [{ path: 'memberId', message: 'err.member.deleted' }],
      [{ path: 'householdId', message: 'err.household.deleted' }],
      'accepted',
    ])
  })

  it("refuses a stamp of another device than the token's that would win; a losing one changes nothing", async () => {
    const k = await family()
    const b = await Device.login(server.url, k.username, k.password, 'device-b')
    const edit = change('households', k.h.recordId, { headName: 'Dari B' }, nowStamp('device-b'))
    expect(reasons((await b.push([edit])).body.results)).toEqual(['accepted'])
    const old = formatHlc({ millis: Date.now() - 3_600_000, counter: 0, node: 'device-c' })
    const res = await k.device.push([
      change('households', k.h.recordId, { headName: 'Menyamar' }, nowStamp('device-b')),
      newHousehold(k.area, nowStamp('device-c')),
      // What a phone sends when it pulled b's edit before pushing its own entry for that field: harmless.
      edit,
      // Another node's stamp that loses changes nothing either.
      change('households', k.h.recordId, { headName: 'Lama' }, old),
    ])
    expect(res.body.results.map((r) => (r.status === 'rejected' ? r.issues : r.status))).toEqual([
      [{ path: 'fields.headName.hlc', message: 'err.hlc.node' }],
      expect.arrayContaining([{ path: 'fields.headName.hlc', message: 'err.hlc.node' }]),
      'accepted',
      'accepted',
    ])
    expect((await k.device.pullAll()).records.get(k.h.recordId)?.record).toMatchObject({ headName: 'Dari B' })
  })
})

/**
 * Each kind of bad change, 43 of them (built from one family pushed first): the "Done when" check of issue 11 —
 * 1 good + 43 bad answer 200, 43 rejections with their reason, the good one applied.
 */
type Family = Awaited<ReturnType<typeof setUpFamily>>
async function setUpFamily(server: TestServer) {
  const k = await addKader(server)
  const device = await Device.login(server.url, k.username, k.password)
  const h = newHousehold(k.area, nowStamp())
  const m = newMember(h.recordId, nowStamp())
  const v = visitChange(m.recordId, h.recordId, k.area.id, nowStamp())
  const dead = newHousehold(k.area, nowStamp())
  const deadMember = newMember(dead.recordId, nowStamp())
  await device.push([h, m, v, dead, deadMember])
  await device.push([
    change('households', dead.recordId, { deleted: true }, nowStamp()),
    change('members', deadMember.recordId, { deleted: true }, nowStamp()),
  ])
  return { ...k, device, h, m, v, dead, deadMember }
}

const TEXT_FIELDS = ['headName', 'address.dusun', 'address.street', 'address.desa', 'workAreaId'] as const
function householdWithText(f: Family, i: number, bad: string): Change {
  const field = TEXT_FIELDS[i % TEXT_FIELDS.length] as (typeof TEXT_FIELDS)[number]
  const address = householdInput({}, f.area).address
  if (field === 'headName') return newHousehold(f.area, nowStamp(), { headName: `${bad}${i}` })
  if (field === 'workAreaId') return newHousehold(f.area, nowStamp(), { workAreaId: `${f.area.id}${bad}` })
  const part = field.slice('address.'.length) as 'dusun' | 'street' | 'desa'
  return newHousehold(f.area, nowStamp(), {
    address: { ...address, [part]: `${address[part] ?? 'Jl'}${bad}` },
  })
}
function visitOn(f: Family, memberId: string, householdId: string, values: Record<string, unknown> = {}) {
  const v = visitChange(memberId, householdId, f.area.id, nowStamp())
  for (const [name, value] of Object.entries(values)) v.fields[name] = { value, hlc: nowStamp() }
  return v
}

const BAD_KINDS: { kind: string; reason: string; make: (f: Family, i: number) => Change }[] = [
  { kind: 'NUL in text', reason: 'invalid', make: (f, i) => householdWithText(f, i, '\u0000') },
  {
    kind: 'a lone surrogate',
    reason: 'invalid',
    make: (f, i) => householdWithText(f, i, i % 2 === 0 ? '\ud83d' : '\udc4d'),
  },
  {
    kind: 'a future birth date',
    reason: 'invalid',
    make: (f, i) => newMember(f.h.recordId, nowStamp(), { birthDate: daysFromNow(400 + i) }),
  },
  {
    kind: 'a future HPHT',
    reason: 'invalid',
    make: (f, i) => newMember(f.h.recordId, nowStamp(), { hpht: daysFromNow(400 + i) }),
  },
  {
    kind: 'a future visit date',
    reason: 'invalid',
    make: (f, i) => visitOn(f, f.m.recordId, f.h.recordId, { date: daysFromNow(400 + i) }),
  },
  {
    kind: 'a future follow-up date',
    reason: 'invalid',
    make: (f, i) => {
      const fu = followUpChange(f.v, nowStamp())
      fu.fields.date = { value: daysFromNow(400 + i), hlc: nowStamp() }
      return fu
    },
  },
  {
    kind: 'a member in a deleted household',
    reason: 'invalid',
    make: (f) => newMember(f.dead.recordId, nowStamp()),
  },
  {
    kind: 'a visit to a deleted member',
    reason: 'invalid',
    make: (f) => visitOn(f, f.deadMember.recordId, f.dead.recordId),
  },
  {
    kind: "another device's stamp",
    reason: 'invalid',
    make: (f, i) => newHousehold(f.area, nowStamp(`device-${i}`)),
  },
  {
    kind: 'a field the record does not have',
    reason: 'invalid',
    make: (f, i) => change('households', f.h.recordId, { [`extra${i}`]: 'x' }, nowStamp()),
  },
  {
    kind: 'an address outside the work area',
    reason: 'forbidden',
    make: (f, i) => newHousehold({ ...f.area, desa: `Desa Lain ${i}` }, nowStamp()),
  },
  {
    kind: 'a stamp far in the future',
    reason: 'clock-skew',
    make: (f, i) =>
      newHousehold(
        f.area,
        formatHlc({ millis: Date.now() + 86_400_000 * (1 + i), counter: 0, node: 'device-a' }),
      ),
  },
]

describe.each(TARGETS)('1 good + 43 bad changes on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it.each(BAD_KINDS)(
    'answers 200 with 43 rejections for $kind, and applies the good one',
    async ({ make, reason }) => {
      const f = await setUpFamily(server)
      const logged = server.logs.length
      const bad = Array.from({ length: 43 }, (_, i) => make(f, i))
      const good = newHousehold(f.area, nowStamp(), { headName: 'Yang benar' })
      const res = await f.device.push([...bad.slice(0, 21), good, ...bad.slice(21)])
      expect(res.status).toBe(200)
      const results = res.body.results
      expect(results[21]).toMatchObject({ status: 'accepted', changeId: good.changeId })
      const refused = results.filter((r) => r.status === 'rejected')
      expect(refused).toHaveLength(43)
      expect(new Set(refused.map((r) => r.status === 'rejected' && r.reason))).toEqual(new Set([reason]))
      expect(refused.map((r) => r.changeId)).toEqual(bad.map((c) => c.changeId))
      const { records } = await f.device.pullAll()
      expect(records.get(good.recordId)?.record).toMatchObject({ headName: 'Yang benar' })
      expect(bad.some((c) => records.has(c.recordId) && c.recordId !== f.h.recordId)).toBe(false)
      expect(server.logs.slice(logged).some((l) => JSON.parse(l).status === 500)).toBe(false)
    },
  )
})
