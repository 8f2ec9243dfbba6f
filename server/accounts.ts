// Logging in and device tokens (tables users, tokens, work_areas; administration is admin.ts). Passwords are kept
// as a slow salted hash (scrypt); a device token is 32 random bytes shown once and kept only as its SHA-256, so a
// copy of the database lets nobody log in or sync. A token unused for TOKEN_IDLE_DAYS expires.
import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import type { Role } from '../src/protocol/roles'
import type { Account, WorkAreaInfo } from '../src/protocol/wire'
import type { Database } from './db'
import { type RateLimit, refillPerMs, takeSql, waitS } from './limits'

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>

/**
 * scrypt cost: N = 2^15, r = 8 (OWASP's 2023 minimum for scrypt) takes ≈ 60–100 ms and 32 MiB per login on one
 * core, slow for a password guesser, unnoticeable for a kader who logs in once per device.
 */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 }
/** Node refuses scrypt above 32 MiB by default; N·r·128 is exactly 32 MiB, so leave room. */
const SCRYPT_MAXMEM = 64 * 1024 * 1024
const KEY_BYTES = 32
const SALT_BYTES = 16
/** 256 bits: a token cannot be guessed, so a fast hash (SHA-256) is enough to store it. */
const TOKEN_BYTES = 32
/** A recovery key is an AES-256 key (src/data/crypto/keys.ts importRecoveryKey). */
const RECOVERY_KEY_BYTES = 32
/**
 * A device token expires after 90 days without use; every use renews it. A phone that syncs even once a quarter
 * stays logged in; a lost or sold phone's token stops working by itself.
 */
export const TOKEN_IDLE_DAYS = 90
/** How often a token's last use is written (the UPDATE in authenticate says the same hour). */
const TOUCH_EVERY_MS = 3_600_000

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await scryptAsync(password, salt, KEY_BYTES, { ...SCRYPT, maxmem: SCRYPT_MAXMEM })
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  )
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$')
  if (kind !== 'scrypt' || !n || !r || !p || salt === undefined || key === undefined) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT_MAXMEM,
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** Compared against when the username does not exist, so that a wrong username takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export interface AreaRow {
  area_id: string
  kabupaten: string
  kecamatan: string
  desa: string
  dusun: string | null
  rw: string | null
  rt: string | null
}
export interface UserRow extends AreaRow {
  user_id: string
  username: string
  display_name: string
  disabled: boolean
  role: Role
}

export const USER_COLUMNS = `u.id AS user_id, u.username, u.display_name, u.disabled, u.role, w.id AS area_id,
  w.kabupaten, w.kecamatan, w.desa, w.dusun, w.rw, w.rt`

export function toWorkArea(row: AreaRow): WorkAreaInfo {
  const w: WorkAreaInfo = {
    id: row.area_id,
    kabupaten: row.kabupaten,
    kecamatan: row.kecamatan,
    desa: row.desa,
  }
  if (row.dusun !== null) w.dusun = row.dusun
  if (row.rw !== null) w.rw = row.rw
  if (row.rt !== null) w.rt = row.rt
  return w
}

export function toAccount(row: UserRow): Account {
  return {
    user: { id: row.user_id, username: row.username, name: row.display_name, role: row.role },
    workArea: toWorkArea(row),
  }
}

/** Who a request is from: the account and the token (for rate limits and revocation). */
export interface Session extends Account {
  tokenId: string
  /** The device the token was issued to (login's deviceId): the only node its stamps may carry. */
  deviceId: string | null
}

