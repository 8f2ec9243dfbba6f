// Roles and their scope (issue 15; migration 006). Every account syncs its own work area, as a kader's always did;
// a supervisor's role adds the areas she may read in the wilayah binaan:
//   bidan: the areas of her own area's desa, or an explicit list (user_areas) that holds her own area;
//   puskesmas: the areas of her own area's kecamatan; admin: every area; kader: none.
// The scope is read from the database on every request, so a role taken away stops the next request.
import { areaName } from '../src/domain/work-area'
import { ROLES, type Role } from '../src/protocol/roles'
import type { WorkAreaInfo } from '../src/protocol/wire'
import { type AreaRow, toWorkArea } from './accounts'
import { AccountError } from './admin'
import type { Database } from './db'

const AREA_COLUMNS = 'w.id AS area_id, w.kabupaten, w.kecamatan, w.desa, w.dusun, w.rw, w.rt'

const sameName = (a: string, b: string) => areaName(a) === areaName(b)

/** The work areas a user may read as a supervisor, by id; empty for a kader (or an unknown user). */
export async function areasInScope(db: Database, userId: string): Promise<WorkAreaInfo[]> {
  const [user] = await db.query<AreaRow & { role: Role }>(
    `SELECT u.role, ${AREA_COLUMNS} FROM users u JOIN work_areas w ON w.id = u.work_area_id WHERE u.id = $1`,
    [userId],
  )
  if (!user || user.role === 'kader') return []
  const listed = await db.query<AreaRow>(
    `SELECT ${AREA_COLUMNS} FROM user_areas a JOIN work_areas w ON w.id = a.area_id WHERE a.user_id = $1
     ORDER BY w.id`,
    [userId],
  )
  if (user.role === 'bidan' && listed.length > 0) return listed.map(toWorkArea)
  const all = await db.query<AreaRow>(`SELECT ${AREA_COLUMNS} FROM work_areas w ORDER BY w.id`)
  const inKecamatan = (w: AreaRow) =>
    sameName(w.kabupaten, user.kabupaten) && sameName(w.kecamatan, user.kecamatan)
  const keep: (w: AreaRow) => boolean =
    user.role === 'admin'
      ? () => true
      : user.role === 'puskesmas'
        ? inKecamatan
        : (w) => inKecamatan(w) && sameName(w.desa, user.desa)
  return all.filter(keep).map(toWorkArea)
}

/** Sets a user's role; `areaIds` (a bidan only) lists her areas, which must include her own. */
export async function setRole(
  db: Database,
  username: string,
  role: string,
  areaIds: readonly string[] = [],
): Promise<void> {
  const name = username.trim().toLowerCase()
  const [user] = await db.query<{ id: string; work_area_id: string }>(
    'SELECT id, work_area_id FROM users WHERE username = $1',
    [name],
  )
  if (!user) throw new AccountError(`No user ${name}.`)
  const ids = await checkRole(db, name, user.work_area_id, role, areaIds)
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET role = $2 WHERE id = $1', [user.id, role])
    await tx.query('DELETE FROM user_areas WHERE user_id = $1', [user.id])
    if (ids.length > 0)
      await tx.query(
        `INSERT INTO user_areas (user_id, area_id) SELECT $1, jsonb_array_elements_text($2::jsonb)`,
        [user.id, JSON.stringify(ids)],
      )
  })
}

/**
 * Refuses a role the user may not have — an unknown one, a list of areas for another role than bidan, a list without
 * her own work area or with an unknown area — before anything is written (the CLI checks a new user's role before it
 * adds her). Returns the list's area ids.
 */
export async function checkRole(
  db: Database,
  name: string,
  workAreaId: string,
  role: string,
  areaIds: readonly string[] = [],
): Promise<string[]> {
  if (!(ROLES as readonly string[]).includes(role))
    throw new AccountError(`A role is one of ${ROLES.join(', ')}.`)
  if (areaIds.length > 0 && role !== 'bidan')
    throw new AccountError('Only a bidan has a list of areas; a puskesmas reads its kecamatan.')
  const ids = [...new Set(areaIds.map((a) => a.trim()).filter((a) => a !== ''))]
  if (ids.length > 0 && !ids.includes(workAreaId))
    throw new AccountError(`The list must hold ${name}'s own area ${workAreaId}: she syncs it.`)
  const known = await db.query<{ id: string }>(
    'SELECT id FROM work_areas WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(ids)],
  )
  const missing = ids.filter((id) => !known.some((k) => k.id === id))
  if (missing.length > 0) throw new AccountError(`No work area ${missing.join(', ')}.`)
  return ids
}
