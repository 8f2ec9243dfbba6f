-- The wilayah binaan's figures per area and month (issue 15, Budgets; server/supervisor/figures-db.ts), kept in the
-- database so that every API process serves them without computing them again. Each row says what it was computed
-- from: the area's desa sequence number (desa_seqs.last_seq) it includes, and a key of everything else it depends
-- on (the area's bounds, its targets for the year, the clinical settings, the current month). Comparing both with
-- the present is the one query that tells whether a puskesmas' 30 areas are still up to date.
CREATE TABLE binaan_figures (
  area_id text NOT NULL REFERENCES work_areas (id) ON DELETE CASCADE,
  month text NOT NULL,
  desa_key text NOT NULL,
  desa_seq bigint NOT NULL,
  inputs text NOT NULL,
  -- The overview's card (src/protocol/supervisor.ts AreaSummary, without what is read live: kaders, NIKs).
  summary jsonb NOT NULL,
  -- The area's page: figures only, and by name the overdue referrals and data-quality flags.
  detail jsonb NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (area_id, month)
);

-- The NIKs of each area's live members, as a hash: a NIK registered in two areas of a supervisor's scope is found by
-- one query, without reading the areas' records. `who` names the member for the area's page.
CREATE TABLE binaan_niks (
  area_id text NOT NULL REFERENCES work_areas (id) ON DELETE CASCADE,
  member_id text NOT NULL,
  nik_hash text NOT NULL,
  who jsonb NOT NULL,
  PRIMARY KEY (area_id, member_id)
);
CREATE INDEX binaan_niks_hash ON binaan_niks (nik_hash);
