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

export function markdown(rows: Row[], meta: Record<string, string>): string {
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
  return `${lines.join('\n')}\n`
}

export function writeReport(
  dir: string,
  rows: Row[],
  meta: Record<string, string>,
  details: unknown,
): string {
  mkdirSync(dir, { recursive: true })
  const md = markdown(rows, meta)
  const json = { meta, rows: rows.map((r) => ({ ...r, status: statusOf(r) })), details }
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`)
  writeFileSync(join(dir, 'latest.md'), md)
  return md
}