/** Checks a username and password; on success stores a new device token and returns it with the account. */
export async function login(
  db: Database,
  username: string,
  password: string,
  deviceId: string | undefined,
  nowMs: number,
): Promise<(Account & { token: string; recoveryKey?: string }) | undefined> {
  const [row] = await db.query<UserRow & { password_hash: string }>(
    `SELECT ${USER_COLUMNS}, u.password_hash FROM users u JOIN work_areas w ON w.id = u.work_area_id
     WHERE u.username = $1`,
    [username.trim().toLowerCase()],
  )
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
  const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash))
  if (!row || !ok || row.disabled) return undefined
  const token = randomBytes(TOKEN_BYTES).toString('base64url')
  await db.query(
    'INSERT INTO tokens (id, user_id, token_hash, device_id, created_at) VALUES ($1, $2, $3, $4, $5)',
    [randomUUID(), row.user_id, hashToken(token), deviceId ?? null, new Date(nowMs)],
  )
  const recoveryKey = deviceId ? await deviceRecoveryKey(db, row.user_id, deviceId, nowMs) : undefined
  return { ...toAccount(row), token, ...(recoveryKey ? { recoveryKey } : {}) }
}

/** The recovery key of an account on a device (migration 008): made at its first login there, then the same. */
async function deviceRecoveryKey(
  db: Database,
  userId: string,
  deviceId: string,
  nowMs: number,
): Promise<string> {
  await db.query(
    `INSERT INTO device_keys (user_id, device_id, recovery_key, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, device_id) DO NOTHING`,
    [userId, deviceId, randomBytes(RECOVERY_KEY_BYTES), new Date(nowMs)],
  )
  const [key] = await db.query<{ recovery_key: Uint8Array }>(
    'SELECT recovery_key FROM device_keys WHERE user_id = $1 AND device_id = $2',
    [userId, deviceId],
  )
  if (!key) throw new Error('device_keys row missing after insert')
  return Buffer.from(key.recovery_key).toString('base64url')
}

/** The rate limit's bucket of a token is keyed by its id (limits.ts), so only a valid token ever has one. */
const AUTH_STATEMENT = `WITH t AS (
    SELECT ${USER_COLUMNS}, t.id AS token_id, t.device_id, t.last_used_at FROM tokens t
    JOIN users u ON u.id = t.user_id JOIN work_areas w ON w.id = u.work_area_id
    WHERE t.token_hash = $1 AND t.revoked_at IS NULL
      AND COALESCE(t.last_used_at, t.created_at) > $2::timestamptz - make_interval(days => $3)),
  taken AS (${takeSql(`$6::text || t.token_id`, 'FROM t WHERE NOT t.disabled', { burst: '$4', now: '$2', perMs: '$5' })})
  SELECT t.*, taken.tokens, taken.allowed FROM t LEFT JOIN taken ON true`

/**
 * The session of a bearer token at `nowMs`, and the seconds it must wait under the per-token limit `perToken` (0:
 * none) — one statement for both, a round trip on every request. Undefined for an unknown, revoked or expired token
 * (unused for TOKEN_IDLE_DAYS), or a disabled account, which take nothing from any bucket. A use renews the token.
 */
export async function authenticate(
  db: Database,
  token: string,
  nowMs: number,
  perToken: RateLimit,
): Promise<{ session: Session; waitS: number } | undefined> {
  const now = new Date(nowMs)
  const [row] = await db.query<
    UserRow & {
      token_id: string
      device_id: string | null
      last_used_at: Date | string | null
      tokens: number | null
      allowed: boolean | null
    }
  >(AUTH_STATEMENT, [
    hashToken(token),
    now,
    TOKEN_IDLE_DAYS,
    perToken.burst,
    refillPerMs(perToken),
    'token\n',
  ])
  if (!row || row.disabled) return undefined
  // At most one write per token per hour, and no statement at all otherwise (a round trip on every request): renews
  // the token, and tells an admin which devices are still in use.
  const lastUsedMs = row.last_used_at === null ? Number.NaN : new Date(row.last_used_at).getTime()
  if (!(lastUsedMs >= nowMs - TOUCH_EVERY_MS))
    await db.query(
      `UPDATE tokens SET last_used_at = $2
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 hour')`,
      [row.token_id, now],
    )
  const taken = row.allowed === null ? undefined : { tokens: row.tokens ?? 0, allowed: row.allowed }
  return {
    session: { ...toAccount(row), tokenId: row.token_id, deviceId: row.device_id },
    waitS: waitS(taken, perToken),
  }
}
