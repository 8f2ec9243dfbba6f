// The engine when the server misbehaves (issue 11), on phones against the real server: a change the server keeps
// failing on is set aside as "perlu diperbaiki" while the rest go through; a server that fails on everything
// marks nothing; a phone whose cursor a restored server no longer knows pulls again from 0 and misses nothing.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../server/db'
import { getRejectedChanges, getSyncState } from '../../src/data/sync-state'
import type { SyncError } from '../../src/sync/errors'
import { addKader, START_TIMEOUT_MS, startTestServer, TARGETS, type TestServer } from '../server/harness'
import { Phone, syncSetup, T0 } from './phones'

/** A real database fault: the server cannot store a household named `name` (or any record, for '*'). */
async function poison(db: Database, name: string) {
  await db.exec(`
    CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF '${name}' = '*' OR NEW.data->>'headName' = '${name}' THEN RAISE EXCEPTION 'cannot store'; END IF;
      RETURN NEW;
    END $$;
    DROP TRIGGER IF EXISTS refuse_poison ON records;
    CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON records FOR EACH ROW EXECUTE FUNCTION refuse_poison();
  `)
}
const cure = (db: Database) => db.exec('DROP TRIGGER IF EXISTS refuse_poison ON records')

describe.each(TARGETS)('a batch the server keeps failing on, on $name', (target) => {
  const { server, phone } = syncSetup(target)

  it('sends the batch in halves, marks the change that fails alone "perlu diperbaiki", lets the rest through', async () => {
    const k = await addKader(server())
    const a = phone('a')
    await a.login(server().url, k)
    const names = ['Satu', 'Dua', 'Racun', 'Empat', 'Lima']
    const homes = []
    for (const [i, headName] of names.entries())
      homes.push(await a.addHousehold(k.area, T0 + i, { headName }))
    await poison(server().db, 'Racun')
    try {
      const run = await a.sync()
      expect(run).toMatchObject({ pushed: 4, rejected: 1 })
      const refused = await getRejectedChanges(a.db)
      expect(refused).toMatchObject([{ recordId: homes[2]?.id, reason: 'server-error', issues: [] }])
      expect(await getSyncState(a.db)).toMatchObject({ pending: 0, rejected: 1 })
      // The record stays on the phone; the others are on the server.
      expect(await a.db.households.get(homes[2]?.id ?? '')).toMatchObject({ headName: 'Racun' })
      const b = phone('b')
      await b.login(server().url, k)
      await b.sync()
      expect((await b.db.households.toArray()).map((h) => h.headName).sort()).toEqual(
        ['Dua', 'Empat', 'Lima', 'Satu'].sort(),
      )
    } finally {
      await cure(server().db)
    }
    // The kader's fix supersedes the refused change and goes through.
    expect((await a.editHousehold(homes[2]?.id ?? '', T0 + 60_000, { headName: 'Aman' })).ok).toBe(true)
    expect(await a.sync()).toMatchObject({ pushed: 1, rejected: 0 })
    expect(await getSyncState(a.db)).toMatchObject({ pending: 0, rejected: 0 })
  })

  it('marks nothing when the server fails on everything: the run fails and every change waits', async () => {
    const k = await addKader(server())
    const a = phone('a')
    await a.login(server().url, k)
    await a.addHousehold(k.area, T0)
    await a.addHousehold(k.area, T0 + 1)
    // An empty push still works on this fault (no record is written): fail it too, as a broken database would.
    // Every push locks its desa's sequence first: without that table the database fails on every push.
    await server().db.exec('ALTER TABLE desa_seqs RENAME TO desa_seqs_broken')
    try {
      await expect(a.sync()).rejects.toMatchObject({ reason: 'server' } satisfies Partial<SyncError>)
      expect(await getSyncState(a.db)).toMatchObject({ pending: 2, rejected: 0 })
    } finally {
      await server().db.exec('ALTER TABLE desa_seqs_broken RENAME TO desa_seqs')
    }
    expect(await a.sync()).toMatchObject({ pushed: 2, rejected: 0 })
  })
})

