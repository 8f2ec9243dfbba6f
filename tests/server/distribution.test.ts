// Citus-ready SQL (issue 16; docs/scaling.md, "Statements and shards"): every statement the server runs on a
// distributed table — records, desa_seqs, desa_epoch_ends, applied_changes, departures — names the distribution column
// desa_key, so that Citus routes it to one desa's shard; the few multi-shard statements are the documented ones.
// Recorded while the server syncs (pushes, edits, visits, a move within a desa and one to another, pulls), serves
// a supervisor and purges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sql } from '../../server/db'
import { setRole } from '../../server/roles'
import { householdInput } from '../records'
import {
  addKader,
  api,
  change,
  Device,
  followUpChange,
  hlc,
  moveToDesa,
  newHousehold,
  newMember,
  ROOMY_LIMITS,
  START_TIMEOUT_MS,
  startTestServer,
  TARGETS,
  type TestServer,
  visitChange,
} from './harness'

const DISTRIBUTED =
  /\b(FROM|JOIN|INTO|UPDATE)\s+(records|desa_seqs|desa_epoch_ends|applied_changes|departures)\b/i
/** The multi-shard statements docs/scaling.md lists, by a fragment of each. */
const MULTI_SHARD = [
  // push: a change about to be refused, whose record (or parent) may lie in another desa (forbidden, not invalid)
  'SELECT 1 FROM records WHERE entity = $1 AND id = $2 LIMIT 1',
  // retention purge, daily
  'DELETE FROM applied_changes WHERE applied_at <',
  `UPDATE records SET data = '{"deleted": true}'::jsonb`,
]

describe.each(TARGETS)('statements on distributed tables, on $name', (target) => {
  let server: TestServer
  const statements = new Set<string>()
  beforeAll(async () => {
    server = await startTestServer(target, { limits: ROOMY_LIMITS })
    const record = (sql: Sql): Sql => ({
      query: (text, params) => {
        statements.add(text.replace(/\s+/g, ' ').trim())
        return sql.query(text, params)
      },
      exec: (text) => sql.exec(text),
    })
    const { db } = server
    const [query, transaction] = [db.query.bind(db), db.transaction.bind(db)]
    Object.assign(db, {
      query: record({ query, exec: db.exec.bind(db) }).query,
      transaction: <T>(fn: (tx: Sql) => Promise<T>) => transaction((tx) => fn(record(tx))),
    })
  }, START_TIMEOUT_MS)
  afterAll(() => server?.close())

  it('name desa_key in every statement on a distributed table, but for the documented multi-shard ones', async () => {
    const a = await addKader(server)
    const b = await addKader(server)
    const phone = await Device.login(server.url, a.username, a.password)
    const h = newHousehold(a.area)
    const m = newMember(h.recordId)
    const v = visitChange(m.recordId, h.recordId, a.area.id)
    await phone.push([h, m, v, followUpChange(v)])
    await phone.push([h]) // answered from the applied change ids
    const address = householdInput({}, a.area).address
    await phone.push([change('households', h.recordId, { address: { ...address, rt: '009' } }, hlc(10_000))])
    await phone.pullAll(2)
    // Everything so far was accepted: not one statement read another desa.
    const unrouted = (texts: Iterable<string>) =>
      [...texts].filter((s) => DISTRIBUTED.test(s) && !/\bdesa_key\b/.test(s))
    expect(unrouted(statements)).toEqual([])
    // B's kader names A's household: refused as out of her area, after one look in every desa.
    const other = await Device.login(server.url, b.username, b.password, 'device-b')
    const refused = await other.push([newMember(h.recordId, hlc(0, 'device-b'))])
    expect(refused.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' })
    expect(unrouted(statements)).toEqual([MULTI_SHARD[0]])
    await moveToDesa(server, h.recordId, a.area, b.area, hlc(20_000))
    // A supervisor of desa B reads it in the wilayah binaan.
    await setRole(server.db, b.username, 'bidan')
    const bidan = await Device.login(server.url, b.username, b.password, 'device-b')
    expect((await api(server.url, 'GET', '/binaan', { token: bidan.token })).status).toBe(200)
    await server.purge()

    const onDistributed = [...statements].filter((s) => DISTRIBUTED.test(s))
    expect(onDistributed.length).toBeGreaterThan(10)
    expect(
      onDistributed.filter(
        (s) => !/\bdesa_key\b/.test(s) && !MULTI_SHARD.some((fragment) => s.includes(fragment)),
      ),
    ).toEqual([])
  })
})
