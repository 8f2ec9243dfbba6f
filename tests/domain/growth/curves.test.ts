// The KMS reference curves: WHO's medians straight from the tables, the SD lines from the LMS formula, matching
// WHO's published weight-for-age and length/height-for-age SD tables (rounded to 0.1 as WHO prints them).
import { describe, expect, it } from 'vitest'
import { CURVE_SDS, type CurveSd, growthCurves, zScore } from '../../../src/domain/growth'
import { lmsRow } from '../../../src/domain/growth/lms'
import { LHFA, WFA } from '../../../src/domain/growth/tables.generated'

const at = (indicator: 'wfa' | 'lhfa', sex: 'L' | 'P', day: number) => {
  const [point] = growthCurves(indicator, sex, day, day, 1)
  if (!point) throw new Error(`no curve point at day ${day}`)
  return point.sd
}
const rounded = (sd: Record<CurveSd, number>) => CURVE_SDS.map((k) => Math.round(sd[k] * 10) / 10)

describe('growthCurves', () => {
  it('has the WHO median at the table rows (boys, weight-for-age)', () => {
    expect(at('wfa', 'L', 0)['0']).toBe(3.3464)
    expect(at('wfa', 'L', 365)['0']).toBe(9.646)
    // WHO's by-month table gives 9.6479 at 12 months (365.25 days); the by-day row 365 is 9.6460.
    expect(at('wfa', 'L', 365)['0']).toBeCloseTo(9.6479, 2)
    expect(at('lhfa', 'P', 0)['0']).toBe(49.1477)
  })

  it('computes ±2 and ±3 SD with the LMS formula M·(1 + L·S·k)^(1/L)', () => {
    for (const [table, indicator] of [
      [WFA, 'wfa'],
      [LHFA, 'lhfa'],
    ] as const) {
      for (const day of [0, 200, 730, 731, 1500]) {
        const row = lmsRow(table, 'P', day)
        if (!row) throw new Error('no row')
        const sd = at(indicator, 'P', day)
        for (const k of [-3, -2, 2, 3])
          expect(sd[String(k) as CurveSd]).toBeCloseTo(row.m * (1 + row.l * row.s * k) ** (1 / row.l), 12)
      }
    }
  })

  it("reproduces WHO's published SD tables (−3, −2, median, +2, +3 SD)", () => {
    // WHO Child Growth Standards, weight-for-age and length/height-for-age z-score tables (by month).
    expect(rounded(at('wfa', 'L', 0))).toEqual([2.1, 2.5, 3.3, 4.4, 5.0])
    expect(rounded(at('wfa', 'L', 365))).toEqual([6.9, 7.7, 9.6, 12.0, 13.3])
    expect(rounded(at('wfa', 'L', 1826))).toEqual([12.4, 14.1, 18.3, 24.2, 27.9])
    expect(rounded(at('wfa', 'P', 0))).toEqual([2.0, 2.4, 3.2, 4.2, 4.8])
    expect(rounded(at('wfa', 'P', 1826))).toEqual([12.1, 13.7, 18.2, 24.9, 29.5])
    expect(rounded(at('lhfa', 'L', 0))).toEqual([44.2, 46.1, 49.9, 53.7, 55.6])
    expect(rounded(at('lhfa', 'L', 1826))).toEqual([96.1, 100.7, 110.0, 119.2, 123.9])
    expect(rounded(at('lhfa', 'P', 0))).toEqual([43.6, 45.4, 49.1, 52.9, 54.7])
  })

  it('agrees with zScore: a weight on the k SD curve scores k', () => {
    for (const day of [10, 400, 1200]) {
      const sd = at('wfa', 'L', day)
      for (const k of CURVE_SDS) {
        const result = zScore({ indicator: 'wfa', sex: 'L', ageDays: day, weightKg: sd[k] })
        expect(result.ok && result.z).toBeCloseTo(Number(k), 2)
      }
    }
  })

  it('orders the lines −3 < −2 < median < +2 < +3 at every age', () => {
    for (const indicator of ['wfa', 'lhfa'] as const)
      for (const sex of ['L', 'P'] as const)
        for (const { sd } of growthCurves(indicator, sex, 0, 1826, 30)) {
          const values = CURVE_SDS.map((k) => sd[k])
          expect([...values].sort((a, b) => a - b)).toEqual(values)
        }
  })

  it('shows the length-to-height step between day 730 and 731', () => {
    const [d730, d731] = growthCurves('lhfa', 'L', 730, 731, 1)
    expect(d730?.sd['0']).toBe(87.8018)
    expect(d731?.sd['0']).toBe(87.1303)
  })

  it('steps from fromDay and always ends at toDay', () => {
    expect(growthCurves('wfa', 'L', 0, 30, 7).map((p) => p.day)).toEqual([0, 7, 14, 21, 28, 30])
    expect(growthCurves('wfa', 'L', 0, 28, 7).map((p) => p.day)).toEqual([0, 7, 14, 21, 28])
    expect(growthCurves('lhfa', 'P', 0, 1826, 14).at(-1)?.day).toBe(1826)
  })

  it('clamps to the 0–1826 day table and refuses a step below one day', () => {
    expect(growthCurves('wfa', 'P', -10, 2, 1).map((p) => p.day)).toEqual([0, 1, 2])
    expect(growthCurves('wfa', 'P', 1825, 5000, 1).map((p) => p.day)).toEqual([1825, 1826])
    expect(growthCurves('wfa', 'P', 2000, 3000, 1)).toEqual([])
    expect(growthCurves('wfa', 'P', 10, 5, 1)).toEqual([])
    expect(() => growthCurves('wfa', 'P', 0, 10, 0)).toThrow(RangeError)
    expect(() => growthCurves('wfa', 'P', 0, 10, Number.NaN)).toThrow(RangeError)
  })
})
