/// <reference lib="webworker" />
// Runs compute.ts off the main thread. It opens the same IndexedDB database as the page (Dexie works in workers),
// keeps the area's records between requests (store.ts) and answers with the result only.
import { computePws, computeSchedule } from './compute'
import type { AreaChanged, AreaRequest } from './protocol'
import { areaChanged } from './store'

declare const self: DedicatedWorkerGlobalScope

self.addEventListener('message', (event: MessageEvent<AreaRequest | AreaChanged>) => {
  if ('changed' in event.data) {
    areaChanged(event.data.changed)
    return
  }
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
