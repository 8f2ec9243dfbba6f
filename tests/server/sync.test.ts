// The sync protocol against the real reference server (docs/sync-protocol.md), on PGlite and — when
// TEST_DATABASE_URL is set — on PostgreSQL. One server per database; every test makes its own work areas.
import { randomUUID } from 'node:crypto'
import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareHlc, parseHlc } from '../../src/protocol/hlc'
import { canonical } from '../../src/protocol/merge'
import { household, member } from '../../src/protocol/records'
import { type ChangeResult, PULL_PAGE_SIZE } from '../../src/protocol/wire'
import { householdInput, memberInput } from '../records'
import {
  addKader,
  api,
  change,
  Device,
  gzip,
  hlc,
  loggedInKader,
  newHousehold,
  newMember,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
} from './harness'

const accepted = (r: ChangeResult | undefined) => r?.status === 'accepted'

describe.each(TARGETS)('sync server on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    // Rate limits have their own test (server.test.ts); here they would only slow the property test down.
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  const kader = (narrow?: Parameters<typeof addKader>[1]) => loggedInKader(server, narrow)

  describe('auth', () => {
    it('refuses requests without a token or with an unknown one (401)', async () => {
      const noToken = await api<{ error: { reason: string; detail: string } }>(server.url, 'GET', '/changes')
      expect(noToken.status).toBe(401)
      expect(noToken.body.error).toMatchObject({ reason: 'unauthorized', detail: 'missing-token' })
      const push = await api(server.url, 'POST', '/changes', { body: { changes: [] } })
      expect(push.status).toBe(401)
      const unknown = await new Device(server.url, 'x'.repeat(43)).pull()
      expect(unknown.status).toBe(401)
    })

    it('refuses a wrong password or an unknown user (401) and issues a token for the right one', async () => {
      const { username, password } = await addKader(server)
      const wrong = await api<{ error: { detail: string } }>(server.url, 'POST', '/login', {
        body: { username, password: `${password}x` },
      })
      expect(wrong.status).toBe(401)
      expect(wrong.body.error.detail).toBe('bad-credentials')
      const nobody = await api(server.url, 'POST', '/login', { body: { username: 'nobody-here', password } })
      expect(nobody.status).toBe(401)
      const ok = await api<{ token: string; workArea: { id: string } }>(server.url, 'POST', '/login', {
        body: { username: username.toUpperCase(), password },
      })
      expect(ok.status).toBe(200)
      expect(ok.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    })

    it('refuses a revoked token (401), by admin revocation and by logout', async () => {
      const k = await kader()
      expect((await k.device.pull()).status).toBe(200)
      expect(await server.admin.revokeTokens({ username: k.username })).toBe(1)
      expect((await k.device.pull()).status).toBe(401)

      const again = await Device.login(server.url, k.username, k.password)
      expect((await api(server.url, 'POST', '/logout', { token: again.token })).status).toBe(200)
      expect((await again.pull()).status).toBe(401)
    })

    it('tells the device its account and work area, with the server time in body and header', async () => {
      const k = await kader({ rt: '7' })
      const me = await api<{
        user: { username: string }
        workArea: { id: string; rt: string }
        serverTime: string
      }>(server.url, 'GET', '/me', { token: k.device.token })
      expect(me.body.user.username).toBe(k.username)
      expect(me.body.workArea).toMatchObject({ id: k.area.id, rt: '7' })
      expect(Math.abs(Date.parse(me.body.serverTime) - Date.now())).toBeLessThan(60_000)
      expect(me.headers.get('x-server-time')).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      expect(me.headers.get('cache-control')).toBe('no-store')
    })
  })

  describe('push and pull', () => {
    it('round-trips a household and its member as full records with field stamps', async () => {
      const k = await kader()
      const h = newHousehold(k.area, hlc(0), { noKk: '3301010101010001' })
      const m = newMember(h.recordId, hlc(1000))
      const pushed = await k.device.push([h, m])
      expect(pushed.status).toBe(200)
      expect(pushed.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted'])
      expect(Date.parse(pushed.body.serverTime)).not.toBeNaN()

      const other = await Device.login(server.url, k.username, k.password)
      const { records } = await other.pullAll()
      const home = records.get(h.recordId)
      expect(home?.entity).toBe('households')
      expect(household.parse(home?.record)).toMatchObject({
        ...householdInput({ noKk: '3301010101010001' }, k.area),
        id: h.recordId,
        createdAt: '2025-06-15T03:00:00.000Z',
        deviceId: 'device-a',
        version: 1,
        deleted: false,
      })
      expect(home?.hlcs.headName).toBe(hlc(0))
      const person = records.get(m.recordId)
      expect(member.parse(person?.record)).toMatchObject({ ...memberInput(h.recordId), id: m.recordId })
    })

    it('merges two devices editing different fields of one household: both edits are kept', async () => {
      const k = await kader()
      const h = newHousehold(k.area, hlc(0))
      await k.device.push([h])
      const b = await Device.login(server.url, k.username, k.password, 'device-b')
      await k.device.push([change('households', h.recordId, { headName: 'Budi S.' }, hlc(5000, 'device-a'))])
      const res = await b.push([
        change('households', h.recordId, { noKk: '3301010101010002' }, hlc(3000, 'device-b')),
      ])
      const merged = res.body.results[0]
      expect(merged?.status).toBe('accepted')
      if (merged?.status !== 'accepted') return
      expect(merged.record).toMatchObject({ headName: 'Budi S.', noKk: '3301010101010002', version: 3 })
      // updatedAt and deviceId come from the newest stamp, whichever device pushed last.
      expect(merged.record).toMatchObject({ updatedAt: '2025-06-15T03:00:05.000Z', deviceId: 'device-a' })
    })

    it('keeps the value with the higher stamp when two devices edit the same field', async () => {
      const k = await kader()
      const h = newHousehold(k.area, hlc(0))
      await k.device.push([h])
      await k.device.push([change('households', h.recordId, { headName: 'Newer' }, hlc(9000, 'device-a'))])
      const b = await Device.login(server.url, k.username, k.password, 'device-b')
      const late = await b.push([
        change('households', h.recordId, { headName: 'Older' }, hlc(8000, 'device-b')),
      ])
      expect(late.body.results[0]).toMatchObject({ status: 'accepted', record: { headName: 'Newer' } })
      const { records } = await k.device.pullAll()
      expect(records.get(h.recordId)?.record).toMatchObject({ headName: 'Newer' })
      expect(records.get(h.recordId)?.hlcs.headName).toBe(hlc(9000, 'device-a'))
    })

    it('breaks a tie of time and counter by device id, whatever order the edits arrive in', async () => {
      const k = await kader()
      const fromA = (id: string) => change('households', id, { headName: 'From A' }, hlc(7000, 'device-a'))
      const fromB = (id: string) => change('households', id, { headName: 'From B' }, hlc(7000, 'device-b'))
      const b = await Device.login(server.url, k.username, k.password, 'device-b')
      const one = newHousehold(k.area)
      const two = newHousehold(k.area)
      await k.device.push([one, two, fromA(one.recordId)])
      await b.push([fromB(one.recordId), fromB(two.recordId)])
      await k.device.push([fromA(two.recordId)])
      const { records } = await k.device.pullAll()
      expect(records.get(one.recordId)?.record).toMatchObject({ headName: 'From B' })
      expect(records.get(two.recordId)?.record).toMatchObject({ headName: 'From B' })
      expect(compareHlc(hlc(7000, 'device-b'), hlc(7000, 'device-a'))).toBeGreaterThan(0)
    })

    it('clears an optional field with null', async () => {
      const k = await kader()
      const h = newHousehold(k.area, hlc(0), { noKk: '3301010101010003' })
      await k.device.push([h])
      const res = await k.device.push([change('households', h.recordId, { noKk: null }, hlc(1000))])
      expect(res.body.results[0]).toMatchObject({ status: 'accepted' })
      const { records } = await k.device.pullAll()
      expect(records.get(h.recordId)?.record).not.toHaveProperty('noKk')
    })

    it('syncs deletions as tombstones that an older edit does not bring back', async () => {
      const k = await kader()
      const h = newHousehold(k.area, hlc(0))
      const m = newMember(h.recordId, hlc(0))
      await k.device.push([h, m])
      await k.device.push([
        change('households', h.recordId, { deleted: true }, hlc(5000)),
        change('members', m.recordId, { deleted: true }, hlc(5000)),
      ])
      // Another phone, offline since before the deletion, edits the household later on.
      const b = await Device.login(server.url, k.username, k.password, 'device-b')
      const stale = await b.push([
        change(
          'households',
          h.recordId,
          { headName: 'Edited offline', deleted: false },
          hlc(4000, 'device-b'),
        ),
      ])
      expect(stale.body.results[0]).toMatchObject({ status: 'accepted' })
      const { records } = await k.device.pullAll()
      expect(records.get(h.recordId)?.record).toMatchObject({ deleted: true, headName: 'Edited offline' })
      expect(records.get(m.recordId)?.record).toMatchObject({ deleted: true, name: 'Siti Aminah' })
    })

    it('applies the same batch once when it is delivered twice, answering with the records as they are', async () => {
      const k = await kader()
      const h = newHousehold(k.area)
      const batch = [
        h,
        newMember(h.recordId),
        change('households', h.recordId, { headName: 'Again' }, hlc(2000)),
      ]
      const first = await k.device.push(batch)
      const second = await k.device.push(batch)
      // Every change answered again, with the household as it now is (renamed once), the member unchanged.
      expect(second.body.results.slice(1)).toEqual(first.body.results.slice(1))
      expect(second.body.results[0]).toEqual({ ...first.body.results[2], changeId: h.changeId })
      const { records, cursor } = await k.device.pullAll()
      expect(records.size).toBe(2)
      expect(records.get(h.recordId)?.record).toMatchObject({ version: 2, headName: 'Again' })
      const again = await k.device.pull({})
      expect(again.body.records).toHaveLength(2)
      expect(again.body.cursors).toEqual(cursor)
    })

    it('rejects an invalid and an out-of-area record with reasons and applies the rest of the batch', async () => {
      const k = await kader()
      const good = newHousehold(k.area)
      const invalid = newHousehold(k.area, hlc(0), { headName: '' })
      const elsewhere = newHousehold({ ...k.area, desa: 'Desa Lain' })
      const goodMember = newMember(good.recordId)
      const orphan = newMember(randomUUID())
      const res = await k.device.push([good, invalid, elsewhere, goodMember, orphan])
      expect(res.status).toBe(200)
      const [r0, r1, r2, r3, r4] = res.body.results
      expect(r0).toMatchObject({ status: 'accepted', changeId: good.changeId })
      expect(r1).toMatchObject({ status: 'rejected', reason: 'invalid', changeId: invalid.changeId })
      expect(r1?.status === 'rejected' && r1.issues).toEqual([{ path: 'headName', message: 'err.required' }])
      expect(r2).toMatchObject({ status: 'rejected', reason: 'forbidden', changeId: elsewhere.changeId })
      expect(r3).toMatchObject({ status: 'accepted', changeId: goodMember.changeId })
      expect(r4).toMatchObject({
        status: 'rejected',
        reason: 'invalid',
        issues: [{ path: 'householdId', message: 'err.household.missing' }],
      })
      const { records } = await k.device.pullAll()
      expect([...records.keys()].sort()).toEqual([good.recordId, goodMember.recordId].sort())
    })

    it('rejects malformed changes one by one: bad envelope, unknown field, bad stamp, future stamp', async () => {
      const k = await kader()
      const h = newHousehold(k.area)
      const unknownField = change('households', h.recordId, { version: 9 }, hlc(1))
      const badStamp = change('households', h.recordId, { headName: 'X' }, 'yesterday')
      const future = change('households', h.recordId, { headName: 'X' }, hlc(0, 'device-a'))
      future.fields.headName = {
        value: 'X',
        hlc: new Date(Date.now() + 86_400_000).toISOString().concat('-0000-d'),
      }
      const report = { ...change('households', h.recordId, { headName: 'X' }, hlc(1)), entity: 'reports' }
      const res = await k.device.push([h, { changeId: 'nope' }, unknownField, badStamp, future, report])
      expect(res.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
        'accepted',
        'invalid',
        'invalid',
        'invalid',
        'clock-skew',
        'invalid',
      ])
      expect(res.body.results[5]).toMatchObject({ issues: [{ path: 'entity', message: 'err.invalid' }] })
      expect(res.body.results[1]).toMatchObject({ changeId: 'nope' })
      expect(res.body.results[2]).toMatchObject({
        issues: [{ path: 'fields.version', message: 'err.field.unknown' }],
      })
      expect(res.body.results[3]).toMatchObject({
        issues: [{ path: 'fields.headName.hlc', message: 'err.hlc' }],
      })
    })

    it('pages through more than one page with cursors, in change order, without gaps or repeats', async () => {
      const k = await kader()
      const batch = Array.from({ length: 120 }, (_, i) => newHousehold(k.area, hlc(i)))
      const res = await k.device.push(batch)
      expect(res.body.results.every(accepted)).toBe(true)
      const seen: string[] = []
      let cursor = 0
      const pages: number[] = []
      for (;;) {
        const page = await k.device.pull(cursor, { limit: '50' })
        expect(page.body.nextCursor).toBeGreaterThan(cursor)
        seen.push(...page.body.records.map((r) => r.record.id))
        pages.push(page.body.records.length)
        cursor = page.body.nextCursor ?? Number.NaN
        if (!page.body.hasMore) break
      }
      expect(pages).toEqual([50, 50, 20])
      expect(seen).toEqual(batch.map((c) => c.recordId))
      const empty = await k.device.pull(cursor)
      expect(empty.body).toMatchObject({ records: [], nextCursor: cursor, hasMore: false })
      expect((await k.device.pull(0, { limit: String(PULL_PAGE_SIZE + 1) })).status).toBe(400)
      expect((await k.device.pull(-1)).status).toBe(400)
    })

    it('converges to the newest stamp per field whatever the order and repetition of deliveries', async () => {
      const k = await kader()
      const devices = new Map<string, Device>()
      for (const node of ['device-a', 'device-b', 'device-c'])
        devices.set(node, await Device.login(server.url, k.username, k.password, node))
      const deviceOf = (c: { fields: Record<string, { hlc: string }> }) =>
        devices.get(parseHlc(Object.values(c.fields)[0]?.hlc ?? '').node) ?? k.device
      const edit = fc.record({
        field: fc.constantFrom('headName', 'noKk', 'deleted'),
        offset: fc.integer({ min: 1, max: 50 }),
        node: fc.constantFrom('device-a', 'device-b', 'device-c'),
        n: fc.integer({ min: 0, max: 9 }),
      })
      await fc.assert(
        fc.asyncProperty(
          fc.array(edit, { minLength: 1, maxLength: 8 }),
          fc.integer(),
          async (edits, seed) => {
            const h = newHousehold(k.area, hlc(0))
            const valueFor = (e: (typeof edits)[number]) =>
              e.field === 'deleted'
                ? e.n % 2 === 0
                : e.field === 'noKk'
                  ? `330101010101000${e.n}`
                  : `Nama ${e.n}`
            const changes = edits.map((e) =>
              change('households', h.recordId, { [e.field]: valueFor(e) }, hlc(e.offset * 1000, e.node)),
            )
            // Deliver in a shuffled order, some changes twice.
            const deliveries = [...changes, ...changes.filter((_, i) => (seed + i) % 3 === 0)]
            deliveries.sort(
              (a, b) => ((a.changeId.charCodeAt(0) + seed) % 7) - ((b.changeId.charCodeAt(0) + seed) % 7),
            )
            await k.device.push([h])
            for (const c of deliveries)
              expect((await deviceOf(c).push([c])).body.results.every(accepted)).toBe(true)

            const expected: Record<string, { hlc: string; value: unknown }> = {}
            for (const c of changes)
              for (const [name, f] of Object.entries(c.fields)) {
                const cur = expected[name]
                // Equal stamps (one node, one instant) keep the greater value by canonical JSON, as the server does.
                const order = cur ? compareHlc(f.hlc, cur.hlc) : 1
                if (!cur || order > 0 || (order === 0 && canonical(f.value) > canonical(cur.value)))
                  expected[name] = f
              }
            const { records } = await k.device.pullAll()
            const got = records.get(h.recordId)
            for (const [name, f] of Object.entries(expected)) {
              expect(got?.hlcs[name]).toBe(f.hlc)
              expect((got?.record as Record<string, unknown> | undefined)?.[name]).toEqual(f.value)
            }
          },
        ),
        { numRuns: 15 },
      )
    })
    it('never lets a pull skip a change that commits while it pages', async () => {
      const k = await kader()
      const writers = await Promise.all(
        [0, 1, 2].map((w) => Device.login(server.url, k.username, k.password, `device-${w}`)),
      )
      let done = false
      const pushes = Promise.all(
        writers.map(async (d, w) => {
          for (let i = 0; i < 5; i++) {
            const h = newHousehold(k.area, hlc(i, `device-${w}`))
            const res = await d.push([h, newMember(h.recordId, hlc(i, `device-${w}`))])
            expect(res.body.results.every(accepted)).toBe(true)
          }
        }),
      ).finally(() => {
        done = true
      })
      const seen = new Set<string>()
      let cursor = 0
      const readPage = async () => {
        const page = await k.device.pull(cursor, { limit: '3' })
        for (const r of page.body.records) seen.add(r.record.id)
        cursor = page.body.nextCursor ?? Number.NaN
        return page.body.hasMore
      }
      while (!done) await readPage()
      await pushes
      while (await readPage());
      expect(seen.size).toBe(30)
    })
  })

  describe('work areas', () => {
    it("keeps kader B out of kader A's area: pulls filtered, pushes rejected per record", async () => {
      const a = await kader()
      const b = await kader()
      const h = newHousehold(a.area)
      await a.device.push([h, newMember(h.recordId)])

      expect((await b.device.pullAll()).records.size).toBe(0)
      const res = await b.device.push([
        change('households', h.recordId, { headName: 'Taken over' }, hlc(9000)),
        newMember(h.recordId),
        newHousehold(a.area),
        newHousehold(b.area),
      ])
      expect(res.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
        'forbidden',
        'forbidden',
        'forbidden',
        'accepted',
      ])
      expect((await a.device.pullAll()).records.get(h.recordId)?.record).toMatchObject({
        headName: 'Budi Santoso',
      })
    })

    it("refuses the whole request (403) when the device names another kader's work area", async () => {
      const a = await kader()
      const b = await kader()
      const pull = await b.device.pull(0, { workArea: a.area.id })
      expect(pull.status).toBe(403)
      expect(pull.body).toMatchObject({ error: { reason: 'forbidden', detail: 'work-area-mismatch' } })
      const push = await b.device.push([newHousehold(b.area)], { workAreaId: a.area.id })
      expect(push.status).toBe(403)
      expect((await b.device.pullAll()).records.size).toBe(0)
      expect((await b.device.pull(0, { workArea: b.area.id })).status).toBe(200)
    })

    it('scopes an RT kader to the RT, and brings a household that moves in with its members', async () => {
      const desa = `Desa RT ${randomUUID().slice(0, 8)}`
      const village = await kader({ desa })
      const rt1 = await kader({ desa, dusun: 'karanganyar ', rw: '2', rt: '1' })
      const inRt1 = newHousehold(village.area, hlc(0), {
        address: { ...householdInput({}, village.area).address, rt: '001' },
      })
      const inRt3 = newHousehold(village.area, hlc(0))
      const m = newMember(inRt3.recordId)
      await village.device.push([inRt1, inRt3, m])
      expect([...(await rt1.device.pullAll()).records.keys()]).toEqual([inRt1.recordId])
      expect((await village.device.pullAll()).records.size).toBe(3)

      const { cursor } = await rt1.device.pullAll()
      const moved = householdInput({}, village.area).address
      await village.device.push([
        change('households', inRt3.recordId, { address: { ...moved, rt: '1' } }, hlc(60_000)),
      ])
      const next = await rt1.device.pull(cursor)
      expect(next.body.records.map((r) => r.record.id).sort()).toEqual([inRt3.recordId, m.recordId].sort())

      // The RT kader may not move a household out of the RT.
      const out = await rt1.device.push([
        change('households', inRt3.recordId, { address: { ...moved, rt: '5' } }, hlc(70_000)),
      ])
      expect(out.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' })
    })
  })

  describe('limits and encodings', () => {
    it('accepts a gzip-compressed push, and compresses the answer with brotli or gzip as asked', async () => {
      const k = await kader()
      const batch = Array.from({ length: 20 }, (_, i) => newHousehold(k.area, hlc(i)))
      const res = await k.device.push(batch, { gzip: true })
      expect(res.status).toBe(200)
      expect(res.body.results.every(accepted)).toBe(true)

      const pull = (acceptEncoding: string) =>
        new Promise<{ encoding: string | undefined; body: Buffer }>((ok, fail) => {
          const req = request(`${server.url}/api/v1/changes?cursor=0`, {
            headers: { Authorization: `Bearer ${k.device.token}`, 'Accept-Encoding': acceptEncoding },
          })
          req.on('response', (r) => {
            const chunks: Buffer[] = []
            r.on('data', (c: Buffer) => chunks.push(c))
            r.on('end', () => ok({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }))
          })
          req.on('error', fail)
          req.end()
        })
      const raw = await pull('gzip, br;q=0')
      expect(raw.encoding).toBe('gzip')
      expect(JSON.parse(gunzipSync(raw.body).toString('utf8')).records).toHaveLength(20)
      // Brotli when the client takes it (browsers do): fewer bytes for a pull page.
      const br = await pull('gzip, deflate, br, zstd')
      expect(br.encoding).toBe('br')
      expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8')).records).toHaveLength(20)
    })

    it('refuses oversized bodies (413): plain, a gzip bomb, and too many changes', async () => {
      const k = await kader()
      const big = await api<{ error: { reason: string } }>(server.url, 'POST', '/changes', {
        token: k.device.token,
        body: { changes: [], padding: 'x'.repeat(1024 * 1024) },
      })
      expect(big.status).toBe(413)
      expect(big.body.error.reason).toBe('payload-too-large')
      const bomb = await api(server.url, 'POST', '/changes', {
        token: k.device.token,
        raw: await gzip(new Uint8Array(8 * 1024 * 1024).fill(32)),
        headers: { 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' },
      })
      expect(bomb.status).toBe(413)
      const many = await k.device.push(Array.from({ length: 501 }, () => newHousehold(k.area)))
      expect(many.status).toBe(413)
      expect((await k.device.pullAll()).records.size).toBe(0)
    })

    it('answers bad JSON and unknown encodings with JSON errors', async () => {
      const k = await kader()
      const bad = await api(server.url, 'POST', '/changes', { token: k.device.token, raw: '{nope' })
      expect(bad).toMatchObject({ status: 400, body: { error: { reason: 'bad-request' } } })
      const br = await api(server.url, 'POST', '/changes', {
        token: k.device.token,
        raw: '{}',
        headers: { 'Content-Encoding': 'br' },
      })
      expect(br).toMatchObject({ status: 415, body: { error: { reason: 'unsupported-encoding' } } })
      const missing = await api(server.url, 'GET', '/nothing', { token: k.device.token })
      expect(missing).toMatchObject({ status: 404, body: { error: { reason: 'not-found' } } })
    })

    it('logs method, path, status and user, never bodies, tokens or query strings', async () => {
      const k = await kader()
      const secretName = `Rahasia ${randomUUID()}`
      await k.device.push([newHousehold(k.area, hlc(0), { headName: secretName })])
      await k.device.pull(0, { workArea: k.area.id })
      const text = server.logs.join('\n')
      expect(text).not.toContain(secretName)
      expect(text).not.toContain(k.device.token)
      expect(text).not.toContain(k.area.id)
      const line = server.logs
        .map((l) => JSON.parse(l))
        .find((l) => l.method === 'POST' && l.path === '/api/v1/changes' && l.status === 200)
      expect(line).toMatchObject({ status: 200, user: expect.any(String), ms: expect.any(Number) })
    })
  })
})
