// Administration of kader accounts and work areas (the CLI, the demo seed and tests): add, list, disable, enable,
// delete, a new password, token revocation. Every function checks its input and throws AccountError, which the
// CLI prints; nothing here is reachable through the API.
import { randomUUID } from 'node:crypto'
import { areaName } from '../src/domain/work-area'
import type { Account, WorkAreaInfo } from '../src/protocol/wire'
import { type AreaRow, hashPassword, toAccount, toWorkArea, USER_COLUMNS, type UserRow } from './accounts'
import type { Database, Sql } from './db'
import { DEMO } from './demo'

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,49}$/
export const MIN_PASSWORD_LENGTH = 8

export class AccountError extends Error {
  override readonly name = 'AccountError'
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AccountError(`A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
}

/** Whether an area lies in the demo's desa (names compared as scope compares them). */
function inDemoDesa(w: { kabupaten: string; kecamatan: string; desa: string }): boolean {
  return (['kabupaten', 'kecamatan', 'desa'] as const).every((k) => areaName(w[k]) === areaName(DEMO.area[k]))
}

/** Administration (the CLI, the demo seed and tests); every function checks its input and throws AccountError. */
export function accountAdmin(db: Database) {
  /** The user's id; AccountError when there is none. */
  const userId = async (username: string): Promise<string> => {
    const name = username.trim().toLowerCase()
    const [row] = await db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [name])
    if (!row) throw new AccountError(`No user ${name}.`)
    return row.id
  }
  const revokeAll = (sql: Sql, id: string) =>
    sql.query('UPDATE tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id])

  return {
    /** `demo` only for the demo seed: no other work area may be made in the demo's fictitious desa. */
    async addWorkArea(area: WorkAreaInfo, opts: { demo?: boolean } = {}): Promise<WorkAreaInfo> {
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
      if (!opts.demo && inDemoDesa({ kabupaten: w.kabupaten, kecamatan: w.kecamatan, desa: w.desa }))
        throw new AccountError(`${w.desa} is the demo's fictitious desa: no real work area may share it.`)
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
      checkPassword(u.password)
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

    async listUsers(): Promise<(Account & { disabled: boolean })[]> {
      const rows = await db.query<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users u JOIN work_areas w ON w.id = u.work_area_id ORDER BY u.username`,
      )
      return rows.map((r) => ({ ...toAccount(r), disabled: r.disabled }))
    },

    /** A disabled kader cannot log in, and every token of theirs is revoked at once; enabling needs a new login. */
    async setDisabled(username: string, disabled: boolean): Promise<void> {
      const id = await userId(username)
      await db.transaction(async (tx) => {
        await tx.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, disabled])
        if (disabled) await revokeAll(tx, id)
      })
    },

    /** A new password; every token of the account is revoked (a password that leaked logs nobody in any more). */
    async setPassword(username: string, password: string): Promise<void> {
      const id = await userId(username)
      checkPassword(password)
      const hash = await hashPassword(password)
      await db.transaction(async (tx) => {
        await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, hash])
        await revokeAll(tx, id)
      })
    },

    /**
     * Deletes an account and its tokens. The records its devices pushed stay: they belong to the work area, which
     * another kader may take over.
     */
    async deleteUser(username: string): Promise<void> {
      const id = await userId(username)
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM tokens WHERE user_id = $1', [id])
        await tx.query('DELETE FROM users WHERE id = $1', [id])
      })
    },

    /** Moves an account to another work area; its tokens are revoked (a device holds the old area's data). */
    async moveUser(username: string, workAreaId: string): Promise<void> {
      const id = await userId(username)
      await db.transaction(async (tx) => {
        await tx.query('UPDATE users SET work_area_id = $2 WHERE id = $1', [id, workAreaId])
        await revokeAll(tx, id)
      })
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

    /**
     * Marks a device to wipe (migration 009): its tokens stay valid so that it can send what it has; at the end of
     * its next sync it deletes its data (src/sync/wipe.ts). Returns how many live tokens the device has.
     */
    async wipeDevice(deviceId: string): Promise<number> {
      await db.query(
        'INSERT INTO device_wipes (device_id, requested_at) VALUES ($1, now()) ON CONFLICT (device_id) DO NOTHING',
        [deviceId],
      )
      const [row] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM tokens WHERE device_id = $1 AND revoked_at IS NULL',
        [deviceId],
      )
      return row?.n ?? 0
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
