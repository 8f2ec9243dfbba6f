// The wilayah binaan's figures in the database (migration 012): each area's month as its card and its page
// (compute.ts), with what they were computed from — the area's desa sequence number and a key of everything else —
// so that any API process serves them as long as both still hold; and each area's members' NIKs (hashed), so that a
// NIK registered in two areas of a scope is found by one query.
import { createHash } from 'node:crypto'
import type { NamedPerson } from '../../src/protocol/supervisor'
import type { Database } from '../db'
import type { AreaCard, AreaPage } from './compute'

export interface StoredFigures {
  areaId: string
  /** The sequence number of the area's desa the figures include, and that desa's now. */
  desaSeq: number
  lastSeq: number
  inputs: string
}

/** The key of what an area's month depends on besides its records. */
export const inputsKey = (parts: unknown): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22)

/** The stored cards (or pages) of the areas' month (no row: never computed), with their desas' sequence ends. */
export const storedCards = (db: Database, areaIds: readonly string[], month: string) =>
  stored<AreaCard>(db, areaIds, month, 'summary')

export const storedPages = (db: Database, areaIds: readonly string[], month: string) =>
  stored<AreaPage>(db, areaIds, month, 'detail')

async function stored<T>(
  db: Database,
  areaIds: readonly string[],
  month: string,
  column: 'summary' | 'detail',
): Promise<Map<string, StoredFigures & { value: T }>> {
  const rows = await db.query<{
    area_id: string
    desa_seq: string | number
    last_seq: string | number | null
    inputs: string
    value: T
  }>(
    `SELECT f.area_id, f.desa_seq, s.last_seq, f.inputs, f.${column} AS value FROM binaan_figures f
     LEFT JOIN desa_seqs s ON s.desa_key = f.desa_key
     WHERE f.area_id = ANY($1::text[]) AND f.month = $2`,
    [areaIds, month],
  )
  return new Map(
    rows.map((r) => [
      r.area_id,
      {
        areaId: r.area_id,
        desaSeq: Number(r.desa_seq),
        lastSeq: Number(r.last_seq ?? 0),
        inputs: r.inputs,
        value: r.value,
      },
    ]),
  )
}

export interface Computed {
  areaId: string
  desaKey: string
  desaSeq: number
  inputs: string
  card?: AreaCard
  page?: AreaPage
}

/**
 * Stores computed months in one statement; a row given without its card and page only moves on to `desaSeq` (its
 * area's records did not change). A row computed by another process from newer records is left as it is.
 */
export async function storeFigures(db: Database, month: string, rows: readonly Computed[], now: Date) {
  const whole = rows.filter((r) => r.card && r.page)
  if (whole.length > 0)
    await db.query(
      `INSERT INTO binaan_figures (area_id, month, desa_key, desa_seq, inputs, summary, detail, computed_at)
       SELECT x.area_id, $2, x.desa_key, x.desa_seq, x.inputs, x.card, x.page, $3
       FROM jsonb_to_recordset($1::jsonb) AS x(area_id text, desa_key text, desa_seq bigint, inputs text, card jsonb,
         page jsonb)
       ON CONFLICT (area_id, month) DO UPDATE SET desa_key = EXCLUDED.desa_key, desa_seq = EXCLUDED.desa_seq,
         inputs = EXCLUDED.inputs, summary = EXCLUDED.summary, detail = EXCLUDED.detail,
         computed_at = EXCLUDED.computed_at
       WHERE binaan_figures.desa_seq <= EXCLUDED.desa_seq`,
      [JSON.stringify(whole.map(toRow)), month, now],
    )
  const moved = rows.filter((r) => !(r.card && r.page))
  if (moved.length > 0)
    await db.query(
      `UPDATE binaan_figures f SET desa_seq = x.desa_seq
       FROM jsonb_to_recordset($1::jsonb) AS x(area_id text, desa_seq bigint)
       WHERE f.area_id = x.area_id AND f.month = $2 AND f.desa_seq < x.desa_seq`,
      [JSON.stringify(moved.map((r) => ({ area_id: r.areaId, desa_seq: r.desaSeq }))), month],
    )
}

const toRow = (r: Computed) => ({
  area_id: r.areaId,
  desa_key: r.desaKey,
  desa_seq: r.desaSeq,
  inputs: r.inputs,
  card: r.card,
  page: r.page,
})

/** Replaces an area's NIKs: its live members with a NIK, each named for the area's page. */
export async function storeNiks(
  db: Database,
  areaId: string,
  niks: readonly { nik: string; who: NamedPerson & { memberId: string } }[],
) {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM binaan_niks WHERE area_id = $1', [areaId])
    if (niks.length > 0)
      await tx.query(
        `INSERT INTO binaan_niks (area_id, member_id, nik_hash, who)
         SELECT $1, x.member_id, x.nik_hash, x.who FROM jsonb_to_recordset($2::jsonb)
           AS x(member_id text, nik_hash text, who jsonb)`,
        [
          areaId,
          JSON.stringify(
            niks.map((n) => ({ member_id: n.who.memberId, nik_hash: nikHash(n.nik), who: n.who })),
          ),
        ],
      )
  })
}

const nikHash = (nik: string) => createHash('sha256').update(`kader-ilp nik\n${nik}`).digest('base64url')

/** Members whose NIK is also registered in another of the areas, with those areas' ids (sorted). */
export async function duplicateNiks(
  db: Database,
  areaIds: readonly string[],
): Promise<{ who: NamedPerson; otherAreaIds: string[] }[]> {
  const rows = await db.query<{ who: NamedPerson; others: string[] }>(
    `SELECT n.who, array_agg(DISTINCT o.area_id ORDER BY o.area_id) AS others
     FROM binaan_niks n JOIN binaan_niks o ON o.nik_hash = n.nik_hash AND o.area_id <> n.area_id
     WHERE n.area_id = ANY($1::text[]) AND o.area_id = ANY($1::text[])
     GROUP BY n.area_id, n.member_id, n.who`,
    [areaIds],
  )
  // Sorted here: the database's collation may order ids otherwise than the app.
  return rows
    .map((r) => ({ who: r.who, otherAreaIds: [...r.others].sort(compare) }))
    .sort(
      (a, b) => compare(a.who.areaId, b.who.areaId) || compare(a.who.memberId ?? '', b.who.memberId ?? ''),
    )
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
