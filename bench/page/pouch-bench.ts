// The PouchDB 7.3 side of the comparison, loaded into a page of the bench's CouchDB-compatible server
// (bench/pouch-server.ts): the same generated records as the app's side, as PouchDB documents (`_id` = the record's
// id, `type` = its table), in PouchDB's default browser adapter (idb). bench/run.ts throttles and reads results.
import PouchDB from 'pouchdb-browser'
import find from 'pouchdb-find'
import { toDoc } from '../docs'
import { type Dataset, generate, KADER } from '../generate'
import type { PouchDoc } from '../pouch-types'
import { idbUsage } from './usage'

PouchDB.plugin(find)

let data: Dataset | undefined

/** The first `total` records of the kader dataset: households, members, then visits. */
function docs(total: number): PouchDoc[] {
  data ??= generate(KADER)
  const all = [
    ...data.households.map((h) => toDoc('households', h)),
    ...data.members.map((m) => toDoc('members', m)),
    ...data.visits.map((v) => toDoc('visits', v)),
  ]
  return all.slice(0, total)
}

export const pouch = {
  prepare(total: number) {
    return docs(total).length
  },

  /** bulkDocs in batches into a fresh local database; bytes from the storage estimate. */
  async insert(total: number, batch: number) {
    const all = docs(total)
    const db = new PouchDB('bench-insert')
    const before = await idbUsage()
    const t0 = performance.now()
    for (let i = 0; i < all.length; i += batch) await db.bulkDocs(all.slice(i, i + batch))
    const ms = performance.now() - t0
    await new Promise((ok) => setTimeout(ok, 1_500))
    return { ms, records: all.length, bytes: (await idbUsage()) - before }
  },

  /** Members of `count` households through a pouchdb-find index on householdId (built first, timed apart). */
  async indexedQuery(count: number) {
    const db = new PouchDB('bench-insert')
    const t0 = performance.now()
    await db.createIndex({ index: { fields: ['householdId'] } })
    const indexMs = performance.now() - t0
    const ids = (data?.households ?? []).slice(0, count).map((h) => h.id)
    const t1 = performance.now()
    let rows = 0
    for (const id of ids) rows += (await db.find({ selector: { householdId: id } })).docs.length
    return { msPerQuery: (performance.now() - t1) / ids.length, indexMs, queries: ids.length, rows }
  },

  /** A one-off pull replication of the remote database into a fresh local one. */
  async pull(remote: string) {
    const local = new PouchDB('bench-replica')
    const before = await idbUsage()
    const t0 = performance.now()
    const result = await PouchDB.replicate(remote, local)
    const ms = performance.now() - t0
    await new Promise((ok) => setTimeout(ok, 1_500))
    return { ms, docs: result.docs_written ?? 0, ok: result.ok, bytes: (await idbUsage()) - before }
  },

  /**
   * `count` new visits written (untimed) to a fresh local database, then pushed by a one-off replication (timed):
   * PouchDB's best case — after a pull, a first push from the pulled database would also diff those 10,000 docs.
   */
  async push(remote: string, count: number) {
    const local = new PouchDB('bench-push')
    const source = data?.visits ?? []
    const fresh = Array.from({ length: count }, (_, i) => {
      const v = source[i % source.length] as Dataset['visits'][number]
      const copy = { ...v, id: `bench-push-${String(i).padStart(5, '0')}`, date: '2026-10-31' }
      return toDoc('visits', copy)
    })
    await local.bulkDocs(fresh)
    const t0 = performance.now()
    const result = await PouchDB.replicate(local, remote)
    return { ms: performance.now() - t0, docs: result.docs_written ?? 0, ok: result.ok }
  },
}

declare global {
  interface Window {
    __pouch?: typeof pouch
  }
}
window.__pouch = pouch
