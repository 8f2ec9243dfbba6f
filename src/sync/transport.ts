// One HTTP request of the sync protocol (docs/sync-protocol.md): JSON in and out, the request body gzipped with
// CompressionStream, a timeout per request (AbortController), the server's clock read from every answer, the bytes
// on the wire counted, and every failure turned into a SyncError with its reason. No retries here: engine.ts
// decides what to retry.
import { API_PREFIX, type ErrorResponse } from '../protocol/wire'
import { SyncError } from './errors'

/**
 * A request that has not fully answered after 30 s is given up and retried. A push of 500 changes gzips to
 * ≈ 40 KB (≈ 6 s on a 2G connection at 50 kbit/s) and a pull page of 1,000 records to ≈ 100 KB (≈ 16 s), so 30 s
 * leaves room for a slow server, while a connection that silently died (a phone switching towers) costs the kader
 * half a minute at most.
 */
export const REQUEST_TIMEOUT_MS = 30_000
/** Bodies below 1 KB are sent as they are: gzip's 18-byte frame and the CPU would save nothing. */
export const GZIP_MIN_BYTES = 1024

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface TransportOptions {
  baseUrl: string
  token?: string | undefined
  fetch?: FetchLike | undefined
  timeoutMs?: number | undefined
  signal?: AbortSignal | undefined
  /** The device's clock (tests set a wrong one). */
  now?: (() => number) | undefined
}

export interface Answer<T> {
  body: T
  /** The server's clock (X-Server-Time, else the body's serverTime), ms; NaN when it sent none. */
  serverTimeMs: number
  /** The device's clock halfway through the request: the moment serverTimeMs is best compared with. */
  localMidMs: number
  bytesSent: number
  bytesReceived: number
}

export async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  opts: TransportOptions,
): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`
  let payload: Uint8Array<ArrayBuffer> | undefined
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = new TextEncoder().encode(JSON.stringify(body))
    if (payload.byteLength >= GZIP_MIN_BYTES && typeof CompressionStream !== 'undefined') {
      payload = await gzip(payload)
      headers['Content-Encoding'] = 'gzip'
    }
  }
  const url = `${opts.baseUrl.replace(/\/+$/, '')}${API_PREFIX}${path}`
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, opts.timeoutMs ?? REQUEST_TIMEOUT_MS)
  const onAbort = () => controller.abort()
  opts.signal?.addEventListener('abort', onAbort)
  const clock = opts.now ?? Date.now
  const started = clock()
  const failed = (error: unknown) =>
    error instanceof SyncError
      ? error
      : new SyncError(timedOut ? 'timeout' : opts.signal?.aborted ? 'aborted' : 'offline', { cause: error })
  try {
    if (opts.signal?.aborted) throw new SyncError('aborted')
    let res: Response
    let bytes: Uint8Array
    try {
      res = await (opts.fetch ?? fetch)(url, { method, headers, body: payload, signal: controller.signal })
      // Reading the body is part of the request: a connection cut mid-response fails here.
      bytes = new Uint8Array(await res.arrayBuffer())
    } catch (error) {
      throw failed(error)
    }
    const finished = clock()
    const text = new TextDecoder().decode(bytes)
    let json: unknown
    try {
      json = text === '' ? undefined : JSON.parse(text)
    } catch (error) {
      throw new SyncError(res.status >= 500 ? 'server' : 'bad-request', { cause: error, status: res.status })
    }
    const header = res.headers.get('X-Server-Time')
    const fromBody = (json as { serverTime?: unknown } | undefined)?.serverTime
    const serverTimeMs = Date.parse(header ?? (typeof fromBody === 'string' ? fromBody : ''))
    if (!res.ok) throw errorOf(res, json as ErrorResponse | undefined)
    const declared = Number(res.headers.get('Content-Length') ?? Number.NaN)
    return {
      body: json as T,
      serverTimeMs,
      localMidMs: Math.round((started + finished) / 2),
      bytesSent: payload?.byteLength ?? 0,
      // Content-Length is the size on the wire (compressed when the server gzipped); without it (a streamed,
      // compressed answer) the browser's resource timing knows the encoded size; the decoded size is the fallback.
      bytesReceived: Number.isFinite(declared) ? declared : (encodedSize(url) ?? bytes.byteLength),
    }
  } finally {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', onAbort)
  }
}

function errorOf(res: Response, body: ErrorResponse | undefined): SyncError {
  const detail = body?.error?.detail
  const status = res.status
  if (status === 401) return new SyncError('unauthorized', { status, detail })
  if (status === 403) return new SyncError('forbidden', { status, detail })
  const seconds = Number(res.headers.get('Retry-After') ?? Number.NaN)
  const retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : undefined
  if (status === 429) return new SyncError('rate-limited', { status, detail, retryAfterMs })
  // 503: the server (or its proxy) is too busy to take the request now, whatever the request (busy).
  if (status === 503) return new SyncError('server', { status, detail, retryAfterMs })
  if (status >= 500) return new SyncError('server', { status, detail })
  return new SyncError('bad-request', { status, detail: detail ?? body?.error?.reason })
}

function encodedSize(url: string): number | undefined {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByName !== 'function')
    return undefined
  const entry = performance.getEntriesByName(url).at(-1) as PerformanceResourceTiming | undefined
  return entry?.encodedBodySize || undefined
}

export async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
