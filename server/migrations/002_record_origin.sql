-- The device token whose push stored a visit or follow-up: that device's pulls skip it (it holds the record
-- already), while the cursor still moves past it. NULL for rows stored before this column.
ALTER TABLE records ADD COLUMN origin_token text;
