-- Roles and the wilayah binaan (issue 15; server/roles.ts). Every account keeps its own work area — the one its
-- phone syncs, as a kader's always did — and a role saying which areas it may also read as a supervisor:
--   kader: none; bidan (bidan desa, pustu): the areas of her own area's desa, or the list in user_areas;
--   puskesmas: the areas of her own area's kecamatan; admin: every area.
-- Her own area lies inside that scope (the CLI checks it), so she never pushes records outside it.
ALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'kader'
  CHECK (role IN ('kader', 'bidan', 'puskesmas', 'admin'));

-- A bidan's explicit list of areas (a pustu covering posyandu of two desa); without rows, her desa.
CREATE TABLE user_areas (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  area_id text NOT NULL REFERENCES work_areas (id),
  PRIMARY KEY (user_id, area_id)
);

-- What each device last said of its outbox after a sync run: the supervisor sees each kader's last sync and how
-- many changes wait or were refused. Counts only, never a record.
CREATE TABLE device_status (
  token_id text PRIMARY KEY REFERENCES tokens (id) ON DELETE CASCADE,
  pending int NOT NULL CHECK (pending >= 0),
  rejected int NOT NULL CHECK (rejected >= 0),
  reported_at timestamptz NOT NULL
);

-- Annual targets the puskesmas enters per area, year and indicator (src/domain/pws/cumulative.ts AnnualTarget);
-- an indicator without a row measures against its registered count.
CREATE TABLE pws_targets (
  area_id text NOT NULL REFERENCES work_areas (id),
  year int NOT NULL,
  indicator text NOT NULL,
  sasaran int CHECK (sasaran >= 0),
  percent numeric CHECK (percent > 0 AND percent <= 100),
  PRIMARY KEY (area_id, year, indicator)
);
