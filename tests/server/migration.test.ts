// Migration 007 (issue 16): a database of the single-lock server, with one global change sequence, becomes one of
// per-desa sequences. An old phone's single cursor is answered correctly and skips nothing; a restore from before
// the migration is still noticed; a change applied before it is still applied once — on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { areaOfAddress } from '../../server/scope'
import type { WorkAreaInfo } from '../../src/protocol/wire'
import { householdInput, memberInput } from '../records'
import {
  addKader,
  change,
  Device,
  hlc,
  newHousehold,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type Target,
  type TestServer,
} from './harness'

const MIGRATIONS = new URL('../../server/migrations/', import.meta.url)
const BEFORE = '007'

interface RawDb {
  exec(sql: string): Promise<void>
  query(sql: string, params: unknown[]): Promise<void>
  close(): Promise<void>
}

/** The database as the single-lock server left it: migrations before 007, applied by hand. */
async function openOld(target: Target, dataDir: string, schema: string): Promise<RawDb> {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl })
    await client.connect()
    await client.query(`CREATE SCHEMA ${schema}`)
    await client.query(`SET search_path TO ${schema}`)
    return {
      exec: async (sql) => void (await client.query(sql)),
      query: async (sql, params) => void (await client.query(sql, params)),
      close: () => client.end(),
    }
  }
  const lite = new PGlite(dataDir)
  await lite.waitReady
  return {
    exec: async (sql) => void (await lite.exec(sql)),
    query: async (sql, params) => void (await lite.query(sql, params)),
    close: () => lite.close(),
  }
}

const AREA = (desa: string): WorkAreaInfo => ({
  id: 'old',
  kabupaten: 'Cilacap',
  kecamatan: 'Dayeuhluhur',
  desa,
})

