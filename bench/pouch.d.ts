// The few PouchDB 7.3 and express-pouchdb calls the benchmark makes (the packages ship no types).
declare module 'pouchdb-browser' {
  const PouchDB: import('./pouch-types').PouchStatic
  export default PouchDB
}
declare module 'pouchdb-core' {
  const PouchDB: import('./pouch-types').PouchStatic
  export default PouchDB
}
declare module 'pouchdb-find' {
  const plugin: unknown
  export default plugin
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown
  export default plugin
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown
  export default plugin
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown
  export default plugin
}
declare module 'pouchdb-replication' {
  const plugin: unknown
  export default plugin
}
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express'

  const expressPouchDb: (PouchDB: unknown, opts?: Record<string, unknown>) => RequestHandler
  export default expressPouchDb
}
