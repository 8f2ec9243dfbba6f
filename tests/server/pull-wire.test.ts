// A pull page's records are written as JSON text around the stored data's own text, parsed only when the data holds
// a null or a field named like the meta (server/sync/rows.ts wireOf): either way every record must come out exactly
// as rows.ts toState builds it from the same row — the meta from the stamps, the data's non-null fields over it, a
// purged record marked, the device's own visits left out — on PGlite and PostgreSQL. The rows are written straight
// into the table, so the odd cases need no push that makes them.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '../../server/accounts'
import { areaOfWorkArea, desaKey } from '../../server/scope'
import { type RecordRow, toState } from '../../server/sync/rows'
import {
  Device,
  hlc,
  loggedInKader,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
} from './harness'

describe.each(TARGETS)('pull page records written from the stored text, on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('sends each record as toState builds it from the stored row, and leaves out the visits this token pushed', async () => {
    const k = await loggedInKader(server)
    const desa = desaKey(areaOfWorkArea(k.area))
    const [token] = await server.db.query<{ id: string }>('SELECT id FROM tokens WHERE token_hash = $1', [
      hashToken(k.device.token),
    ])
    const household = randomUUID()
    const row = (entity: string, data: object, hlcs: Record<string, string>, more: object = {}) => ({
      entity,
      id: randomUUID(),
      household_id: household,
      data,
      hlcs,
      created_hlc: hlc(0, 'device-a', 0),
      version: 2,
      origin_token: null,
      purged_at: null,
      ...more,
    })
    const rows = [
      // Written as it is: text that JSON escapes, numbers as stored, nested objects and arrays.
      row(
        'households',
        {
          headName: 'Ibu "Siti"\nRahayu — ñ 😀 \\ "id": x',
          address: { desa: 'Bolang', rt: '003' },
          sizes: [1, 2.5e-7, 1e21],
          weight: 12.75,
        },
        { headName: hlc(0, 'device-a', 2), weight: hlc(25 * 3_600_000, 'device-b', 1) },
      ),
      // Nulls at the top are left out, nested ones kept.
      row(
        'households',
        {
          headName: 'Ibu Rahayu',
          phone: null,
          address: { desa: 'Bolang', dusun: null, rt: '003' },
          members: [1, 2.5, null],
        },
        // The latest stamp differs from another only in its node: text order by code unit ('-' < 'A').
        {
          headName: hlc(0, 'device-a', 3),
          phone: hlc(0, 'deviceA', 3),
          address: hlc(0, 'device-b', 1),
        },
        { id: household },
      ),
      // A field of the data named like the meta wins over it; no stamps at all: the creating stamp is the latest.
      row('members', { householdId: household, deleted: true, version: 7 }, {}, { version: 0 }),
      // A field named like the meta, deeper down: built, the same.
      row('members', { householdId: household, notes: { id: 'n-1' } }, { notes: hlc(0, 'device-a', 4) }),
      // Purged: a tombstone, and (never stored so, but the mark is written on either path) one with no data.
      row('members', {}, {}, { purged_at: new Date('2025-05-01T00:00:00.000Z') }),
      row(
        'members',
        { deleted: true },
        { deleted: hlc(-100 * 86_400_000, 'device-c') },
        {
          purged_at: new Date('2025-05-01T00:00:00.000Z'),
        },
      ),
      // A visit another token pushed comes; one this token pushed does not.
      row(
        'visits',
        { memberId: 'm-1', date: '2025-06-14' },
        { date: hlc(0, 'device-b', 5) },
        {
          origin_token: randomUUID(),
          version: 1,
        },
      ),
      row(
        'visits',
        { memberId: 'm-1', date: '2025-06-13' },
        { date: hlc(0, 'device-a', 6) },
        {
          origin_token: token?.id,
          version: 1,
        },
      ),
    ]
    const [seq] = await server.db.query<{ last_seq: string }>(
      'SELECT COALESCE((SELECT last_seq FROM desa_seqs WHERE desa_key = $1), 0) AS last_seq',
      [desa],
    )
    await server.db.query(
      `INSERT INTO records (desa_key, entity, id, seq, household_id, data, hlcs, created_hlc, version, origin_token,
         purged_at)
       SELECT $1, x.entity, x.id, $2::bigint + x.n, x.household_id, x.data, x.hlcs, x.created_hlc, x.version,
         x.origin_token, x.purged_at
       FROM jsonb_to_recordset($3::jsonb) AS x(entity text, id text, household_id text, data jsonb,
         hlcs jsonb, created_hlc text, version int, origin_token text, purged_at timestamptz, n int)`,
      [desa, Number(seq?.last_seq ?? 0), JSON.stringify(rows.map((r, i) => ({ ...r, n: i + 1 })))],
    )
    await server.db.query(
      `INSERT INTO desa_seqs (desa_key, last_seq) VALUES ($1, $2)
       ON CONFLICT (desa_key) DO UPDATE SET last_seq = EXCLUDED.last_seq`,
      [desa, Number(seq?.last_seq ?? 0) + rows.length],
    )
    const stored = await server.db.query<RecordRow>(
      'SELECT * FROM records WHERE desa_key = $1 ORDER BY seq',
      [desa],
    )
    const expected = stored.filter((r) => r.origin_token !== token?.id).map(toState)
    expect(expected).toHaveLength(7)
    for (const cursor of [{}, 0] as const) {
      const page = await k.device.pull(cursor)
      expect(page.status).toBe(200)
      expect(page.body.records).toEqual(expected)
      expect(page.body.hasMore).toBe(false)
    }
    // Another device of the account gets the visit its sibling pushed: the token decides, not the account.
    const sibling = await Device.login(server.url, k.username, k.password, 'device-z')
    expect((await sibling.pull({})).body.records).toEqual(stored.map(toState))
  })
})
