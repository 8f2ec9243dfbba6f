-- Retention (UU 27/2022 PDP; docs/sync-protocol.md, "Retention"). An applied change id keeps only what idempotency
-- needs — which record it changed — never a copy of the record (a corrected NIK, a deleted person stayed there for
-- ever); server/retention.ts forgets it after 30 days. A deleted household or member keeps only its tombstone after
-- 90 days: purged_at says when its data was forgotten.
ALTER TABLE applied_changes DROP COLUMN result;
ALTER TABLE applied_changes DROP COLUMN user_id;
-- applied_at: the daily purge finds the old ones.
CREATE INDEX applied_changes_applied_at ON applied_changes (applied_at);
ALTER TABLE records ADD COLUMN purged_at timestamptz;
