// Rate limits in the database (migration 010), so that every API process behind a load balancer counts the same
// requests (docs/scaling.md, "Many API processes"): a token bucket per key, taken from in one statement — the row
// lock orders two processes taking from one bucket at once, and the refill is reckoned from the row as locked.
import type { Sql } from './db'

export interface RateLimit {
  /** Requests allowed at once. */
  burst: number
  /** Requests refilled per minute. */
  perMinute: number
}

/**
 * An upsert taking one request from the bucket named by `key`, an SQL expression over `from` (a FROM clause, or ''
 * for none: no row from it, no bucket touched). `at` names the parameters of the limit: its burst, the time now and
 * the refill per millisecond. Returns the bucket's tokens and whether the request was allowed.
 */
export function takeSql(key: string, from: string, at: { burst: string; now: string; perMs: string }) {
  const refilled = `LEAST(${at.burst}::float8,
    b.tokens + GREATEST(0, EXTRACT(EPOCH FROM (${at.now}::timestamptz - b.at)) * 1000) * ${at.perMs}::float8)`
  return `INSERT INTO rate_buckets AS b (key, tokens, at, allowed)
    SELECT ${key}, ${at.burst}::float8 - 1, ${at.now}::timestamptz, true ${from}
    ON CONFLICT (key) DO UPDATE SET
      tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
      allowed = ${refilled} >= 1,
      at = GREATEST(b.at, ${at.now}::timestamptz)
    RETURNING b.tokens, b.allowed`
}

/** Per millisecond: what the bucket statements take. */
export const refillPerMs = (limit: RateLimit) => limit.perMinute / 60_000

/** The seconds to wait after a take: 0 when it was allowed. */
export function waitS(taken: { tokens: number | string; allowed: boolean } | undefined, limit: RateLimit) {
  if (!taken || taken.allowed) return 0
  return Math.ceil((1 - Number(taken.tokens)) / refillPerMs(limit) / 1000)
}

/** Token buckets of one kind (`kind` prefixes their keys) under `limit`. */
export function rateLimiter(sql: Sql, kind: string, limit: RateLimit) {
  const statement = takeSql('$1', '', { burst: '$2', now: '$3', perMs: '$4' })
  return {
    /** Takes one request from key's bucket; returns the seconds to wait when it is empty, else 0. */
    async take(key: string, nowMs: number): Promise<number> {
      const [row] = await sql.query<{ tokens: number; allowed: boolean }>(statement, [
        `${kind}\n${key}`,
        limit.burst,
        new Date(nowMs),
        refillPerMs(limit),
      ])
      return waitS(row, limit)
    },
  }
}
