// The HTTP API of docs/sync-protocol.md and, when there is a built app, its static files with an SPA fallback.
// Logs one line per request — method, path, status, duration, user id — and never a body, a query string, a
// token or a record value: those carry health data.
import { existsSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { getConnInfo } from '@hono/node-server/conninfo'
import { type Context, Hono } from 'hono'
import { compress } from 'hono/compress'
import {
  API_PREFIX,
  DESA_KEY_RE,
  type DeviceResponse,
  type ErrorResponse,
  type LoginResponse,
  loginRequest,
  MAX_BODY_BYTES,
  MAX_CURSOR_DESAS,
  PAGE_SIZE,
  PULL_PAGE_SIZE,
  type PullCursors,
  type PushResponse,
  pushRequest,
} from '../src/protocol/wire'
import { authenticate, login, type Session } from './accounts'
import { type Database, POOL_SIZE } from './db'
import { ApiError, BUSY, compressJson, Gate, type GateState, GONE, jsonAnswer, readJsonBody } from './http'
import { type RateLimit, rateLimiter } from './limits'
import { desasOf, sessionAreas } from './scope'
import { DEFAULT_TILE_ORIGINS, serveBuiltApp } from './static'
import { type BinaanOptions, binaanService, DEFAULT_UTC_OFFSET_HOURS } from './supervisor/binaan'
import { binaanRoutes } from './supervisor/routes'
import { targetRoutes } from './supervisor/targets-routes'
import { jsonOfPull, pull } from './sync/pull'
import { type PushHook, push } from './sync/push'

export interface AppLimits {
  /** Per device token, on every authenticated request. */
  perToken: RateLimit
  /**
   * Per username and client address, on login: slows guessing one account's password, while someone else's wrong
   * guesses from another address never lock the kader out.
   */
  perLogin: RateLimit
  /** Per client address, on login, whatever the username: slows guessing across many accounts. */
  perAddress: RateLimit
  /** Password hashes at once, and how many logins may wait for one (more are refused: 429 login-busy). */
  hashing: { concurrent: number; waiting: number }
  /** Sync requests (pull and push) at once per process, and how many may wait their turn (more: 503 busy). */
  sync: { concurrent: number; waiting: number }
  maxBodyBytes: number
  /** A login body: a username, a password and a device id need far less than a push. */
  maxLoginBytes: number
}

// The rate limits live in the database, shared by every API process (limits.ts); the hash gate is each process's own
// CPU (docs/sync-protocol.md, "Limits"; docs/scaling.md).
export const DEFAULT_LIMITS: AppLimits = {
  // A first sync of a desa is ≈ 20 pull pages plus a few pushes: a burst of 60 lets it run without waiting, and 2
  // requests a second afterwards stops a client stuck in a retry loop from hogging a puskesmas server.
  perToken: { burst: 60, perMinute: 120 },
  // Ten tries, then one a minute: a kader who forgot the password is barely slowed, a guesser is.
  perLogin: { burst: 10, perMinute: 1 },
  // Thirty, then ten a minute: a training day's kaders behind one address all log in; a sweep of usernames crawls.
  perAddress: { burst: 30, perMinute: 10 },
  // One hash at a time (≈ 12 logins a second; a kader logs in once per phone), eight waiting, the rest answered
  // at once. A 120-record push during 48 simultaneous wrong logins took 10.7 s with no cap, 1.1 s with two at a
  // time and 0.35 s with one (0.14 s with no logins; 2 loaded cores): scrypt's CPU is what the pushes wait for.
  hashing: { concurrent: 1, waiting: 8 },
  // A push holds a pool connection for its whole transaction: more at once than connections would only wait for one
  // while holding parsed bodies; two are left for logins and auth. A line of 256 drains in ≈ 6 s (≈ 25 ms a request).
  sync: { concurrent: POOL_SIZE - 2, waiting: 256 },
  maxBodyBytes: MAX_BODY_BYTES,
  maxLoginBytes: 4 * 1024,
}

export interface AppOptions {
  db: Database
  /** The built app (dist/); without it only the API is served. */
  staticDir?: string
  /** Map tile servers the app may load tiles from (its Content-Security-Policy); default OpenStreetMap's. */
  tileOrigins?: readonly string[]
  limits?: Partial<AppLimits>
  log?: (line: string) => void
  /** The server's clock; tests may pass their own. */
  now?: () => number
  /**
   * Behind a reverse proxy that sets X-Forwarded-For to the client's address (scripts/cluster.sh's nginx): login
   * limits count that address; without it every phone would share the proxy's.
   */
  trustProxy?: boolean
  /** Tests only: runs inside each push's transaction once its desas' sequences are locked. */
  insidePush?: PushHook
  /** The wilayah binaan's clinical settings and the zone of its "today" (supervisor/options.ts). */
  binaan?: BinaanOptions
  /** Tests only: `admitted` runs when a sync request's turn comes, `watch` on every change of the sync line. */
  admission?: { admitted?: (session: Session) => Promise<void>; watch?: (state: GateState) => void }
}

export type Env = { Variables: { session?: Session } }

/** A full sync line drains in a few seconds; the app adds its own jitter to this (src/sync/run.ts). */
const BUSY_RETRY_S = 5

export function createApp(opts: AppOptions) {
  const { db } = opts
  const limits = { ...DEFAULT_LIMITS, ...opts.limits }
  const log = opts.log ?? ((line: string) => console.log(line))
  const now = opts.now ?? Date.now
  const loginLimiter = rateLimiter(db, 'login', limits.perLogin)
  const addressLimiter = rateLimiter(db, 'address', limits.perAddress)
  const hashing = new Gate(limits.hashing)
  const syncing = new Gate(limits.sync, opts.admission?.watch)
  const serverTime = () => new Date(now()).toISOString()
  const app = new Hono<Env>()

  app.use(async (c, next) => {
    const start = performance.now()
    await next()
    // Set on the answer's own headers: c.header() would rebuild a finished answer as a stream each time.
    const headers = c.res.headers
    headers.set('X-Server-Time', serverTime())
    // Every answer, the API's and the app's: no content sniffing, no referrer to tile servers or elsewhere.
    headers.set('X-Content-Type-Options', 'nosniff')
    headers.set('Referrer-Policy', 'no-referrer')
    log(
      JSON.stringify({
        time: serverTime(),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - start),
        user: c.get('session')?.user.id ?? null,
      }),
    )
  })
  app.use(compress())

  app.onError((error, c) => {
    const e =
      error instanceof ApiError ? error : new ApiError(500, 'internal', 'The server failed; try again later.')
    // The error's class and message only: a stack or a database error can quote the values of a record.
    if (e.status === 500) log(JSON.stringify({ error: error.name, path: c.req.path }))
    if (e.retryAfterS !== undefined) c.header('Retry-After', String(e.retryAfterS))
    const body: ErrorResponse = {
      error: {
        reason: e.reason,
        message: e.message,
        ...(e.detail === undefined ? {} : { detail: e.detail }),
      },
      serverTime: serverTime(),
    }
    c.header('Cache-Control', 'no-store')
    return c.json(body, e.status)
  })

  const api = new Hono<Env>()
  api.use(async (c, next) => {
    // Records are personal health data: no cache on the way may keep them.
    c.header('Cache-Control', 'no-store')
    if (c.req.path === `${API_PREFIX}/login`) return next()
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(c.req.header('Authorization') ?? '')
    if (!match?.[1]) throw new ApiError(401, 'unauthorized', 'Log in first.', 'missing-token')
    const auth = await authenticate(db, match[1], now(), limits.perToken)
    if (!auth)
      throw new ApiError(401, 'unauthorized', 'The token is unknown, revoked or expired.', 'invalid-token')
    c.set('session', auth.session)
    if (auth.waitS > 0) throw new ApiError(429, 'rate-limited', 'Too many requests.', undefined, auth.waitS)
    return next()
  })
  // A sync request waits for its turn before its body is read, and is compressed inside it: in a burst the others
  // hold no parsed body, page or pool connection meanwhile (docs/scaling.md, "Admission"). Logins never wait here.
  api.use('/changes', async (c, next) => {
    const session = sessionOf(c)
    const done = await syncing.run(async () => {
      await opts.admission?.admitted?.(session)
      await next()
    }, c.req.raw.signal)
    if (done === BUSY)
      throw new ApiError(503, 'busy', 'The server has too many syncs waiting.', undefined, BUSY_RETRY_S)
    if (done === GONE) throw new ApiError(503, 'busy', 'The client left before its turn.', 'client-gone')
  })
  api.use(compressJson)

  api.post('/login', async (c) => {
    const parsed = loginRequest.safeParse(await readJsonBody(c.req.raw, limits.maxLoginBytes, incomingOf(c)))
    if (!parsed.success) throw new ApiError(400, 'bad-request', 'Send a username, a password and a deviceId.')
    const { username, password, deviceId } = parsed.data
    const address = clientAddress(c, opts.trustProxy === true)
    for (const wait of [
      await addressLimiter.take(address, now()),
      await loginLimiter.take(`${username.trim().toLowerCase()}\n${address}`, now()),
    ])
      if (wait > 0) throw new ApiError(429, 'rate-limited', 'Too many login attempts.', undefined, wait)
    const account = await hashing.run(() => login(db, username, password, deviceId, now()))
    if (account === BUSY)
      throw new ApiError(429, 'rate-limited', 'The server is busy with other logins.', 'login-busy', 1)
    if (!account) throw new ApiError(401, 'unauthorized', 'Wrong username or password.', 'bad-credentials')
    const body: LoginResponse = { ...account, serverTime: serverTime() }
    return c.json(body)
  })

  api.get('/me', (c) => {
    const { user, workArea } = sessionOf(c)
    return c.json({ user, workArea, serverTime: serverTime() })
  })

  // Whether this device must wipe itself (CLI `device wipe`): asked at the end of every sync run.
  api.get('/device', async (c) => {
    const { deviceId } = sessionOf(c)
    const rows = deviceId ? await db.query('SELECT 1 FROM device_wipes WHERE device_id = $1', [deviceId]) : []
    return c.json({ wipe: rows.length > 0, serverTime: serverTime() } satisfies DeviceResponse)
  })

  api.post('/logout', async (c) => {
    await db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [sessionOf(c).tokenId])
    return c.json({ serverTime: serverTime() })
  })

  api.post('/changes', async (c) => {
    const session = sessionOf(c)
    const parsed = pushRequest.safeParse(await readJsonBody(c.req.raw, limits.maxBodyBytes, incomingOf(c)))
    if (!parsed.success) throw new ApiError(400, 'bad-request', 'Send { changes: [...] }.')
    const { changes, workAreaId } = parsed.data
    checkWorkArea(session, workAreaId)
    if (changes.length > PAGE_SIZE)
      throw new ApiError(
        413,
        'payload-too-large',
        `Push at most ${PAGE_SIZE} changes at once.`,
        'too-many-changes',
      )
    const body: PushResponse = {
      results: await push(db, session, changes, now(), { hook: opts.insidePush }),
      serverTime: serverTime(),
    }
    return jsonAnswer(c, JSON.stringify(body))
  })

  api.get('/changes', async (c) => {
    const session = sessionOf(c)
    checkWorkArea(session, c.req.query('workArea'))
    const limit = integer(c.req.query('limit') ?? String(PULL_PAGE_SIZE), 1, PULL_PAGE_SIZE, 'limit')
    const epoch = c.req.query('epoch')
    if (epoch !== undefined && !/^[0-9a-f-]{36}$/.test(epoch))
      throw new ApiError(400, 'bad-request', 'epoch is the id a pull answered with.')
    const sent = c.req.query('cursors')
    if (sent !== undefined) {
      const answer = await pull(db, session, { cursors: pullCursors(sent), epoch, limit })
      return jsonAnswer(c, jsonOfPull(answer, { serverTime: serverTime() }))
    }
    // Version 1 (an app from before per-desa sequences): one number, its desa's cursor (migration 006).
    const cursor = integer(c.req.query('cursor') ?? '0', 0, Number.MAX_SAFE_INTEGER, 'cursor')
    const [desa, ...more] = desasOf(sessionAreas(session))
    if (!desa || more.length > 0)
      throw new ApiError(400, 'bad-request', 'This account reads several desas: update the app.')
    const answer = await pull(db, session, { cursors: { [desa]: cursor }, epoch, limit })
    return jsonAnswer(
      c,
      jsonOfPull(answer, { nextCursor: answer.cursors[desa] ?? 0, serverTime: serverTime() }),
    )
  })

  binaanRoutes(api, binaanService(db, now, opts.binaan), sessionOf, serverTime)
  const offsetMs = (opts.binaan?.utcOffsetHours ?? DEFAULT_UTC_OFFSET_HOURS) * 3_600_000
  targetRoutes(api, db, sessionOf, () => new Date(now() + offsetMs).getUTCFullYear())

  api.all('*', () => {
    throw new ApiError(404, 'not-found', 'No such endpoint.')
  })
  app.route(API_PREFIX, api)
  app.all('/api/*', () => {
    throw new ApiError(404, 'not-found', 'No such API version or endpoint.')
  })

  if (opts.staticDir !== undefined && existsSync(opts.staticDir))
    serveBuiltApp(app, opts.staticDir, opts.tileOrigins ?? DEFAULT_TILE_ORIGINS)
  app.all('*', () => {
    throw new ApiError(404, 'not-found', 'Not found.')
  })
  return app
}

