// The benchmark's report: one row per figure with its budget and PASS/FAIL, written as bench/results/latest.json and
// as a markdown table (bench/results/latest.md, also printed).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Row {
  id: string
  label: string
  /** null: not measurable in this run (the note says why). */
  value: number | null
  unit: 'ms' | 'KiB' | 'MiB' | 'B' | 's' | 'count' | 'ratio'
  /** The budget: value must be at most this. Absent: reported for information only. */
  budget?: number
  /** PouchDB 7.3's figure for the same workload, same browser, same throttling. */
  pouch?: number | null
  note?: string
}

export type Status = 'PASS' | 'FAIL' | 'info' | 'n/a'

/** One workload measured on the app as built (encrypted at rest) and on its plain build, in the same run. */
export interface Pair {
  id: string
  label: string
  unit: Row['unit']
  encrypted: number | null
  plain: number | null
  /** The issue's budget for the encrypted figure: at most `times` × plain, plain + `plus`, or at most `max`. */
  budget?: { times: number } | { plus: number } | { max: number; what?: string }
  note?: string
}

/** The most the encrypted figure may be, or undefined (no budget, or no plain figure to measure it against). */
export function limitOf(pair: Pair): number | undefined {
  const b = pair.budget
  if (!b) return undefined
  if ('max' in b) return b.max
  if (pair.plain === null) return undefined
  return 'times' in b ? pair.plain * b.times : pair.plain + b.plus
}

export function pairStatus(pair: Pair): Status {
  if (pair.encrypted === null) return 'n/a'
  const limit = limitOf(pair)
  if (limit === undefined) return 'info'
  return pair.encrypted <= limit ? 'PASS' : 'FAIL'
}

export function statusOf(row: Row): Status {
  if (row.value === null) return 'n/a'
  const overBudget = row.budget !== undefined && row.value > row.budget
  const slowerThanPouch = row.pouch != null && row.value >= row.pouch
  if (overBudget || slowerThanPouch) return 'FAIL'
  return row.budget !== undefined || row.pouch != null ? 'PASS' : 'info'
}

const fmt = (value: number | null | undefined, unit: Row['unit']): string => {
  if (value === null || value === undefined) return '—'
  const digits = unit === 'ratio' ? 2 : Math.abs(value) >= 100 || unit === 'count' ? 0 : 1
  const n = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return unit === 'count' ? n : `${n} ${unit}`
}

function pairLines(pairs: Pair[]): string[] {
  if (pairs.length === 0) return []
  const lines = [
    '',
    '## Encryption at rest: the app beside its plain build, same run',
    '',
    '| workload | encrypted | plain | encrypted/plain | budget | status | note |',
    '|---|---:|---:|---:|---|---|---|',
  ]
  for (const p of pairs) {
    const ratio = p.encrypted !== null && p.plain ? (p.encrypted / p.plain).toFixed(2) : '—'
    const b = p.budget
    const limit = limitOf(p)
    const budget = !b
      ? '—'
      : 'times' in b
        ? `≤ ${b.times}× plain${limit === undefined ? '' : ` (${fmt(limit, p.unit)})`}`
        : 'plus' in b
          ? `≤ plain + ${fmt(b.plus, p.unit)}${limit === undefined ? '' : ` (${fmt(limit, p.unit)})`}`
          : `≤ ${fmt(b.max, p.unit)}${b.what ? ` (${b.what})` : ''}`
    lines.push(
      `| ${p.label} | ${fmt(p.encrypted, p.unit)} | ${fmt(p.plain, p.unit)} | ${ratio} | ${budget} | ${pairStatus(p)} | ${p.note ?? ''} |`,
    )
  }
  return lines
}

export function markdown(rows: Row[], meta: Record<string, string>, pairs: Pair[] = []): string {
  const lines = [
    '# Kader ILP benchmark',
    '',
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '| workload | result | budget | PouchDB 7.3 | ours/PouchDB | status | note |',
    '|---|---:|---:|---:|---:|---|---|',
  ]
  for (const row of rows) {
    const ratio = row.value !== null && row.pouch ? (row.value / row.pouch).toFixed(2) : '—'
    lines.push(
      `| ${row.label} | ${fmt(row.value, row.unit)} | ${row.budget === undefined ? '—' : `≤ ${fmt(row.budget, row.unit)}`} | ${row.pouch === undefined ? '—' : fmt(row.pouch, row.unit)} | ${ratio} | ${statusOf(row)} | ${row.note ?? ''} |`,
    )
  }
  lines.push(...pairLines(pairs))
  return `${lines.join('\n')}\n`
}

export function writeReport(
  dir: string,
  rows: Row[],
  meta: Record<string, string>,
  details: unknown,
  pairs: Pair[] = [],
): string {
  mkdirSync(dir, { recursive: true })
  const md = markdown(rows, meta, pairs)
  const json = {
    meta,
    rows: rows.map((r) => ({ ...r, status: statusOf(r) })),
    atRest: pairs.map((p) => ({ ...p, limit: limitOf(p) ?? null, status: pairStatus(p) })),
    details,
  }
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`)
  writeFileSync(join(dir, 'latest.md'), md)
  return md
}
