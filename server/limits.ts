// Rate limits in the database (migration 010), so that every API process behind a load balancer counts the same
// requests (docs/scaling.md, "Many API processes"): a token bucket per key, taken from in one statement — the row
// lock orders two processes taking from one bucket at once.
import type { Sql } from './db'

export interface RateLimit {
  /** Requests allowed at once. */
  burst: number
  /** Requests refilled per minute. */
  perMinute: number
}

/** Token buckets of one kind (`kind` prefixes their keys) under `limit`. */
export function rateLimiter(sql: Sql, kind: string, limit: RateLimit) {
  const perMs = limit.perMinute / 60_000
  return {
    /** Takes one request from key's bucket; returns the seconds to wait when it is empty, else 0. */
    async take(key: string, nowMs: number): Promise<number> {
      const [row] = await sql.query<{ tokens: number; allowed: boolean }>(
        `WITH refill AS (
           SELECT LEAST($2::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM ($3::timestamptz - b.at)) * 1000) * $4)
             AS tokens FROM rate_buckets b WHERE b.key = $1)
         INSERT INTO rate_buckets AS b (key, tokens, at, allowed) VALUES ($1, $2::float8 - 1, $3, true)
         ON CONFLICT (key) DO UPDATE SET
           tokens = (SELECT CASE WHEN r.tokens >= 1 THEN r.tokens - 1 ELSE r.tokens END FROM refill r),
           allowed = (SELECT r.tokens >= 1 FROM refill r),
           at = GREATEST(b.at, $3)
         RETURNING b.tokens, b.allowed`,
        [`${kind}\n${key}`, limit.burst, new Date(nowMs), perMs],
      )
      if (!row || row.allowed) return 0
      return Math.ceil((1 - Number(row.tokens)) / perMs / 1000)
    },
  }
}
