// Types for bench/pouch.d.ts: the PouchDB 7.3 surface the benchmark uses.
export interface PouchDoc {
  _id: string
  _rev?: string
  [field: string]: unknown
}

export interface ReplicationResult {
  ok: boolean
  docs_read?: number
  docs_written?: number
  doc_write_failures?: number
}

export interface PouchDatabase {
  bulkDocs(docs: PouchDoc[]): Promise<unknown[]>
  createIndex(index: { index: { fields: string[] } }): Promise<unknown>
  find(request: { selector: Record<string, unknown>; limit?: number }): Promise<{ docs: PouchDoc[] }>
  info(): Promise<{ doc_count: number }>
  destroy(): Promise<unknown>
  close(): Promise<unknown>
}

export interface PouchStatic {
  new (name: string, opts?: Record<string, unknown>): PouchDatabase
  plugin(plugin: unknown): PouchStatic
  defaults(opts: Record<string, unknown>): PouchStatic
  replicate(
    source: PouchDatabase | string,
    target: PouchDatabase | string,
    opts?: Record<string, unknown>,
  ): Promise<ReplicationResult>
}
