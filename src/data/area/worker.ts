/// <reference lib="webworker" />
// Runs compute.ts off the main thread. It opens the same IndexedDB database as the page (Dexie works in workers),
// the unlocked account's database, with the keys the page posts (the records are encrypted at rest), keeps the area's records between requests (store.ts) and answers each call with its result or the error's name.
import { setDataKeys } from '../crypto/session'
import { selectDatabase } from '../db'
import { runAreaCall } from './compute'
import type { AreaChanged, AreaKeys, AreaRequest, AreaResponse } from './protocol'
import { areaChanged } from './store'

declare const self: DedicatedWorkerGlobalScope

self.addEventListener('message', (event: MessageEvent<AreaRequest | AreaChanged | AreaKeys>) => {
  if ('keys' in event.data) {
    selectDatabase(event.data.dbName)
    setDataKeys(event.data.keys)
    return
  }
  if ('changed' in event.data) {
    areaChanged(event.data.changed)
    return
  }
  const { id, call, args } = event.data
  const answer = (response: AreaResponse) => self.postMessage(response)
  // A call that throws before its first await is a rejection too.
  Promise.resolve()
    .then(() => runAreaCall(call, args))
    .then(
      (result) => answer({ id, ok: true, result }),
      (error: unknown) => answer({ id, ok: false, error: error instanceof Error ? error.name : 'Error' }),
    )
})