/** Node's request, when @hono/node-server serves the app (its bindings; not in app.request()). */
const incomingOf = (c: Context<Env>) => (c.env as { incoming?: IncomingMessage } | undefined)?.incoming

function sessionOf(c: Pick<Context<Env>, 'get'>): Session {
  const session = c.get('session')
  if (!session) throw new ApiError(401, 'unauthorized', 'Log in first.', 'missing-token')
  return session
}

/** The client's address: the proxy's last X-Forwarded-For entry when trusted, else the socket's. */
function clientAddress(c: Context<Env>, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim() : undefined
  return forwarded || (getConnInfo(c).remote.address ?? 'unknown')
}

/** A device that names its data's work area learns at once when the token belongs to another one. */
function checkWorkArea(session: Session, workAreaId: string | undefined): void {
  if (workAreaId !== undefined && workAreaId !== session.workArea.id)
    throw new ApiError(403, 'forbidden', 'This token belongs to another work area.', 'work-area-mismatch')
}

/** The `cursors` query parameter: JSON, desa key → a sequence number. */
function pullCursors(raw: string): PullCursors {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    // refused below
  }
  const isMap = typeof value === 'object' && value !== null && !Array.isArray(value)
  const entries = isMap ? Object.entries(value as object) : []
  if (
    !isMap ||
    entries.length > MAX_CURSOR_DESAS ||
    !entries.every(([k, v]) => DESA_KEY_RE.test(k) && Number.isSafeInteger(v) && (v as number) >= 0)
  )
    throw new ApiError(400, 'bad-request', 'cursors is the JSON object a pull answered with.')
  return Object.fromEntries(entries) as PullCursors
}

function integer(raw: string, min: number, max: number, name: string): number {
  const n = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(n >= min && n <= max))
    throw new ApiError(400, 'bad-request', `${name} is a whole number ${min}–${max}.`)
  return n
}
