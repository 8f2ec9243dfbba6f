// No pull skips a record (issue 16 item 2): several server processes on one PostgreSQL take pushes to overlapping
// and separate desas at once — new households and members, edits, visits, households moving into an RT — while
// every kader's phone pulls in small pages from any process. Afterwards each phone holds exactly the server's
// records of its area, each in its latest state. On PGlite the same runs against its one process.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { areaOfWorkArea } from '../../server/scope'
import type { Change, RecordState, WorkAreaInfo } from '../../src/protocol/wire'
import { householdInput } from '../records'
import {
  addKader,
  type Cursor,
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

const ROOMY = { burst: 1_000_000, perMinute: 1_000_000 }
/** Server processes besides the test's own, on PostgreSQL. */
const MORE_PROCESSES = 2
/** Each push holds its transaction open up to this long, so that pushes in one desa overlap and commit out of turn. */
const JITTER_MS = 15
const jitter = () => sleep(Math.random() * JITTER_MS)

async function spawnServer(
  databaseUrl: string,
  schema: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('server-process.ts', import.meta.url).pathname],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PG_SCHEMA: schema,
        PUSH_JITTER_MS: String(JITTER_MS),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const url = await new Promise<string>((ok, fail) => {
    lines.once('line', ok)
    child.once('exit', (code) => fail(new Error(`server process exited (${code})`)))
  })
  return { url, child }
}

const OPS = ['household', 'member', 'edit', 'visit', 'move'] as const
type Op = (typeof OPS)[number]

/** A kader's pushing device and its own phone that only pulls, with what the pusher has made so far. */
interface Kader {
  area: WorkAreaInfo
  pusher: Device
  node: string
  households: string[]
  /** Households in RT 003, which a whole-desa kader may move into RT 001. */
  movable: string[]
  members: { id: string; householdId: string }[]
  stamp: number
  phone: Device
  cursor: Cursor
  epoch?: string
  held: Map<string, RecordState>
}

function changeFor(k: Kader, op: Op, pick: number): Change {
  k.stamp += 1
  const stamp = hlc(k.stamp, k.node)
  const at = <T>(list: T[]) => list[pick % list.length]
  const home = at(k.households)
  const member = at(k.members)
  if (op === 'member' && home) {
    const m = newMember(home, stamp)
    k.members.push({ id: m.recordId, householdId: home })
    return m
  }
  if (op === 'edit' && home) return change('households', home, { headName: `Kepala ${k.stamp}` }, stamp)
  if (op === 'visit' && member) return visitChange(member.id, member.householdId, k.area.id, stamp)
  const moving = at(k.movable)
  if (op === 'move' && moving) {
    k.movable.splice(k.movable.indexOf(moving), 1)
    const address = { ...householdInput({}, k.area).address, rt: '001' }
    return change('households', moving, { address }, stamp)
  }
  // A new household: in RT 003 for a whole-desa kader (it may move later), in the RT kader's own RT otherwise.
  const h = newHousehold(k.area, stamp)
  k.households.push(h.recordId)
  if (k.area.rt === undefined) k.movable.push(h.recordId)
  return h
}

