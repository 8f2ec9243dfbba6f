// Kader accounts, their work areas and device tokens (tables work_areas, users, tokens). Passwords are kept as a
// slow salted hash (scrypt); a device token is 32 random bytes shown once and kept only as its SHA-256, so a copy
// of the database lets nobody log in or sync.
import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import type { Account, WorkAreaInfo } from '../src/protocol/wire'
import type { Database, Sql } from './db'

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

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,49}$/
export const MIN_PASSWORD_LENGTH = 8

export class AccountError extends Error {
  override readonly name = 'AccountError'
}

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

interface AreaRow {
  area_id: string
  kabupaten: string
  kecamatan: string
  desa: string
  dusun: string | null
  rw: string | null
  rt: string | null
}
interface UserRow extends AreaRow {
  user_id: string
  username: string
  display_name: string
  disabled: boolean
}

const USER_COLUMNS = `u.id AS user_id, u.username, u.display_name, u.disabled, w.id AS area_id,
  w.kabupaten, w.kecamatan, w.desa, w.dusun, w.rw, w.rt`

function toWorkArea(row: AreaRow): WorkAreaInfo {
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

function toAccount(row: UserRow): Account {
  return {
    user: { id: row.user_id, username: row.username, name: row.display_name },
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
): Promise<(Account & { token: string }) | undefined> {
  const [row] = await db.query<UserRow & { password_hash: string }>(
    `SELECT ${USER_COLUMNS}, u.password_hash FROM users u JOIN work_areas w ON w.id = u.work_area_id
     WHERE u.username = $1`,
    [username.trim().toLowerCase()],
  )
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
  const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash))
  if (!row || !ok || row.disabled) return undefined
  const token = randomBytes(TOKEN_BYTES).toString('base64url')
  await db.query('INSERT INTO tokens (id, user_id, token_hash, device_id) VALUES ($1, $2, $3, $4)', [
    randomUUID(),
    row.user_id,
    hashToken(token),
    deviceId ?? null,
  ])
  return { ...toAccount(row), token }
}

/** The session of a bearer token; undefined for an unknown or revoked token, or a disabled account. */
export async function authenticate(db: Database, token: string): Promise<Session | undefined> {
  const [row] = await db.query<UserRow & { token_id: string; device_id: string | null }>(
    `SELECT ${USER_COLUMNS}, t.id AS token_id, t.device_id FROM tokens t JOIN users u ON u.id = t.user_id
     JOIN work_areas w ON w.id = u.work_area_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [hashToken(token)],
  )
  if (!row || row.disabled) return undefined
  // At most one write per token per hour: enough to tell an admin which devices are still in use.
  await db.query(
    `UPDATE tokens SET last_used_at = now()
     WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 hour')`,
    [row.token_id],
  )
  return { ...toAccount(row), tokenId: row.token_id, deviceId: row.device_id }
}

/** Administration (the CLI, the demo seed and tests); every function checks its input and throws AccountError. */
export function accountAdmin(db: Database) {
  return {
    async addWorkArea(area: WorkAreaInfo): Promise<WorkAreaInfo> {
      const clean = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim())
      const w = {
        id: clean(area.id),
        kabupaten: clean(area.kabupaten),
        kecamatan: clean(area.kecamatan),
        desa: clean(area.desa),
      }
      if (!w.id || !w.kabupaten || !w.kecamatan || !w.desa)
        throw new AccountError('A work area needs an id, kabupaten, kecamatan and desa.')
      for (const n of [area.rw, area.rt])
        if (n !== undefined && !/^\d{1,3}$/.test(n.trim()))
          throw new AccountError('RW and RT are 1–3 digits.')
      await insertOrFail(
        db,
        `INSERT INTO work_areas (id, kabupaten, kecamatan, desa, dusun, rw, rt) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [w.id, w.kabupaten, w.kecamatan, w.desa, clean(area.dusun), clean(area.rw), clean(area.rt)],
        `Work area ${w.id} already exists.`,
      )
      const [row] = await db.query<AreaRow>(
        'SELECT id AS area_id, kabupaten, kecamatan, desa, dusun, rw, rt FROM work_areas WHERE id = $1',
        [w.id],
      )
      if (!row) throw new AccountError(`Work area ${w.id} was not stored.`)
      return toWorkArea(row)
    },

    async listWorkAreas(): Promise<WorkAreaInfo[]> {
      const rows = await db.query<AreaRow>(
        'SELECT id AS area_id, kabupaten, kecamatan, desa, dusun, rw, rt FROM work_areas ORDER BY id',
      )
      return rows.map(toWorkArea)
    },

    async addUser(u: {
      username: string
      password: string
      name?: string
      workAreaId: string
    }): Promise<Account> {
      const username = u.username.trim().toLowerCase()
      if (!USERNAME_RE.test(username))
        throw new AccountError('A username is 3–50 characters: a–z, 0–9, dot, dash, underscore.')
      if (u.password.length < MIN_PASSWORD_LENGTH)
        throw new AccountError(`A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
      const [area] = await db.query('SELECT id FROM work_areas WHERE id = $1', [u.workAreaId])
      if (!area) throw new AccountError(`No work area ${u.workAreaId}.`)
      const id = randomUUID()
      await insertOrFail(
        db,
        'INSERT INTO users (id, username, display_name, password_hash, work_area_id) VALUES ($1, $2, $3, $4, $5)',
        [id, username, u.name?.trim() || username, await hashPassword(u.password), u.workAreaId],
        `User ${username} already exists.`,
      )
      const [row] = await db.query<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users u JOIN work_areas w ON w.id = u.work_area_id WHERE u.id = $1`,
        [id],
      )
      if (!row) throw new AccountError(`User ${username} was not stored.`)
      return toAccount(row)
    },

    async listUsers(): Promise<Account[]> {
      const rows = await db.query<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users u JOIN work_areas w ON w.id = u.work_area_id ORDER BY u.username`,
      )
      return rows.map(toAccount)
    },

    async userCount(): Promise<number> {
      const [row] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM users')
      return Number(row?.n ?? 0)
    },

    async listTokens(username: string) {
      return db.query<{ id: string; device_id: string | null; created_at: Date; last_used_at: Date | null }>(
        `SELECT t.id, t.device_id, t.created_at, t.last_used_at FROM tokens t JOIN users u ON u.id = t.user_id
         WHERE u.username = $1 AND t.revoked_at IS NULL ORDER BY t.created_at`,
        [username.trim().toLowerCase()],
      )
    },

    /** Revokes one token by its id, or every live token of a user; returns how many were revoked. */
    async revokeTokens(by: { tokenId: string } | { username: string }): Promise<number> {
      const rows =
        'tokenId' in by
          ? await db.query(
              'UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
              [by.tokenId],
            )
          : await db.query(
              `UPDATE tokens SET revoked_at = now() WHERE revoked_at IS NULL
               AND user_id = (SELECT id FROM users WHERE username = $1) RETURNING id`,
              [by.username.trim().toLowerCase()],
            )
      return rows.length
    },
  }
}
export type AccountAdmin = ReturnType<typeof accountAdmin>

/** Inserts a row; a unique-key violation (SQLSTATE 23505) becomes an AccountError with `duplicate`. */
async function insertOrFail(sql: Sql, text: string, params: unknown[], duplicate: string): Promise<void> {
  try {
    await sql.query(text, params)
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') throw new AccountError(duplicate)
    throw error
  }
}
