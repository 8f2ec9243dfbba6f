-- Rate and login limits shared by every API process (issue 16; server/limits.ts): one token bucket per key — a
-- device token, a username and address, an address. Written on every limited request; a bucket idle for a day is
-- full again and is deleted by the daily purge (server/retention.ts).
CREATE TABLE rate_buckets (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  at timestamptz NOT NULL,
  -- Whether the last request taken from the bucket was let through.
  allowed boolean NOT NULL
);
CREATE INDEX rate_buckets_at ON rate_buckets (at);
