-- A pull walks the area's households and takes their records after the cursor in seq order. With separate
-- household_id and seq indexes the planner ANDed a bitmap of every record after the cursor into each household's
-- probe (≈ 200 ms for a 1,000-record page of a 10,000-record desa on PGlite); (household_id, seq) makes each
-- probe one index range (≈ 45 ms). It also serves every lookup by household_id, so it replaces that index.
DROP INDEX records_household;
CREATE INDEX records_household_seq ON records (household_id, seq);
