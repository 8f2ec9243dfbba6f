// HTTP plumbing shared by the routes: typed API errors, request bodies with size limits and gzip, the password
// hash gate (rate limits are in limits.ts). Nothing here sees who the kader is or what the records hold.

import { promisify } from 'node:util'
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib'
import type { Context, MiddlewareHandler } from 'hono'
import type { ErrorReason } from '../src/protocol/wire'

const gunzipAsync = promisify(gunzip)
const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
/** Half quality 5's CPU for 16 % more bytes, still fewer than gzip's (compressJson). */
const BROTLI_QUALITY = 4

/** A request the server refuses; app.ts turns it into the JSON error of docs/sync-protocol.md. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 429 | 500 | 503,
    readonly reason: ErrorReason,
    message: string,
    readonly detail?: string,
    readonly retryAfterS?: number,
  ) {
    super(message)
  }
}

const tooLarge = (limit: number) =>
  new ApiError(413, 'payload-too-large', `The request body is larger than ${limit} bytes.`)

/**
 * Reads a JSON body of at most `limit` bytes, on the wire and after gzip (so a small compressed body cannot
 * inflate into gigabytes). `Content-Encoding: gzip` is what CompressionStream('gzip') produces in the app. Node's own
 * request stream, when given (`incoming`), is read instead of the Request's web stream built over it: the same
 * bytes for less CPU.
 */
export async function readJsonBody(
  req: Request,
  limit: number,
  incoming?: AsyncIterable<Uint8Array>,
): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? Number.NaN)
  if (declared > limit) throw tooLarge(limit)
  const encoding = (req.headers.get('content-encoding') ?? 'identity').trim().toLowerCase()
  if (!['identity', 'gzip', 'x-gzip'].includes(encoding))
    throw new ApiError(
      415,
      'unsupported-encoding',
      `Content-Encoding ${encoding} is not supported; use gzip.`,
    )
  // Node's web streams are async iterable (the DOM types do not say so).
  let bytes = await readLimited(incoming ?? (req.body as AsyncIterable<Uint8Array> | null), limit)
  if (encoding !== 'identity') {
    try {
      bytes = await gunzipAsync(bytes, { maxOutputLength: limit })
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit)
      throw new ApiError(400, 'bad-request', 'The body is not valid gzip.')
    }
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new ApiError(400, 'bad-request', 'The body is not valid JSON.')
  }
}

/** The body's bytes; leaving the loop early (too large) cancels the stream. */
async function readLimited(body: AsyncIterable<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.byteLength
    if (size > limit) throw tooLarge(limit)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** True when an Accept-Encoding header takes `name` (not with q=0). */
export const acceptsEncoding = (header: string, name: 'br' | 'gzip'): boolean =>
  header.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    return coding === name && !params.some((p) => /^q=0(\.0*)?$/.test(p))
  })

/** What a Response takes as a body (a Buffer's type allows a SharedArrayBuffer under it; zlib's never have one). */
type Bytes = Uint8Array<ArrayBuffer>

/** brotli when the client takes it (browsers do), else gzip, else none. */
const encodingFor = (accepted: string) =>
  acceptsEncoding(accepted, 'br') ? 'br' : acceptsEncoding(accepted, 'gzip') ? 'gzip' : undefined

/**
 * A JSON text of 1 KB and more in the encoding the client takes, in one call to zlib. A 1,000-record pull page
 * (560 KB of JSON; 2 loaded cores): brotli quality 4 gives 41 KB in ≈ 9 ms, quality 5 35 KB in ≈ 17 ms, quality 3
 * 44 KB in ≈ 3 ms; gzip 45 KB in ≈ 5 ms — and ≈ 21 ms through web streams' CompressionStream (Hono's compress(),
 * left for everything else).
 */
async function encodeJson(raw: Bytes, encoding: 'br' | 'gzip' | undefined): Promise<Bytes> {
  if (!encoding || raw.byteLength < 1024) return raw
  return encoding === 'br'
    ? brotliAsync(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
        },
      })
    : gzipAsync(raw)
}

