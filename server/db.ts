// Storage for the reference server behind one small interface, with two implementations running the same SQL:
//   PGlite (embedded PostgreSQL in WebAssembly) in a data folder, needing no setup — the default;
//   PostgreSQL through pg when a database URL is given.
// Schema changes are the ordered files in server/migrations/, applied once each and recorded in schema_migrations.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/** Run statements; parameters are $1, $2, …; pass JSON as a string and cast it (`$1::jsonb`). */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres'
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when set, dataDir is ignored. */
  databaseUrl?: string
  /** PGlite data folder, or 'memory://' for a database that lives as long as the process. */
  dataDir?: string
  /** PostgreSQL only: keep every table in this schema (created when missing), so that tests can share a database. */
  pgSchema?: string
}

/** PostgreSQL connections per API process (pg's default); the sync line's width follows it (app.ts). */
export const POOL_SIZE = 10
const SCHEMA_NAME_RE = /^[a-z_][a-z0-9_]{0,62}$/
/** Any fixed number: every server process that migrates the same database takes this lock first. */
const MIGRATION_LOCK = 4_172_025

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.pgSchema) : await openPglite(opts)
  try {
    await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}

async function openPglite(opts: DatabaseOptions): Promise<Database> {
  const dataDir = opts.dataDir ?? '.data'
  const unlock = dataDir.startsWith('memory://') ? () => {} : lockDataDir(dataDir)
  const lite = new PGlite(dataDir)
  try {
    await lite.waitReady
  } catch (error) {
    unlock()
    throw error
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<R>(text: string, params?: unknown[]) {
      return (await q.query<R>(text, params)).rows
    },
    async exec(text: string) {
      await q.exec(text)
    },
  })
  return {
    kind: 'pglite',
    ...wrap(lite),
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    async close() {
      await lite.close()
      unlock()
    },
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder (the CLI while the server runs)
 * would corrupt it. A lock file next to the folder, holding the owner's pid, refuses that; a stale one is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${resolve(dataDir)}.lock`
  mkdirSync(dirname(lockPath), { recursive: true })
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(lockPath, { force: true })
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST' || attempt > 0) throw error
      const owner = Number(readFileSync(lockPath, 'utf8'))
      if (isAlive(owner))
        throw new Error(
          `${dataDir} is in use by process ${owner}: stop that server first, or use DATABASE_URL.`,
        )
      rmSync(lockPath, { force: true })
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM'
  }
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  if (schema !== undefined && !SCHEMA_NAME_RE.test(schema)) throw new Error(`Bad schema name: ${schema}`)
  if (schema !== undefined) {
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    } finally {
      await admin.end()
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  })
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => {})
  const named = preparedNames()
  const wrap = (q: pg.Pool | pg.PoolClient): Sql => ({
    async query<R>(text: string, params?: unknown[]) {
      return (await q.query({ text, values: params, name: named(text) })).rows as R[]
    },
    async exec(text: string) {
      await q.query(text)
    },
  })
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(wrap(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

/** Distinct statements a process prepares; the server runs a few dozen, the rest (if ever) go unprepared. */
const MAX_PREPARED = 500

/**
 * A name for each statement text: pg prepares a named statement once per connection and then only binds and runs
 * it, so PostgreSQL does not parse it again on every call.
 */
function preparedNames(): (text: string) => string | undefined {
  const names = new Map<string, string>()
  return (text) => {
    let name = names.get(text)
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `k${names.size}`
      names.set(text, name)
    }
    return name
  }
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)

/** Applies the migrations not yet recorded, in file-name order, all in one transaction. */
export async function migrate(db: Database): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort()
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    )
    const applied: string[] = []
    for (const file of files) {
      if (done.has(file)) continue
      await tx.exec(await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'))
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file])
      applied.push(file)
    }
    return applied
  })
}
