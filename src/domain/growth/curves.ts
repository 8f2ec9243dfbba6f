// Reference curves for the growth charts (KMS style): the weight or length/height a child of the given sex has at
// −3, −2, 0 (median), +2 and +3 SD, by age in days, from the same WHO LMS tables the z-scores use (lms.ts):
// SD(k) = M·(1 + L·S·k)^(1/L) — how WHO draws its own charts and computes the SD columns of its expanded tables.
//
//   growthCurves('wfa', 'L', 0, 0, 1) → [{ day: 0, sd: { '-3': 2.080, '-2': 2.459, '0': 3.3464, '2': 4.419, '3': 5.031 } }]
//
// Length/height-for-age: rows 0–730 d are recumbent length and 731–1826 d standing height, so the curves step down
// (≈ 0.7 cm) between day 730 and 731. A chart draws 0–730 and 731–1826 as two pieces and plots measurements
// adjusted by the 0.7 cm rule (zscore.ts header).
import { lmsRow } from './lms'
import { LHFA, WFA } from './tables.generated'
import type { Sex } from './zscore'

/** The SD lines of a KMS chart, as keys. */
export const CURVE_SDS = ['-3', '-2', '0', '2', '3'] as const
export type CurveSd = (typeof CURVE_SDS)[number]

export interface CurvePoint {
  /** Age in days (an integer row of the by-day table). */
  day: number
  /** kg (wfa) or cm (lhfa) at each SD. */
  sd: Record<CurveSd, number>
}

/** The last day of the WHO Child Growth Standards by-day tables (60 months). */
export const CURVES_LAST_DAY = 1826

/**
 * Curve values every `stepDays` days from `fromDay` to `toDay` (both included: the last point is `toDay` even when
 * it is off the step). Days are clamped to the table (0–1826) and rounded to whole rows; `stepDays` must be ≥ 1.
 */
export function growthCurves(
  indicator: 'wfa' | 'lhfa',
  sex: Sex,
  fromDay: number,
  toDay: number,
  stepDays: number,
): CurvePoint[] {
  if (!(stepDays >= 1) || !Number.isFinite(stepDays))
    throw new RangeError(`stepDays must be ≥ 1: ${stepDays}`)
  const table = indicator === 'wfa' ? WFA : LHFA
  const last = table.first + table.count - 1
  const from = Math.max(table.first, Math.ceil(fromDay))
  const to = Math.min(last, Math.floor(toDay))
  const out: CurvePoint[] = []
  if (!(from <= to)) return out
  const step = Math.round(stepDays)
  for (let day = from; ; day += step) {
    const at = Math.min(day, to)
    const row = lmsRow(table, sex, at - table.first)
    if (!row) break
    const { l, m, s } = row
    const value = (k: number) => m * (1 + l * s * k) ** (1 / l)
    out.push({ day: at, sd: { '-3': value(-3), '-2': value(-2), '0': m, '2': value(2), '3': value(3) } })
    if (at === to) break
  }
  return out
}
