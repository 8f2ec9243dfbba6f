// A worker thread of simulated phones for bench/server-load.ts: each of its kaders syncs as the app does — pull →
// push (its batch, gzipped beforehand: a phone's CPU is not the server's) → pull from the first pull's cursor —
// over keep-alive HTTP, decoding each answer (brotli or gzip) and parsing its JSON like the app's browser.
// node:http rather than fetch: the simulated phones share the server's cores, and fetch's web streams cost several
// times the CPU per request.
import { Agent, request } from 'node:http'
import { parentPort, workerData } from 'node:worker_threads'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

export interface PhonesJob {
  url: string
  kaders: { token: string; body: Uint8Array }[]
  /** How many of this worker's kaders sync at a time. */
  atOnce: number
  /** Every kader of every worker pulls first, then all push when the main thread says so. */
  together: boolean
}
export type PhonesMessage =
  | { kind: 'ready' }
  | { kind: 'pulled' }
  | {
      kind: 'done'
      pushMs: number[]
      pullMs: number[]
      accepted: number
      failures: [number, number][]
    }

const job = workerData as PhonesJob
const port = parentPort
if (!port) throw new Error('server-load-phones runs as a worker thread')
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY })
const failures = new Map<number, number>()
const pushMs: number[] = []
const pullMs: number[] = []
let accepted = 0
/** The main thread's word: 'start' once every worker is ready, 'push' once every kader has pulled (together). */
const told = (word: 'start' | 'push') =>
  new Promise<void>((go) => port.on('message', (m: string) => m === word && go()))
const [startTime, pushTime] = [told('start'), told('push')]

/** One request; the time runs until its answer is in and decoded, as the app's fetch would see it. */
function call(token: string, method: string, path: string, body?: Uint8Array) {
  const start = performance.now()
  return new Promise<{ ms: number; json: Record<string, unknown> }>((done, fail) => {
    const req = request(
      `${job.url}/api/v1${path}`,
      {
        method,
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          // What the app's browser sends: the server answers in brotli.
          'Accept-Encoding': 'gzip, deflate, br',
          ...(body
            ? {
                'Content-Type': 'application/json',
                'Content-Encoding': 'gzip',
                'Content-Length': body.length,
              }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', fail)
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          const encoding = res.headers['content-encoding']
          const text = (
            encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw
          ).toString()
          const ms = performance.now() - start
          if (res.statusCode !== 200) {
            const status = res.statusCode ?? 0
            failures.set(status, (failures.get(status) ?? 0) + 1)
            done({ ms, json: {} })
          } else done({ ms, json: JSON.parse(text) as Record<string, unknown> })
        })
      },
    )
    req.on('error', fail)
    req.end(body)
  })
}

async function sync(kader: PhonesJob['kaders'][number]) {
  // The single cursor: both this server and the single-lock one answer it.
  const first = await call(kader.token, 'GET', '/changes?cursor=0')
  pullMs.push(first.ms)
  port?.postMessage({ kind: 'pulled' } satisfies PhonesMessage)
  if (job.together) await pushTime
  const pushed = await call(kader.token, 'POST', '/changes', kader.body)
  pushMs.push(pushed.ms)
  const results = (pushed.json.results ?? []) as { status: string }[]
  accepted += results.filter((r) => r.status === 'accepted').length
  const again = await call(kader.token, 'GET', `/changes?cursor=${Number(first.json.nextCursor ?? 0)}`)
  pullMs.push(again.ms)
}

port.postMessage({ kind: 'ready' } satisfies PhonesMessage)
await startTime
let next = 0
await Promise.all(
  Array.from({ length: job.atOnce }, async () => {
    for (let kader = job.kaders[next++]; kader; kader = job.kaders[next++]) await sync(kader)
  }),
)
agent.destroy()
port.postMessage({
  kind: 'done',
  pushMs,
  pullMs,
  accepted,
  failures: [...failures],
} satisfies PhonesMessage)
