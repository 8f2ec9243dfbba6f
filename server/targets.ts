// The puskesmas' annual targets per area, year and indicator (table pws_targets; src/domain/pws/cumulative.ts
// AnnualTarget): set with the CLI, read by the wilayah binaan's computation. An indicator without a row measures
// against its registered count.
import { type AnnualTarget, CUMULATIVE_DEFINITIONS, type PwsTargets } from '../src/domain/pws'
import { AccountError } from './admin'
import type { Database } from './db'

export interface TargetRow {
  year: number
  indicator: string
  sasaran: number | null
  percent: number | null
}

const INDICATORS = new Set(CUMULATIVE_DEFINITIONS.map((d) => d.id))

export async function setTarget(
  db: Database,
  t: { areaId: string; year: number; indicator: string; sasaran?: number; percent?: number },
): Promise<void> {
  if (!Number.isInteger(t.year) || t.year < 2000 || t.year > 2100)
    throw new AccountError('--year is a year, e.g. 2026.')
  if (!INDICATORS.has(t.indicator))
    throw new AccountError(`No indicator ${t.indicator}; one of ${[...INDICATORS].join(', ')}.`)
  if (t.sasaran !== undefined && !(Number.isInteger(t.sasaran) && t.sasaran >= 0))
    throw new AccountError('--sasaran is a whole number of people.')
  if (t.percent !== undefined && !(t.percent > 0 && t.percent <= 100))
    throw new AccountError('--percent is above 0 and at most 100.')
  const [area] = await db.query('SELECT id FROM work_areas WHERE id = $1', [t.areaId])
  if (!area) throw new AccountError(`No work area ${t.areaId}.`)
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM pws_targets WHERE area_id = $1 AND year = $2 AND indicator = $3', [
      t.areaId,
      t.year,
      t.indicator,
    ])
    if (t.sasaran !== undefined || t.percent !== undefined)
      await tx.query(
        'INSERT INTO pws_targets (area_id, year, indicator, sasaran, percent) VALUES ($1, $2, $3, $4, $5)',
        [t.areaId, t.year, t.indicator, t.sasaran ?? null, t.percent ?? null],
      )
  })
}

export async function listTargets(db: Database, areaId: string, year?: number): Promise<TargetRow[]> {
  const rows = await db.query<{ year: number; indicator: string; sasaran: number | null; percent: unknown }>(
    `SELECT year, indicator, sasaran, percent FROM pws_targets WHERE area_id = $1 AND ($2::int IS NULL OR year = $2)
     ORDER BY year, indicator`,
    [areaId, year ?? null],
  )
  return rows.map((r) => ({ ...r, percent: r.percent === null ? null : Number(r.percent) }))
}

/** The targets of several areas' year, by area id (one query for a puskesmas' 30 areas). */
export async function targetsOfAreas(
  db: Database,
  areaIds: readonly string[],
  year: number,
): Promise<Map<string, PwsTargets>> {
  const rows = await db.query<{
    area_id: string
    indicator: string
    sasaran: number | null
    percent: unknown
  }>(
    `SELECT area_id, indicator, sasaran, percent FROM pws_targets
     WHERE year = $1 AND area_id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [year, JSON.stringify(areaIds)],
  )
  const byArea = new Map<string, Record<string, AnnualTarget>>()
  for (const r of rows) {
    const targets = byArea.get(r.area_id) ?? {}
    targets[r.indicator] = {
      ...(r.sasaran === null ? {} : { sasaran: r.sasaran }),
      ...(r.percent === null ? {} : { percent: Number(r.percent) }),
    }
    byArea.set(r.area_id, targets)
  }
  return byArea
}

/** The targets of an area's year, as the indicators take them. */
export async function targetsOf(db: Database, areaId: string, year: number): Promise<PwsTargets> {
  const targets: Record<string, { sasaran?: number; percent?: number }> = {}
  for (const r of await listTargets(db, areaId, year))
    targets[r.indicator] = {
      ...(r.sasaran === null ? {} : { sasaran: r.sasaran }),
      ...(r.percent === null ? {} : { percent: r.percent }),
    }
  return targets
}
