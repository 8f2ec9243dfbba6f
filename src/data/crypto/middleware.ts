// The Dexie DBCore middleware that encrypts records at rest (sealing.ts), directly above IndexedDB: every layer
// above it — Dexie's hooks, liveQuery, the cache, the app — sees plain records, and the data layer does not change.
//
// WebCrypto is asynchronous and an IndexedDB transaction commits as soon as it has no request pending. So while a
// record is encrypted or decrypted, the transaction is kept alive with cheap reads, and the result is handed on
// inside a request's success callback, where the transaction is active: the caller's next request in the same
// transaction (record + outbox in one `rw` transaction) still finds it open. Dexie's Transaction.waitFor does
// the same one level up.
import type {
  DBCore,
  DBCoreCursor,
  DBCoreKeyRange,
  DBCoreQuery,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie'
import { BLIND_INDEXES, blindIndex, isEncryptedTable, isSealed, open, openCached, sealAll } from './sealing'
import { dataKeys } from './session'

// Dexie's DBCoreRangeType.Equal: a range of one key (`where(index).equals(x)`).
const EQUAL = 1

export const encryptionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'Encryption',
  // Below all of Dexie's own middlewares (the lowest is -1): they see plain records.
  level: -10,
  // The bench's plain build (bench/at-rest.ts) stores records in clear, to measure what encryption costs; the
  // production build defines __PLAIN_AT_REST__ false (vite.config.ts), so this branch is not in it.
  create: (down) =>
    __PLAIN_AT_REST__
      ? down
      : {
          ...down,
          table: (name) => (isEncryptedTable(name) ? encryptedTable(down.table(name)) : down.table(name)),
        },
}

function encryptedTable(table: DBCoreTable): DBCoreTable {
  const name = table.name
  const opened = (trans: DBCoreTransaction, rows: unknown[]): Promise<unknown[]> => {
    if (!rows.some(isSealed)) return Promise.resolve(rows)
    const keys = dataKeys()
    // Plaintexts still at hand first: when every row has one, no decrypt, and no waiting with the transaction.
    const known = rows.map((row) => (isSealed(row) ? (openCached(name, row, keys) ?? row) : row))
    if (!known.some(isSealed)) return Promise.resolve(known)
    return whileAlive(
      trans,
      name,
      Promise.all(known.map((row) => (isSealed(row) ? open(name, row, keys) : row))),
    )
  }
  const query = async <Q extends { trans: DBCoreTransaction; query: DBCoreQuery }>(req: Q): Promise<Q> => {
    const blind = BLIND_INDEXES[name]
    if (blind === undefined || req.query.index.keyPath !== blind || req.query.range.type !== EQUAL) return req
    const keys = dataKeys()
    const token = await whileAlive(req.trans, name, blindIndex(keys, String(req.query.range.lower)))
    const range: DBCoreKeyRange = { ...req.query.range, lower: token, upper: token }
    return { ...req, query: { ...req.query, range } }
  }
  return {
    ...table,
    mutate: async (req) => {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req)
      const keys = dataKeys()
      const values = await whileAlive(req.trans, name, sealAll(name, req.values, keys))
      return table.mutate({ ...req, values })
    },
    get: async (req) => (await opened(req.trans, [await table.get(req)]))[0],
    getMany: async (req) => opened(req.trans, await table.getMany(req)),
    query: async (req) => {
      const answer = await table.query(await query(req))
      return req.values ? { ...answer, result: await opened(req.trans, answer.result) } : answer
    },
    count: async (req) => table.count(await query(req)),
    openCursor: async (req) => {
      const cursor = await table.openCursor(await query(req))
      return cursor && req.values ? openingCursor(cursor, opened) : cursor
    },
  }
}

/**
 * The stored form of records of `table`, as this middleware writes them, sealed with the keys of this moment: for a
 * write started as the app locks, which cannot wait for Dexie (list-snapshot.ts). Its caller writes them to
 * IndexedDB itself.
 */
export function storedForm(table: string, values: Record<string, unknown>[]): Promise<unknown[]> {
  if (__PLAIN_AT_REST__ || !isEncryptedTable(table)) return Promise.resolve(values)
  return sealAll(table, values, dataKeys())
}

/** A cursor whose `value` is the decrypted record, decrypted before each step is handed on. */
function openingCursor(
  cursor: DBCoreCursor,
  opened: (trans: DBCoreTransaction, rows: unknown[]) => Promise<unknown[]>,
): DBCoreCursor {
  let value: unknown
  const step = () => opened(cursor.trans, [cursor.value]).then(([v]) => (value = v))
  const wrapped: DBCoreCursor = {
    get trans() {
      return cursor.trans
    },
    get key() {
      return cursor.key
    },
    get primaryKey() {
      return cursor.primaryKey
    },
    get value() {
      return value
    },
    get done() {
      return cursor.done
    },
    continue: (key) => cursor.continue(key),
    continuePrimaryKey: (key, primaryKey) => cursor.continuePrimaryKey(key, primaryKey),
    advance: (count) => cursor.advance(count),
    stop: (result) => cursor.stop(result),
    fail: (error) => cursor.fail(error),
    start: (onNext) =>
      cursor.start(() => {
        step().then(onNext, (error: Error) => cursor.fail(error))
      }),
    next: () =>
      cursor.next().then(async () => {
        if (!cursor.done) await step()
        return wrapped
      }),
  }
  return wrapped
}

/**
 * `work`'s result, handed on inside a success callback of the transaction, which is kept alive meanwhile by reads
 * of a key that cannot exist (Dexie's own trick in Transaction.waitFor).
 */
function whileAlive<T>(trans: DBCoreTransaction, table: string, work: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction
  return new Promise<T>((resolve, reject) => {
    let settle: (() => void) | undefined
    work.then(
      (result) => (settle = () => resolve(result)),
      (error: unknown) => (settle = () => reject(error)),
    )
    const store = idb.objectStore(table)
    const spin = () => {
      if (settle) return settle()
      const request = store.get(-Infinity)
      request.onsuccess = spin
      request.onerror = () => reject(request.error)
    }
    spin()
  })
}
