-- The recovery key of each account on each device (docs/security.md "Keys"): 32 random bytes, made at the device's
-- first login and given again to every later login of the same account from the same device, with the password.
-- The phone wraps its data key with it, so a kader who forgot the PIN recovers by logging in online. It opens
-- nothing without a copy of that phone's storage.
CREATE TABLE device_keys (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id text NOT NULL,
  recovery_key bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, device_id)
);
