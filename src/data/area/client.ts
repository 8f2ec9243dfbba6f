// The page's side of the area worker (Squoosh's worker bridge is the model): typed calls that answer, fail, time out
// or are aborted — never hang. One worker, requests matched to answers by id. A worker that dies (its script fails
// to load, an uncaught error, a message that cannot be read) or stops answering fails every waiting call and is
// replaced on the next call. Where there is no Worker (tests, very old browsers) the same computation runs in the
// page. The page posts the worker the keys of the records (encrypted at rest) and tells it what each committed write changed, so that the worker's kept records (store.ts)
// are current when a request arrives.
import Dexie, { type ObservabilitySet } from 'dexie'
import { currentKeys, onLockChange } from '../crypto/session'
import { getDb } from '../db'
import type {
  AreaArgs,
  AreaCall,
  AreaChanged,
  AreaKeys,
  AreaRequest,
  AreaResponse,
  AreaResult,
} from './protocol'

/**
 * A computation that has not answered in 2 minutes is taken as stuck: the worker is stopped and the call fails. The
 * slowest real one measured — the first schedule of 20,000 members at 4× CPU throttling, reading the whole area
 * first — takes a few seconds (bench/results), so only a worker that will never answer gets here.
 */
export const AREA_CALL_TIMEOUT_MS = 120_000

export type AreaFailure =
  /** The worker died: its script did not load, it threw outside a call, or a message could not be read. */
  | 'crashed'
  /** No answer within AREA_CALL_TIMEOUT_MS. */
  | 'timeout'
  /** The computation threw (`detail`: the error's name). */
  | 'failed'
  /** The caller's AbortSignal fired (the screen went away or asked again). */
  | 'aborted'

export class AreaError extends Error {
  override readonly name = 'AreaError'
  constructor(
    readonly reason: AreaFailure,
    readonly detail?: string,
  ) {
    super(`Area computation ${reason}${detail ? ` (${detail})` : ''}`)
  }
}

export interface CallOptions {
  signal?: AbortSignal
  timeoutMs?: number
}

interface Waiting {
  resolve: (value: unknown) => void
  reject: (error: AreaError) => void
}

interface RunningWorker {
  worker: Worker
  /** Stops the worker and fails every call waiting on it; the next call starts a new worker. */
  discard: (reason: AreaFailure) => void
}

let running: RunningWorker | undefined
let nextId = 1
const waiting = new Map<number, Waiting>()

function getWorker(): RunningWorker | undefined {
  if (typeof Worker === 'undefined') return undefined
  if (running) return running
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
  const forward = (changed: ObservabilitySet) => w.postMessage({ changed } satisfies AreaChanged)
  // Locking stops the worker: its kept records leave memory with it, and the next worker gets the next keys.
  const stopOnLock = onLockChange((unlocked) => {
    if (!unlocked) current.discard('aborted')
  })
  const current: RunningWorker = {
    worker: w,
    discard: (reason) => {
      if (running !== current) return
      running = undefined
      stopOnLock()
      Dexie.on('storagemutated').unsubscribe(forward)
      w.terminate()
      const calls = [...waiting.values()]
      waiting.clear()
      for (const call of calls) call.reject(new AreaError(reason))
    },
  }
  running = current
  const keys = currentKeys()
  if (keys) w.postMessage({ keys, dbName: getDb().name } satisfies AreaKeys)
  Dexie.on('storagemutated', forward)
  w.addEventListener('message', (event: MessageEvent<AreaResponse>) => {
    const answer = event.data
    const call = waiting.get(answer.id)
    waiting.delete(answer.id)
    if (answer.ok) call?.resolve(answer.result)
    else call?.reject(new AreaError('failed', answer.error))
  })
  const crashed = (event: Event) => {
    event.preventDefault() // handled here: not an uncaught error of the page
    current.discard('crashed')
  }
  w.addEventListener('error', crashed)
  w.addEventListener('messageerror', crashed)
  return current
}

/** Runs `call` in the worker (or the page), settling exactly once: the result, or an AreaError. */
export function callArea<C extends AreaCall>(
  call: C,
  args: AreaArgs<C>,
  opts: CallOptions = {},
): Promise<AreaResult<C>> {
  const { signal, timeoutMs = AREA_CALL_TIMEOUT_MS } = opts
  if (signal?.aborted) return Promise.reject(new AreaError('aborted'))
  return new Promise<AreaResult<C>>((resolve, reject) => {
    let settled = false
    const id = nextId++
    const settle = (finish: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      waiting.delete(id)
      finish()
    }
    const onAbort = () => settle(() => reject(new AreaError('aborted')))
    signal?.addEventListener('abort', onAbort)
    const w = getWorker()
    const timer = setTimeout(() => {
      settle(() => reject(new AreaError('timeout')))
      w?.discard('timeout')
    }, timeoutMs)
    const done = {
      resolve: (value: unknown) => settle(() => resolve(value as AreaResult<C>)),
      reject: (error: AreaError) => settle(() => reject(error)),
    }
    if (w) {
      waiting.set(id, done)
      w.worker.postMessage({ id, call, args } satisfies AreaRequest<C>)
    } else {
      import('./compute')
        .then((compute) => compute.runAreaCall(call, args))
        .then(done.resolve, (error: unknown) =>
          done.reject(new AreaError('failed', error instanceof Error ? error.name : 'Error')),
        )
    }
  })
}
