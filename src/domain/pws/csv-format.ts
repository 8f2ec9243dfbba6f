// The CSV format of every PWS export (the kader's laporan bulanan, csv.ts; the puskesmas' file by posyandu,
// puskesmas-csv.ts), so Excel in an Indonesian Windows region opens them the same way:
//   - RFC 4180: CRLF line ends; a field holding the separator, a quote, CR or LF is quoted and its quotes doubled;
//     every row has the same number of fields (short rows are padded), which RFC 4180 §2.4 asks for.
//   - Separator ';': Excel splits on the list separator of the Windows region, and the Indonesian region's is ';'
//     (its decimal separator is ','), so a ',' file opens as one column there. No "sep=;" line: with it Excel
//     ignores the BOM and shows the text as ANSI.
//   - UTF-8 with a BOM (U+FEFF) so that Excel reads UTF-8 (names, "≥", "–") instead of the ANSI code page.
//   - Numbers: counts as integers; percentages with one decimal, decimal comma in 'id' (Indonesian Excel reads "91,7"
//     as a number), decimal point in 'en'. Dates DD-MM-YYYY in 'id', YYYY-MM-DD in 'en'.
//   - A text field starting with = + - @ (or a tab/CR) gets a leading apostrophe so Excel never runs it as a formula
//     (OWASP "CSV Injection"): names and addresses are typed by people.
import { toDayMonthYear } from '../dates'
import type { Lang } from '../text'
import { MONTH_NAMES } from './labels'
import type { Count, Ratio } from './types'

export const CSV_SEPARATOR = ';'
const BOM = '\uFEFF'
const CRLF = '\r\n'

export type Row = string[]

/** The rows as CSV text: BOM, ';', CRLF, every row padded to the widest. */
export function csvText(rows: readonly Row[]): string {
  const width = Math.max(...rows.map((r) => r.length))
  const lines = rows.map((r) =>
    [...r, ...Array<string>(width - r.length).fill('')].map(field).join(CSV_SEPARATOR),
  )
  return BOM + lines.join(CRLF) + CRLF
}

/** [section, code, label, number]. */
export function countRow(section: string, code: string, label: string, c: Count): Row {
  return [section, code, label, String(c.value)]
}

/** [section, code, label, numerator, denominator, percent]. */
export function ratioRow(section: string, code: string, label: string, r: Ratio, lang: Lang): Row {
  return [
    section,
    code,
    label,
    String(r.numerator.value),
    String(r.denominator.value),
    percent(r.value, lang),
  ]
}

/** Percent with one decimal; empty when there is nothing to divide by. */
export function percent(value: number | null, lang: Lang): string {
  if (value === null) return ''
  const text = (Math.round(value * 1000) / 10).toFixed(1)
  return lang === 'id' ? text.replace('.', ',') : text
}

export function date(iso: string, lang: Lang): string {
  return lang === 'id' ? toDayMonthYear(iso) : iso
}

export function monthName(month: string, lang: Lang): string {
  const [year, m] = month.split('-')
  return `${MONTH_NAMES[lang][Number(m) - 1] ?? m} ${year}`
}

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = new RegExp(`["${CSV_SEPARATOR}\r\n]`)

function field(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}
