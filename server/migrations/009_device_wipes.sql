-- Devices to wipe (CLI `device wipe`, docs/security.md "Lost phone"): at its next sync the device sends what it
-- may, hears it (GET /device), and deletes its vault and its records. Only the device id: nothing about the phone.
CREATE TABLE device_wipes (
  device_id text PRIMARY KEY,
  requested_at timestamptz NOT NULL
);
