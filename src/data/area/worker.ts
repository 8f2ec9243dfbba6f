/// <reference lib="webworker" />
// Runs compute.ts off the main thread. It opens the same IndexedDB database as the page (Dexie works in workers)
// and answers with the result only, so no record crosses the thread boundary.
import { computePws, computeSchedule } from './compute'
import type { AreaRequest } from './protocol'

declare const self: DedicatedWorkerGlobalScope

self.addEventListener('message', (event: MessageEvent<AreaRequest>) => {
  const { id, job } = event.data
  const work =
    job.kind === 'schedule'
      ? computeSchedule(job.workAreaId, job.today)
      : computePws(job.workAreaId, job.month)
  work.then(
    (result) => self.postMessage({ id, ok: true, result }),
    (error: unknown) => self.postMessage({ id, ok: false, error: String(error) }),
  )
})