/** The sync tables as a backup holds them (tests/server/sequence.test.ts does the same). */
const SYNC_TABLES = [
  'records',
  'sync_state',
  'desa_seqs',
  'desa_epoch_ends',
  'sync_epochs',
  'applied_changes',
]
async function backup(db: Database): Promise<Record<string, unknown[]>> {
  const snap: Record<string, unknown[]> = {}
  for (const t of SYNC_TABLES) snap[t] = await db.query(`SELECT * FROM ${t}`)
  return snap
}
async function restore(db: Database, snap: Record<string, unknown[]>): Promise<void> {
  await db.transaction(async (tx) => {
    for (const t of SYNC_TABLES) {
      await tx.query(`DELETE FROM ${t}`)
      await tx.query(`INSERT INTO ${t} SELECT * FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`, [
        JSON.stringify(snap[t]),
      ])
    }
  })
}

describe.each(TARGETS)('a server restored from backup, on $name', (target) => {
  let dir: string
  let server: TestServer
  const phones: Phone[] = []
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kader-engine-restore-'))
    server = await startTestServer(target, {
      dataDir: join(dir, 'data'),
      limits: { perToken: { burst: 100_000, perMinute: 100_000 } },
    })
  }, START_TIMEOUT_MS)
  afterAll(async () => {
    for (const p of phones) await p.close()
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it(
    'makes a phone whose cursor the restored server never reached pull again from 0',
    async () => {
      const k = await addKader(server)
      const [a, b] = [new Phone('a'), new Phone('b')]
      phones.push(a, b)
      await a.login(server.url, k)
      await b.login(server.url, k)
      await a.addHousehold(k.area, T0, { headName: 'Sebelum cadangan' })
      await a.sync()
      const snap = await backup(server.db)
      await a.addHousehold(k.area, T0 + 1000, { headName: 'Hilang di server' })
      await a.sync()

      await restore(server.db, snap)
      server = await server.restart()
      // b pushes more than the server lost before a comes back: the sequence numbers a has seen are reused.
      for (let i = 0; i < 3; i++) await b.addHousehold(k.area, T0 + 2000 + i, { headName: `Baru ${i}` })
      await b.sync({ baseUrl: server.url })
      await a.sync({ baseUrl: server.url })
      const names = (await a.db.households.toArray()).map((h) => h.headName).sort()
      expect(names).toEqual(['Baru 0', 'Baru 1', 'Baru 2', 'Hilang di server', 'Sebelum cadangan'])
    },
    START_TIMEOUT_MS * 2,
  )
})

describe.each(TARGETS)('a deletion whose data the server has forgotten, on $name', (target) => {
  let server: TestServer
  let clock = Date.now()
  const phones: Phone[] = []
  beforeAll(async () => {
    server = await startTestServer(target, {
      now: () => clock,
      limits: { perToken: { burst: 100_000, perMinute: 100_000 } },
    })
  }, START_TIMEOUT_MS)
  afterAll(async () => {
    for (const p of phones) await p.close()
    await server?.close()
  })

  it('marks the copy a phone holds deleted, and stores nothing on a phone that has none', async () => {
    const k = await addKader(server)
    const [a, b, c] = [new Phone('a'), new Phone('b'), new Phone('c')]
    phones.push(a, b, c)
    await a.login(server.url, k)
    await b.login(server.url, k)
    const home = await a.addHousehold(k.area, T0)
    const siti = await a.addMember(home.id, T0 + 1000)
    await a.sync()
    await b.sync()
    await a.deleteMember(siti.id, T0 + 2000)
    await a.sync()
    // 91 days later only the deletion's tombstone is left; b, offline all that time, logs in again.
    clock += 91 * 86_400_000
    expect(await server.purge()).toMatchObject({ tombstones: 1 })
    await b.login(server.url, k)
    await b.sync()
    expect(await b.db.members.get(siti.id)).toMatchObject({ deleted: true, name: siti.name })
    await c.login(server.url, k)
    await c.sync()
    expect(await c.db.members.get(siti.id)).toBeUndefined()
    expect(await c.db.households.get(home.id)).toMatchObject({ headName: home.headName })
  })
})