describe.each(TARGETS)(
  'pushes to many desas through several processes while phones pull, on $name',
  (target) => {
    let server: TestServer
    const children: ChildProcess[] = []
    const urls: string[] = []
    beforeAll(async () => {
      const schema = target.databaseUrl ? `test_${randomUUID().replaceAll('-', '')}` : undefined
      server = await startTestServer(target, { limits: { perToken: ROOMY }, insidePush: jitter }, schema)
      urls.push(server.url)
      if (target.databaseUrl && schema)
        for (let i = 0; i < MORE_PROCESSES; i++) {
          const { url, child } = await spawnServer(target.databaseUrl, schema)
          children.push(child)
          urls.push(url)
        }
    }, START_TIMEOUT_MS * 2)
    afterAll(async () => {
      for (const child of children) child.kill('SIGTERM')
      await server?.close()
    })

    /** What a new phone of the kader would get: the server's records of its area, read from the database. */
    async function truth(area: WorkAreaInfo): Promise<Map<string, string>> {
      const a = areaOfWorkArea(area)
      const rows = await server.db.query<{ id: string; hlcs: Record<string, string> }>(
        `SELECT r.id, r.hlcs FROM records r JOIN records h ON h.entity = 'households' AND h.id = r.household_id
       WHERE h.kabupaten = $1 AND h.kecamatan = $2 AND h.desa = $3 AND ($4::text IS NULL OR h.rt = $4)`,
        [a.kabupaten, a.kecamatan, a.desa, a.rt ?? null],
      )
      return new Map(rows.map((r) => [r.id, JSON.stringify(r.hlcs)]))
    }

    async function pullPage(k: Kader, url: string, limit: number): Promise<boolean> {
      const res = await new Device(url, k.phone.token).pull(k.cursor, {
        limit: String(limit),
        ...(k.epoch ? { epoch: k.epoch } : {}),
      })
      if (res.status !== 200) throw new Error(`pull failed: ${res.status}`)
      for (const r of res.body.records) k.held.set(r.record.id, r)
      k.cursor = res.body.cursors
      k.epoch = res.body.epoch
      return res.body.hasMore
    }

    it('ends with every phone holding exactly its area’s records', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 3 }),
          fc.array(
            fc.tuple(
              fc.nat(),
              fc.array(fc.tuple(fc.constantFrom(...OPS), fc.nat()), { minLength: 1, maxLength: 12 }),
            ),
            { minLength: 12, maxLength: 30 },
          ),
          fc.integer({ min: 1, max: 8 }),
          async (desaCount, batches, pageSize) => {
            // Per desa two whole-desa kaders and an RT 001 kader: their areas overlap.
            const kaders: Kader[] = []
            for (let d = 0; d < desaCount; d++) {
              const desa = `Desa Uji ${randomUUID().slice(0, 8)}`
              const rt1 = { desa, dusun: 'Karanganyar', rw: '002', rt: '001' }
              for (const narrow of [{ desa }, { desa }, rt1]) {
                const acc = await addKader(server, narrow)
                const node = `node-${kaders.length}`
                kaders.push({
                  area: acc.area,
                  pusher: await Device.login(server.url, acc.username, acc.password, node),
                  node,
                  households: [],
                  movable: [],
                  members: [],
                  stamp: 0,
                  phone: await Device.login(server.url, acc.username, acc.password, `${node}-phone`),
                  cursor: {},
                  held: new Map(),
                })
              }
            }
            // Each kader's batches in order (a member after its household), kaders at once, spread over processes.
            let sent = 0
            const pushes = Promise.all(
              kaders.map(async (k, i) => {
                for (const [who, ops] of batches) {
                  if (who % kaders.length !== i) continue
                  const changes = ops
                    .filter(([op]) => op !== 'move' || k.area.rt === undefined)
                    .map(([op, pick]) => changeFor(k, op, pick))
                  const url = urls[sent++ % urls.length] ?? server.url
                  const res = await new Device(url, k.pusher.token).push(changes)
                  expect(res.body.results.map((r) => r.status)).toEqual(changes.map(() => 'accepted'))
                }
              }),
            )
            let done = false
            void pushes.finally(() => {
              done = true
            })
            // Phones pull in small pages, from any process, while the pushes go on; then to the end.
            let turn = 0
            const pulling = Promise.all(
              kaders.map(async (k) => {
                while (!done) await pullPage(k, urls[turn++ % urls.length] ?? server.url, pageSize)
              }),
            )
            await pushes
            await pulling
            for (const k of kaders)
              while (await pullPage(k, urls[turn++ % urls.length] ?? server.url, pageSize));
            for (const k of kaders) {
              const held = new Map([...k.held].map(([id, r]) => [id, JSON.stringify(r.hlcs)]))
              expect(held).toEqual(await truth(k.area))
            }
          },
        ),
        { numRuns: 3, endOnFailure: true },
      )
    }, 300_000) // three runs of several server processes and phones: minutes on a loaded 2-core machine
  },
)
