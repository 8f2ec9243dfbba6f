// The CouchDB-compatible side of the comparison: express-pouchdb on an in-memory PouchDB 7.3 (pouchdb-adapter-memory),
// responses gzipped by `compression` as a CouchDB behind nginx would send them. It also serves the PouchDB bench page
// (bench/page/pouch-bench.ts, built) on the same origin, so replication needs no CORS.
import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import compression from 'compression'
import express from 'express'
import expressPouchDb from 'express-pouchdb'
import http from 'pouchdb-adapter-http'
import memory from 'pouchdb-adapter-memory'
import PouchDB from 'pouchdb-core'
import mapreduce from 'pouchdb-mapreduce'
import replication from 'pouchdb-replication'
import type { PouchDoc } from './pouch-types'

export interface PouchServer {
  url: string
  /** The remote database the browser replicates from and to. */
  dbUrl: string
  close(): Promise<void>
}

export async function startPouchServer(opts: { pagesDir: string; docs: PouchDoc[] }): Promise<PouchServer> {
  const MemoryPouch = PouchDB.plugin(http).plugin(memory).plugin(mapreduce).plugin(replication).defaults({
    adapter: 'memory',
  })
  // express-pouchdb writes its log (and would write its config) in the working directory: keep it out of the tree.
  const scratch = mkdtempSync(join(tmpdir(), 'kader-ilp-pouch-'))
  const app = express()
  app.use(compression())
  app.get('/', (_req, res) => {
    res.type('html').send('<!doctype html><meta charset="utf-8"><title>PouchDB bench</title>')
  })
  app.use('/pages', express.static(opts.pagesDir))
  app.use(
    '/db',
    expressPouchDb(MemoryPouch, {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: join(scratch, 'log.txt'),
    }),
  )
  // Made after express-pouchdb has wrapped the constructor, so that its database list knows it.
  const remote = new MemoryPouch('kader')
  for (let i = 0; i < opts.docs.length; i += 1_000) await remote.bulkDocs(opts.docs.slice(i, i + 1_000))
  const server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s))
  })
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    dbUrl: `${url}/db/kader`,
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok())
        server.closeAllConnections()
      })
      rmSync(scratch, { recursive: true, force: true })
    },
  }
}
