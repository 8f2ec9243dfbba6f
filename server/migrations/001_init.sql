-- Accounts, device tokens and synced records of the reference sync server (docs/sync-protocol.md).

-- A kader's area: a desa, optionally narrowed to a dusun, an RW and an RT. NULL means "all of them".
-- Names are kept as typed; the server normalises them (server/scope.ts) before comparing with an address.
CREATE TABLE work_areas (
  id text PRIMARY KEY,
  kabupaten text NOT NULL,
  kecamatan text NOT NULL,
  desa text NOT NULL,
  dusun text,
  rw text,
  rt text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  -- scrypt$N$r$p$salt$hash (base64url): the parameters travel with the hash so that they can be raised later.
  password_hash text NOT NULL,
  work_area_id text NOT NULL REFERENCES work_areas (id),
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Device tokens: only a SHA-256 of the token is kept; revoking sets revoked_at.
CREATE TABLE tokens (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  token_hash text NOT NULL UNIQUE,
  device_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX tokens_user ON tokens (user_id);

-- The change sequence: one row, locked by every push, so sequence numbers are handed out in commit order and a
-- pull never skips a change that commits later with a smaller number.
CREATE TABLE sync_state (
  id int PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL
);
INSERT INTO sync_state (id, last_seq) VALUES (1, 0);

-- Households and members, merged field by field. data holds the fields (null = cleared), hlcs the stamp of each.
-- household_id scopes the record: a household's own id, a member's household. The area columns (households only)
-- are the address normalised like work_areas, for the scope check of pulls.
CREATE TABLE records (
  entity text NOT NULL,
  id text NOT NULL,
  seq bigint NOT NULL,
  household_id text NOT NULL,
  kabupaten text,
  kecamatan text,
  desa text,
  dusun text,
  rw text,
  rt text,
  data jsonb NOT NULL,
  hlcs jsonb NOT NULL,
  -- The smallest stamp ever applied: createdAt, the same whatever order the changes arrived in.
  created_hlc text NOT NULL,
  -- Changes that set at least one field of the record.
  version int NOT NULL,
  PRIMARY KEY (entity, id)
);
-- seq: pulls page through records in change order.
CREATE UNIQUE INDEX records_seq ON records (seq);
-- household_id: a household's members (scope checks, re-sequencing members when a household moves).
CREATE INDEX records_household ON records (household_id);

-- Change ids already applied: a change delivered twice is applied once, and answered with the same result
-- (the record and stamps as they were right after the change).
CREATE TABLE applied_changes (
  change_id text PRIMARY KEY,
  user_id text NOT NULL,
  entity text NOT NULL,
  record_id text NOT NULL,
  result jsonb NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
