// The real reference server, in-process, for the server tests: on PGlite always, and on PostgreSQL too when
// TEST_DATABASE_URL is set (scripts/start-test-postgres.sh prints one). Each PostgreSQL server gets its own
// schema, dropped on close, so test files can share one database.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { Session } from '../../server/accounts'
import { type RunningServer, type ServerOptions, startServer } from '../../server/index'
import { areaOfWorkArea } from '../../server/scope'
import { type PushHook, push } from '../../server/sync/push'
import { formatHlc } from '../../src/protocol/hlc'
import type { HouseholdInput, MemberInput } from '../../src/protocol/records'
import type {
  Change,
  LoginResponse,
  PullCursors,
  PullResponse,
  PushResponse,
  RecordState,
  WorkAreaInfo,
} from '../../src/protocol/wire'
import { householdInput, memberInput } from '../records'

export interface Target {
  name: 'pglite' | 'postgres'
  databaseUrl?: string
}

const pgUrl = process.env.TEST_DATABASE_URL
export const TARGETS: Target[] = [
  { name: 'pglite' },
  ...(pgUrl ? [{ name: 'postgres' as const, databaseUrl: pgUrl }] : []),
]

/** PGlite takes ≈ 7 s to initialise a database on this kind of machine. */
export const START_TIMEOUT_MS = 60_000

export interface TestServer extends RunningServer {
  /** Every line the server logged. */
  logs: string[]
  /** Stops this server and starts another on the same database (PGlite: only with a dataDir). */
  restart(opts?: ServerOptions): Promise<TestServer>
}

export async function startTestServer(
  target: Target,
  opts: ServerOptions = {},
  pgSchema = target.databaseUrl ? `test_${randomUUID().replaceAll('-', '')}` : undefined,
): Promise<TestServer> {
  const logs: string[] = []
  const server = await startServer({
    dataDir: 'memory://',
    ...(target.databaseUrl ? { databaseUrl: target.databaseUrl, pgSchema } : {}),
    log: (line) => logs.push(line),
    ...opts,
    // Every test logs in from 127.0.0.1: the per-address login limit would count the whole file's logins as one
    // guesser's. The tests of that limit set it.
    limits: { perAddress: { burst: 100_000, perMinute: 100_000 }, ...opts.limits },
  })
  return {
    ...server,
    logs,
    async restart(more: ServerOptions = {}) {
      if (!target.databaseUrl && (opts.dataDir ?? 'memory://').startsWith('memory://'))
        throw new Error('restart: an in-memory PGlite loses its data; pass a dataDir')
      await server.close()
      return startTestServer(target, { ...opts, ...more }, pgSchema)
    },
    async close() {
      await server.close()
      if (target.databaseUrl && pgSchema) {
        const client = new pg.Client({ connectionString: target.databaseUrl })
        await client.connect()
        await client.query(`DROP SCHEMA ${pgSchema} CASCADE`)
        await client.end()
      }
    },
  }
}

/** A work area and a kader in it, unique per call so that tests sharing a server do not see each other. */
let areas = 0
export async function addKader(
  server: RunningServer,
  narrow: Partial<Pick<WorkAreaInfo, 'dusun' | 'rw' | 'rt' | 'desa'>> = {},
): Promise<{ area: WorkAreaInfo; username: string; password: string }> {
  areas += 1
  const id = `area-${areas}-${randomUUID().slice(0, 8)}`
  const area = await server.admin.addWorkArea({
    id,
    kabupaten: 'Cilacap',
    kecamatan: 'Dayeuhluhur',
    desa: narrow.desa ?? `Desa ${id}`,
    ...(narrow.dusun ? { dusun: narrow.dusun } : {}),
    ...(narrow.rw ? { rw: narrow.rw } : {}),
    ...(narrow.rt ? { rt: narrow.rt } : {}),
  })
  const username = `kader-${id}`
  const password = 'rahasia-123'
  await server.admin.addUser({ username, password, workAreaId: id })
  return { area, username, password }
}

/** A kader of a new area, logged in on a phone of her own. */
export async function loggedInKader(server: RunningServer, narrow?: Parameters<typeof addKader>[1]) {
  const k = await addKader(server, narrow)
  return { ...k, device: await Device.login(server.url, k.username, k.password) }
}

/** Rate limits no test of sync behaviour reaches. */
export const ROOMY_LIMITS = { perToken: { burst: 100_000, perMinute: 100_000 } }

/** A pull cursor: per desa (the app's), or one number (an app from before per-desa sequences). */
export type Cursor = PullCursors | number

export interface Reply<T> {
  status: number
  body: T
  headers: Headers
}

/** A device: its token and the requests the app's sync engine will make. */
export class Device {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  /** Logs in as the device `deviceId`: the node its stamps must carry (hlc(…, deviceId)). */
  static async login(
    url: string,
    username: string,
    password: string,
    deviceId = 'device-a',
  ): Promise<Device> {
    const res = await api<LoginResponse>(url, 'POST', '/login', { body: { username, password, deviceId } })
    if (res.status !== 200) throw new Error(`login failed: ${res.status}`)
    return new Device(url, res.body.token)
  }

  push(changes: unknown[], opts: { gzip?: boolean; workAreaId?: string } = {}): Promise<Reply<PushResponse>> {
    return api(this.url, 'POST', '/changes', {
      token: this.token,
      body: { changes, ...(opts.workAreaId ? { workAreaId: opts.workAreaId } : {}) },
      gzip: opts.gzip,
    })
  }