/** The headers of an encoded JSON answer: its length, and whether and how it is compressed. */
function encodedHeaders(body: Bytes, raw: Bytes, encoding: 'br' | 'gzip' | undefined) {
  const headers: Record<string, string> = { 'Content-Length': String(body.byteLength) }
  if (encoding) headers.Vary = 'Accept-Encoding'
  if (body !== raw && encoding) headers['Content-Encoding'] = encoding
  return headers
}

/**
 * A JSON answer written whole from its text: encoded as compressJson would, without building and reading back a
 * web Response (a sync's answers: ≈ 5 % of the process's CPU went to that). It carries its length, which tells
 * compressJson it is done.
 */
export async function jsonAnswer(c: Context, text: string): Promise<Response> {
  const raw: Bytes = Buffer.from(text)
  const encoding = encodingFor(c.req.header('Accept-Encoding') ?? '')
  const body = await encodeJson(raw, encoding)
  return c.body(body, 200, {
    'Content-Type': 'application/json',
    ...encodedHeaders(body, raw, encoding),
  })
}

/** JSON answers of the other routes (c.json), encoded as jsonAnswer's. */
export const compressJson: MiddlewareHandler = async (c, next) => {
  await next()
  const encoding = encodingFor(c.req.header('Accept-Encoding') ?? '')
  const headers = c.res.headers
  if (
    !encoding ||
    !headers.get('Content-Type')?.startsWith('application/json') ||
    headers.has('Content-Encoding') ||
    headers.has('Content-Length')
  )
    return
  const raw = Buffer.from(await c.res.arrayBuffer())
  const body = await encodeJson(raw, encoding)
  c.res = new Response(body, c.res)
  // The setter copies the old answer's headers: the length and encoding are set after it.
  for (const [name, value] of Object.entries(encodedHeaders(body, raw, encoding)))
    if (name === 'Vary') c.res.headers.append(name, value)
    else c.res.headers.set(name, value)
}

/** What Gate.run answers when it may not even queue the task. */
export const BUSY = Symbol('busy')
/** What Gate.run answers when the task's signal aborted while it waited (the client went away). */
export const GONE = Symbol('gone')

/** How many run and how many wait, told to a watcher after every change (tests). */
export interface GateState {
  running: number
  waiting: number
}

/**
 * At most `concurrent` tasks at once and `waiting` more in line, first come first served; beyond that a task is
 * refused at once (BUSY), and one whose signal aborts while in line leaves it (GONE). Password hashes go through
 * one: scrypt takes ≈ 80 ms and 32 MiB of a libuv thread, the same 4 threads that decompress request bodies, so a
 * flood of logins must not hold them all nor pile up behind them. Sync requests go through another (app.ts).
 */
export class Gate {
  private running = 0
  private readonly line: (() => void)[] = []
  constructor(
    private readonly limit: { concurrent: number; waiting: number },
    private readonly watch?: (state: GateState) => void,
  ) {}

  run<T>(task: () => Promise<T>): Promise<T | typeof BUSY>
  run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T | typeof BUSY | typeof GONE>
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T | typeof BUSY | typeof GONE> {
    if (signal?.aborted) return GONE
    if (this.running < this.limit.concurrent) this.running += 1
    else if (this.line.length < this.limit.waiting) {
      if (!(await this.wait(signal))) return GONE
    } else return BUSY
    this.told()
    try {
      return await task()
    } finally {
      // The slot goes to the next in line, or is freed.
      const next = this.line.shift()
      if (next) next()
      else this.running -= 1
      this.told()
    }
  }

  /** Waits in line for a slot handed over by a task that ends: true, or false when `signal` aborted first. */
  private wait(signal: AbortSignal | undefined): Promise<boolean> {
    return new Promise<boolean>((go) => {
      const turn = () => {
        signal?.removeEventListener('abort', leave)
        go(true)
      }
      const leave = () => {
        const at = this.line.indexOf(turn)
        if (at >= 0) this.line.splice(at, 1)
        this.told()
        go(false)
      }
      this.line.push(turn)
      signal?.addEventListener('abort', leave, { once: true })
      this.told()
    })
  }

  private told() {
    this.watch?.({ running: this.running, waiting: this.line.length })
  }
}
