// The LMS arithmetic WHO uses (anthro R/z-score-helper.R, anthroplus R/zscore-computation.R) and the decoding of the
// packed tables in tables.generated.ts. No rounding here: zscore.ts rounds once, at the end, as WHO does.
import type { PackedTable } from './tables.generated'

export interface Lms {
  l: number
  m: number
  s: number
}

/** 1 = laki-laki (male), 2 = perempuan (female), the WHO table coding. */
type SexColumns = readonly [l: Float64Array, m: Float64Array, s: Float64Array]

// Decoded once per table and sex, on first use; the growth module is loaded lazily, so this runs only when a
// z-score is actually asked for.
const decoded = new WeakMap<PackedTable, { male: SexColumns; female: SexColumns }>()

function decodeColumn(packed: string): Float64Array {
  const [decimals, deltas = ''] = packed.split(':')
  const scale = 10 ** Number(decimals)
  const parts = deltas.split(',')
  const out = new Float64Array(parts.length)
  let sum = 0
  parts.forEach((delta, i) => {
    sum += Number.parseInt(delta, 36)
    // An exact integer divided by an exact power of ten: the same double as parsing the CSV's decimal text.
    out[i] = sum / scale
  })
  return out
}

function columns(table: PackedTable, sex: 'L' | 'P'): SexColumns {
  let entry = decoded.get(table)
  if (!entry) {
    const decode = (c: PackedTable['male']): SexColumns => [
      decodeColumn(c.l),
      decodeColumn(c.m),
      decodeColumn(c.s),
    ]
    entry = { male: decode(table.male), female: decode(table.female) }
    decoded.set(table, entry)
  }
  return sex === 'L' ? entry.male : entry.female
}

/** The row at `index` (0 = table.first), or undefined outside the table. */
export function lmsRow(table: PackedTable, sex: 'L' | 'P', index: number): Lms | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= table.count) return undefined
  const [l, m, s] = columns(table, sex)
  return { l: l[index] as number, m: m[index] as number, s: s[index] as number }
}

/**
 * Row `index` moved `fraction` (0 ≤ fraction < 1) of the way toward row index + 1, parameter by parameter — how
 * WHO interpolates between 0.1 cm rows (wfl/wfh) and between whole months (WHO 2007). A fraction of 0 needs no
 * next row, so the last row of a table can be used on its own.
 */
export function interpolatedRow(
  table: PackedTable,
  sex: 'L' | 'P',
  index: number,
  fraction: number,
): Lms | undefined {
  const low = lmsRow(table, sex, index)
  if (!low || !(fraction > 0)) return low
  const upp = lmsRow(table, sex, index + 1)
  if (!upp) return undefined
  return {
    l: low.l + fraction * (upp.l - low.l),
    m: low.m + fraction * (upp.m - low.m),
    s: low.s + fraction * (upp.s - low.s),
  }
}

/** WHO LMS z-score: ((y/M)^L − 1) / (S·L). No table row has L = 0 (the generator refuses one). */
export function lmsZ(y: number, { l, m, s }: Lms): number {
  return ((y / m) ** l - 1) / (s * l)
}

/** The measurement at k SD: M·(1 + L·S·k)^(1/L). */
function sdValue(k: number, { l, m, s }: Lms): number {
  return m * (1 + l * s * k) ** (1 / l)
}

/**
 * LMS z-score with WHO's restricted application beyond ±3 SD ("SD23"): outside ±3 the distance is measured in
 * units of the 2–3 SD interval on that side, because the LMS tails over-stretch for skewed measures (WHO MGRS,
 * Methods and development 2006, ch. 7; anthro compute_zscore_adjusted; clinical-rules.md §6.2).
 */
export function lmsZRestricted(y: number, p: Lms): number {
  const z = lmsZ(y, p)
  if (z > 3) {
    const sd3 = sdValue(3, p)
    return 3 + (y - sd3) / (sd3 - sdValue(2, p))
  }
  if (z < -3) {
    const sd3 = sdValue(-3, p)
    return -3 + (y - sd3) / (sdValue(-2, p) - sd3)
  }
  return z
}
