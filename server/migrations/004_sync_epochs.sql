-- Epochs of the change sequence: every server start opens one, beginning at the last sequence number. A pull
-- answers with the current epoch, and a phone sends back the epoch its cursor was read in: a cursor beyond where
-- that epoch ended (a restore from backup handed those numbers out again), or of an epoch this database never
-- had (another database), makes the phone pull again from 0. docs/sync-protocol.md, "Pull".
CREATE TABLE sync_epochs (
  id text PRIMARY KEY,
  -- last_seq when the epoch began: the epoch before it ended there.
  started_seq bigint NOT NULL,
  started_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
