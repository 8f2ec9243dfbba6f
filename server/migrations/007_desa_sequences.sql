-- Change sequences per desa (issue 16; docs/scaling.md). The one sync_state row every push locked is the ceiling
-- of a province: now each desa has its own sequence row, locked only by the pushes that write in that desa, and a
-- pull's cursor is a number per desa. desa_key — the distribution column for Citus — names a desa: the first 16 hex
-- digits of the md5 of its normalised kabupaten, kecamatan and desa names (server/scope.ts desaKey).
--
-- Existing records keep their sequence numbers, and every desa's sequence continues after the old global one
-- (sync_state.last_seq, frozen from now on as the floor new desas start at): an old phone's single cursor is a
-- valid cursor of its desa, so it is answered correctly and skips nothing.
ALTER TABLE records ADD COLUMN desa_key text;
UPDATE records SET desa_key = left(md5(kabupaten || E'\n' || kecamatan || E'\n' || desa), 16)
WHERE entity = 'households';
UPDATE records r SET desa_key = h.desa_key FROM records h
WHERE r.entity <> 'households' AND h.entity = 'households' AND h.id = r.household_id;
-- Nothing hangs off a household the server does not have (push checks the parent); none is left without a desa.
ALTER TABLE records ALTER COLUMN desa_key SET NOT NULL;
-- Every unique key holds the distribution column (Citus requires it). A record id is still unique: push looks an
-- id up in every desa before it stores a new one (server/sync/batch.ts), through records_entity_id.
ALTER TABLE records DROP CONSTRAINT records_pkey;
ALTER TABLE records ADD PRIMARY KEY (desa_key, entity, id);
DROP INDEX records_seq;
CREATE UNIQUE INDEX records_desa_seq ON records (desa_key, seq);
DROP INDEX records_household_seq;
CREATE INDEX records_household_seq ON records (desa_key, household_id, seq);
CREATE INDEX records_entity_id ON records (entity, id);

-- One row per desa: its last sequence number, and the epoch (sync_epochs) of the last push that wrote it.
CREATE TABLE desa_seqs (
  desa_key text PRIMARY KEY,
  last_seq bigint NOT NULL,
  epoch text
);
INSERT INTO desa_seqs (desa_key, last_seq, epoch)
SELECT DISTINCT r.desa_key, s.last_seq,
  (SELECT id FROM sync_epochs ORDER BY started_at DESC, id DESC LIMIT 1)
FROM records r CROSS JOIN sync_state s;
-- Where a desa's sequence stood when an epoch ended for it (the first push of a later epoch writes it): a cursor
-- of that epoch beyond it was handed out by a database since restored from backup (server/sync/epochs.ts).
CREATE TABLE desa_epoch_ends (
  desa_key text NOT NULL,
  epoch text NOT NULL,
  end_seq bigint NOT NULL,
  PRIMARY KEY (desa_key, epoch)
);

-- Applied change ids live with the records they changed, in their desa.
ALTER TABLE applied_changes ADD COLUMN desa_key text;
UPDATE applied_changes a SET desa_key = r.desa_key FROM records r WHERE r.entity = a.entity AND r.id = a.record_id;
-- A change of a record retention deleted since: sent again, it is refused like any change under a purged parent.
DELETE FROM applied_changes WHERE desa_key IS NULL;
ALTER TABLE applied_changes ALTER COLUMN desa_key SET NOT NULL;
ALTER TABLE applied_changes DROP CONSTRAINT applied_changes_pkey;
ALTER TABLE applied_changes ADD PRIMARY KEY (desa_key, change_id);