describe.each(TARGETS)('migration to per-desa sequences, on $name', (target) => {
  let dir: string
  let server: TestServer
  const [desaA, desaB] = [`Lama A ${randomUUID().slice(0, 6)}`, `Lama B ${randomUUID().slice(0, 6)}`]
  /** Global sequence number → record id, as the old server numbered them; households of A and B interleaved. */
  const seqOf = new Map<number, { id: string; desa: string }>()
  const [epoch0, epoch1] = [randomUUID(), randomUUID()]
  const appliedChange = randomUUID()

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kader-migrate-'))
    const schema = `test_${randomUUID().replaceAll('-', '')}`
    const old = await openOld(target, join(dir, 'data'), schema)
    await old.exec(
      'CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz DEFAULT now())',
    )
    for (const file of (await readdir(MIGRATIONS)).filter((f) => f < BEFORE).sort()) {
      await old.exec(await readFile(new URL(file, MIGRATIONS), 'utf8'))
      await old.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file])
    }
    // Epoch 0 began at 0 and ended at 4 (a restart opened epoch 1 there); 10 records in all.
    await old.query(
      `INSERT INTO sync_epochs (id, started_seq, started_at) VALUES ($1, 0, now() - interval '2 days')`,
      [epoch0],
    )
    await old.query(
      `INSERT INTO sync_epochs (id, started_seq, started_at) VALUES ($1, 4, now() - interval '1 day')`,
      [epoch1],
    )
    let seq = 0
    for (let i = 0; i < 5; i++)
      for (const desa of [desaA, desaB]) {
        seq += 1
        const id = randomUUID()
        const input = householdInput({}, AREA(desa))
        const place = areaOfAddress(input.address)
        const stamp = hlc(seq)
        await old.query(
          `INSERT INTO records (entity, id, seq, household_id, kabupaten, kecamatan, desa, dusun, rw, rt, data, hlcs,
             created_hlc, version)
           VALUES ('households', $1, $2, $1, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, 1)`,
          [
            id,
            seq,
            place.kabupaten,
            place.kecamatan,
            place.desa,
            place.dusun,
            place.rw,
            place.rt,
            JSON.stringify(input),
            JSON.stringify(Object.fromEntries(Object.keys(input).map((k) => [k, stamp]))),
            stamp,
          ],
        )
        seqOf.set(seq, { id, desa })
      }
    // A member of A's first household, numbered last (seq 11); its change id was applied.
    const home = seqOf.get(1)?.id ?? ''
    const member = memberInput(home)
    await old.query(
      `INSERT INTO records (entity, id, seq, household_id, data, hlcs, created_hlc, version)
       VALUES ('members', $1, 11, $2, $3::jsonb, $4::jsonb, $5, 1)`,
      [
        appliedChange,
        home,
        JSON.stringify(member),
        JSON.stringify(Object.fromEntries(Object.keys(member).map((k) => [k, hlc(11)]))),
        hlc(11),
      ],
    )
    seqOf.set(11, { id: appliedChange, desa: desaA })
    await old.query(`INSERT INTO applied_changes (change_id, entity, record_id) VALUES ($1, 'members', $1)`, [
      appliedChange,
    ])
    await old.query('UPDATE sync_state SET last_seq = 11 WHERE id = 1', [])
    await old.close()
    server = await startTestServer(target, { dataDir: join(dir, 'data'), limits: ROOMY_LIMITS }, schema)
  }, START_TIMEOUT_MS)
  afterAll(async () => {
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  const idsAfter = (cursor: number, desa: string) =>
    [...seqOf].filter(([s, r]) => s > cursor && r.desa === desa).map(([, r]) => r.id)

  it("answers an old phone's single cursor in its own desa, in order, and never skips a record", async () => {
    const k = await addKader(server, { desa: desaA })
    const phone = await Device.login(server.url, k.username, k.password)
    // The old phone had pulled up to 5 in epoch 1: A's records after it are 7, 9 and the member 11.
    const page = await phone.pull(5, { epoch: epoch1, limit: '2' })
    expect(page.body).toMatchObject({ hasMore: true, nextCursor: 9 })
    expect(page.body.reset).toBeUndefined()
    const rest = await phone.pullAll(500, {
      cursor: page.body.nextCursor ?? Number.NaN,
      epoch: page.body.epoch,
    })
    expect([...page.body.records, ...rest.records.values()].map((r) => r.record.id)).toEqual(
      idsAfter(5, desaA),
    )
    // A change pushed after the migration comes next, on the same numbers.
    const h = newHousehold(k.area, hlc(100))
    await phone.push([h])
    const next = await phone.pullAll(500, { cursor: rest.cursor, epoch: rest.epoch })
    expect([...next.records.keys()]).toEqual([h.recordId])
    expect(next.cursor).toBeGreaterThan(11)
    // An updated app holding that old number is answered with its desa's cursors, and goes on from there.
    const updated = await phone.pull(5, { epoch: epoch1 })
    const after = await phone.pullAll(500, { cursor: updated.body.cursors, epoch: updated.body.epoch })
    expect(after.records.size).toBe(0)
    expect(Object.values(updated.body.cursors)).toEqual([next.cursor])
  })

  it('still notices a cursor beyond where its epoch ended (a restore), and applies an old change id once', async () => {
    const k = await addKader(server, { desa: desaA })
    const phone = await Device.login(server.url, k.username, k.password, 'device-a')
    // Epoch 0 ended at 4: a cursor of 6 in it was handed out by a database since restored.
    const beyond = await phone.pull(6, { epoch: epoch0 })
    expect(beyond.body.reset).toBe(true)
    // Everything of the desa again, from its oldest record (the first test pushed one more after them).
    expect(beyond.body.records.map((r) => r.record.id).slice(0, 6)).toEqual(idsAfter(0, desaA))
    expect((await phone.pull(3, { epoch: epoch0 })).body.reset).toBeUndefined()
    // The member's change id, applied before the migration, is answered with the member as it is.
    const again = change('members', appliedChange, { name: 'Diubah' }, hlc(200), appliedChange)
    expect((await phone.push([again])).body.results[0]).toMatchObject({
      status: 'accepted',
      record: { name: 'Siti Aminah' },
    })
  })
})
