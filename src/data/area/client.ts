// The page's side of the area worker: one worker, requests matched to answers by id. Where there is no Worker
// (tests, very old browsers) the same computation runs in the page. The page tells the worker what each committed
// write changed, so that the worker's kept records (store.ts) are current when a request arrives.
import Dexie from 'dexie'
import type { PwsIndicators, PwsReport } from '../../domain/pws'
import type { ScheduleResult } from './compute'
import type { AreaChanged, AreaJob, AreaRequest, AreaResponse } from './protocol'

let worker: Worker | undefined
let nextId = 1
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()

function getWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined
  if (!worker) {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
    worker = w
    Dexie.on('storagemutated', (changed) => w.postMessage({ changed } satisfies AreaChanged))
    worker.addEventListener('message', (event: MessageEvent<AreaResponse>) => {
      const answer = event.data
      const call = waiting.get(answer.id)
      waiting.delete(answer.id)
      if (answer.ok) call?.resolve(answer.result)
      else call?.reject(new Error(answer.error))
    })
  }
  return worker
}

async function run(job: AreaJob): Promise<unknown> {
  const w = getWorker()
  if (!w) {
    const compute = await import('./compute')
    return job.kind === 'schedule'
      ? compute.computeSchedule(job.workAreaId, job.today)
      : compute.computePws(job.workAreaId, job.month)
  }
  const id = nextId++
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    w.postMessage({ id, job } satisfies AreaRequest)
  })
}

export function scheduleOf(workAreaId: string, today: string): Promise<ScheduleResult> {
  return run({ kind: 'schedule', workAreaId, today }) as Promise<ScheduleResult>
}

/** The month's report and PWS indicators (domain/pws pwsMonthAndIndicators). */
export interface PwsMonthResult {
  report: PwsReport
  indicators: PwsIndicators
}

export function pwsOf(workAreaId: string, month: string): Promise<PwsMonthResult> {
  return run({ kind: 'pws', workAreaId, month }) as Promise<PwsMonthResult>
}