  /** A pull: `cursors` as the app sends them, or one number as an app from before per-desa cursors did. */
  pull(cursor: Cursor = {}, query: Record<string, string> = {}): Promise<Reply<PullResponse>> {
    const q = new URLSearchParams({
      ...(typeof cursor === 'number' ? { cursor: String(cursor) } : { cursors: JSON.stringify(cursor) }),
      ...query,
    })
    return api(this.url, 'GET', `/changes?${q}`, { token: this.token })
  }

  /**
   * Pulls every page from `from` (default: everything); returns the latest state of each record and the pages.
   * The cursor is of the kind `from` holds: per desa (the app's), or one number (an old app's).
   */
  async pullAll(
    limit = 500,
    from: { cursor: Cursor; epoch?: string | undefined } = { cursor: {} },
  ): Promise<{
    records: Map<string, RecordState>
    /** Households that left the areas (`left` of every page). */
    left: Set<string>
    pages: number[]
    cursor: Cursor
    epoch: string
    reset: boolean
  }> {
    const records = new Map<string, RecordState>()
    const left = new Set<string>()
    const pages: number[] = []
    let { cursor, epoch } = from
    let reset = false
    for (;;) {
      const res = await this.pull(cursor, { limit: String(limit), ...(epoch ? { epoch } : {}) })
      if (res.status !== 200) throw new Error(`pull failed: ${res.status}`)
      reset ||= res.body.reset === true
      for (const r of res.body.records) records.set(r.record.id, r)
      for (const id of res.body.left ?? []) left.add(id)
      pages.push(res.body.records.length)
      cursor = typeof cursor === 'number' ? (res.body.nextCursor ?? Number.NaN) : res.body.cursors
      epoch = res.body.epoch
      if (!res.body.hasMore) return { records, left, pages, cursor, epoch, reset }
    }
  }
}

/** Every record of the account's work area on the server, in its latest state: what a new device would pull. */
export async function serverRecords(
  url: string,
  account: { username: string; password: string },
): Promise<Map<string, RecordState>> {
  const device = await Device.login(url, account.username, account.password)
  return (await device.pullAll()).records
}

export async function api<T>(
  url: string,
  method: string,
  path: string,
  opts: {
    token?: string
    body?: unknown
    gzip?: boolean
    raw?: BodyInit
    headers?: Record<string, string>
  } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`
  let body: BodyInit | undefined = opts.raw
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    const json = JSON.stringify(opts.body)
    if (opts.gzip) {
      headers['Content-Encoding'] = 'gzip'
      body = await gzip(json)
    } else body = json
  }
  const res = await fetch(`${url}/api/v1${path}`, { method, headers, body })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers }
}

/** What the app does: CompressionStream('gzip'). */
export async function gzip(text: string | Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

export const BASE_MS = Date.parse('2025-06-15T03:00:00.000Z')
/** A stamp `offsetMs` after BASE_MS: in the past of the server's clock, as an offline phone's would be. */
export const hlc = (offsetMs: number, node = 'device-a', counter = 0): string =>
  formatHlc({ millis: BASE_MS + offsetMs, counter, node })

/** A change setting `values`, every field stamped with `stamp`. */
export function change(
  entity: Change['entity'],
  recordId: string,
  values: Record<string, unknown>,
  stamp: string,
  changeId: string = randomUUID(),
): Change {
  const fields: Change['fields'] = {}
  for (const [k, value] of Object.entries(values)) fields[k] = { value, hlc: stamp }
  return { changeId, entity, recordId, fields }
}

export const newHousehold = (area: WorkAreaInfo, stamp = hlc(0), overrides: Partial<HouseholdInput> = {}) =>
  change('households', randomUUID(), { ...householdInput(overrides, area) }, stamp)

export const newMember = (householdId: string, stamp = hlc(0), overrides: Partial<MemberInput> = {}) =>
  change('members', randomUUID(), { ...memberInput(householdId, overrides) }, stamp)

export function visitChange(
  memberId: string,
  householdId: string,
  workAreaId: string,
  stamp = hlc(5000),
): Change {
  return change(
    'visits',
    randomUUID(),
    {
      memberId,
      householdId,
      workAreaId,
      date: '2025-06-15',
      place: 'posyandu',
      parts: { balita: { weightKg: 12.1, lengthCm: 88.2, position: 'standing' } },
      kader: 'Siti',
    },
    stamp,
  )
}

export function followUpChange(visit: Change, stamp = hlc(9000)): Change {
  const v = visit.fields
  return change(
    'followUps',
    randomUUID(),
    {
      visitId: visit.recordId,
      memberId: v.memberId?.value,
      householdId: v.householdId?.value,
      workAreaId: v.workAreaId?.value,
      findingCode: 'balita.bgm',
      date: '2025-06-16',
      outcome: 'sudah_ke_pustu',
    },
    stamp,
  )
}

/**
 * A household moved from `from`'s desa to `to`'s by a session whose areas hold both (a supervisor's; no kader can):
 * push() called directly. `hook` runs once both desas' sequences are locked.
 */
export async function moveToDesa(
  server: RunningServer,
  householdId: string,
  from: WorkAreaInfo,
  to: WorkAreaInfo,
  stamp: string,
  hook?: PushHook,
) {
  const session: Session = {
    user: { id: 'supervisor', username: 'supervisor', name: 'Supervisor' },
    workArea: from,
    tokenId: randomUUID(),
    deviceId: 'device-a',
  }
  const moved = change(
    'households',
    householdId,
    { address: householdInput({}, to).address, workAreaId: to.id },
    stamp,
  )
  const [result] = await push(server.db, session, [moved], Date.now(), {
    areas: [areaOfWorkArea(from), areaOfWorkArea(to)],
    hook,
  })
  return result
}
