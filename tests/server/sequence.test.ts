// The change sequence a pull pages through (issue 11 items 2–4): a household moving into an area brings its whole
// history, a stale change neither rewrites a record nor sends it again, and a phone whose cursor the server no
// longer knows (a restore from backup) pulls again from 0 — on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../server/db'
import { formatHlc } from '../../src/protocol/hlc'
import { householdInput } from '../records'
import {
  addKader,
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

const ids = (records: { record: { id: string } }[]) => records.map((r) => r.record.id).sort()

describe.each(TARGETS)('change sequence on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  const kader = (narrow?: Parameters<typeof addKader>[1]) => loggedInKader(server, narrow)

  it('brings a household that moves into the area with its members, visits and follow-ups', async () => {
    const desa = `Desa Pindah ${randomUUID().slice(0, 8)}`
    const village = await kader({ desa })
    const rt1 = await kader({ desa, dusun: 'Karanganyar', rw: '2', rt: '1' })
    const h = newHousehold(village.area)
    const m = newMember(h.recordId)
    const v = visitChange(m.recordId, h.recordId, village.area.id)
    const f = followUpChange(v)
    expect((await village.device.push([h, m, v, f])).body.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ])
    // The RT kader's phone has synced past all of it: its own household came after.
    const own = newHousehold(rt1.area, hlc(1000))
    await rt1.device.push([own])
    const before = await rt1.device.pullAll()
    expect([...before.records.keys()]).toEqual([own.recordId])

    const address = householdInput({}, village.area).address
    await village.device.push([
      change('households', h.recordId, { address: { ...address, rt: '1' } }, hlc(60_000)),
    ])
    const after = await rt1.device.pull(before.cursor, before.epoch ? { epoch: before.epoch } : {})
    const all = [h.recordId, m.recordId, v.recordId, f.recordId].sort()
    expect(ids(after.body.records)).toEqual(all)
    // The already-synced phone now holds what a new phone of the same kader gets.
    const fresh = await Device.login(server.url, rt1.username, rt1.password, 'device-fresh')
    expect([...(await fresh.pullAll()).records.keys()].sort()).toEqual([...all, own.recordId].sort())
  })

  it('lets a change whose stamps are all older change nothing: not the record, not its sequence number', async () => {
    const k = await kader()
    const h = newHousehold(k.area, hlc(0), { noKk: '3301010101010001' })
    const first = await k.device.push([h])
    const { cursor, epoch } = await k.device.pullAll()
    const old = formatHlc({ millis: Date.parse('2001-01-01T00:00:00.000Z'), counter: 0, node: 'device-a' })
    const stale = await k.device.push([
      change('households', h.recordId, { headName: 'Dulu', noKk: '3301010101019999' }, old),
    ])
    expect(stale.body.results[0]).toMatchObject({ status: 'accepted' })
    const record = first.body.results[0]?.status === 'accepted' ? first.body.results[0].record : undefined
    expect(stale.body.results[0]).toMatchObject({ record })
    expect(record).toMatchObject({ createdAt: '2025-06-15T03:00:00.000Z', version: 1 })
    // Nothing to send to any phone.
    const next = await k.device.pull(cursor, epoch ? { epoch } : {})
    expect(next.body).toMatchObject({ records: [], cursors: cursor })
  })

  it('lets only the winning stamps of a change move the record: an old stamp on an unset field keeps createdAt', async () => {
    const k = await kader()
    const h = newHousehold(k.area, hlc(0))
    await k.device.push([h])
    const old = formatHlc({ millis: Date.parse('2001-01-01T00:00:00.000Z'), counter: 0, node: 'device-a' })
    const res = await k.device.push([change('households', h.recordId, { noKk: '3301010101010002' }, old)])
    expect(res.body.results[0]).toMatchObject({
      status: 'accepted',
      record: { noKk: '3301010101010002', createdAt: '2025-06-15T03:00:00.000Z', version: 2 },
    })
  })
})

/** The sync tables as a backup holds them: restoring puts them back as they were, sequence included. */
const SYNC_TABLES = [
  'records',
  'sync_state',
  'desa_seqs',
  'desa_epoch_ends',
  'sync_epochs',
  'applied_changes',
]
type Snapshot = Record<string, unknown[]>
async function backup(db: Database): Promise<Snapshot> {
  const snap: Snapshot = {}
  for (const t of SYNC_TABLES) snap[t] = await db.query(`SELECT * FROM ${t}`)
  return snap
}
async function restore(db: Database, snap: Snapshot): Promise<void> {
  await db.transaction(async (tx) => {
    for (const t of SYNC_TABLES) {
      await tx.query(`DELETE FROM ${t}`)
      await tx.query(`INSERT INTO ${t} SELECT * FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`, [
        JSON.stringify(snap[t]),
      ])
    }
  })
}

describe.each(TARGETS)('a restore from backup on $name', (target) => {
  let dir: string
  let server: TestServer
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kader-restore-'))
    server = await startTestServer(target, { limits: ROOMY_LIMITS, dataDir: join(dir, 'data') })
  }, START_TIMEOUT_MS)
  afterAll(async () => {
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it(
    'makes a phone whose cursor the restored server never reached pull again from 0, even after new pushes',
    async () => {
      const k = await addKader(server)
      const phone = await Device.login(server.url, k.username, k.password, 'phone-y')
      const kept = Array.from({ length: 3 }, () => newHousehold(k.area, hlc(0, 'phone-y')))
      await phone.push(kept)
      const atBackup = await phone.pullAll()
      const snap = await backup(server.db)
      await phone.push(Array.from({ length: 5 }, () => newHousehold(k.area, hlc(1, 'phone-y'))))
      const beforeRestore = await phone.pullAll(500, atBackup)
      expect(beforeRestore.records.size).toBe(5)

      // A normal restart keeps every cursor valid: nothing to pull again.
      server = await server.restart()
      const again = await new Device(server.url, phone.token).pullAll(500, beforeRestore)
      expect(again).toMatchObject({ reset: false, cursor: beforeRestore.cursor })
      expect(again.records.size).toBe(0)

      await restore(server.db, snap)
      server = await server.restart()
      // Another phone pushes more than the lost changes before this one comes back: numbers are reused.
      const other = await Device.login(server.url, k.username, k.password, 'phone-x')
      const fresh = Array.from({ length: 10 }, () => newHousehold(k.area, hlc(2, 'phone-x')))
      await other.push(fresh)
      const back = await new Device(server.url, phone.token).pullAll(500, beforeRestore)
      expect(back.reset).toBe(true)
      expect([...back.records.keys()].sort()).toEqual([...kept, ...fresh].map((c) => c.recordId).sort())
      // An app that sends no epoch is reset too when its cursor is past the sequence.
      const beyond = Object.entries(back.cursor).map(([desa, seq]: [string, number]) => [desa, seq + 1000])
      const old = await new Device(server.url, phone.token).pull(Object.fromEntries(beyond))
      expect(old.body).toMatchObject({ reset: true })
    },
    START_TIMEOUT_MS * 3,
  )
})
