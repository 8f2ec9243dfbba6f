-- Households that left a place (issue 16; docs/sync-protocol.md, "Pull"): a phone whose work area covered the old
-- place but not the new one learns on its next pull that the household left its scope, and drops it. One row per
-- move, numbered in the old desa's change sequence, so that a pull meets it in change order like a record.
-- Distributed by desa_key, co-located with records (docs/scaling.md).
CREATE TABLE departures (
  desa_key text NOT NULL,
  seq bigint NOT NULL,
  household_id text NOT NULL,
  -- The old place within the desa (the desa itself is desa_key's), normalised as records' (server/scope.ts).
  dusun text,
  rw text,
  rt text,
  PRIMARY KEY (desa_key, seq)
);

