// Where the PWS chart's marks go, as numbers (PwsChart.tsx draws them): January to December on x, percent of the
// annual sasaran on y; a bar per month reported (that month's coverage), the cumulative coverage as a line, and the
// target line — the target to date, rising to the annual target in December — over the whole year, so the gap to
// the year's end shows. Pure, tested by its numbers.
import type { CumulativeSeries } from '../../domain/pws'

export const CHART = { width: 320, height: 180, left: 34, right: 8, top: 10, bottom: 22 } as const

export interface Point {
  x: number
  y: number
}

export interface ChartGeometry {
  /** The y axis' top, in percent: 100, or more when a line goes above it, in steps of 20. */
  yMax: number
  yTicks: { value: number; y: number }[]
  /** One per month of the year: the label's x (the middle of its slot). */
  months: { index: number; x: number }[]
  bars: { month: string; x: number; y: number; width: number; height: number; percent: number }[]
  cumulative: Point[]
  target: Point[]
}

const round = (n: number) => Math.round(n * 100) / 100

/** undefined when the series has no sasaran to draw against. */
export function chartGeometry(
  series: Pick<CumulativeSeries, 'months' | 'targetPercent'>,
): ChartGeometry | undefined {
  const points = series.months
  if (points.length === 0 || points.some((m) => m.cumulativeCoverage === null)) return undefined
  const highest = Math.max(series.targetPercent, ...points.map((m) => (m.cumulativeCoverage ?? 0) * 100))
  const yMax = Math.max(100, Math.ceil(highest / 20) * 20)
  const plotWidth = CHART.width - CHART.left - CHART.right
  const plotHeight = CHART.height - CHART.top - CHART.bottom
  const slot = plotWidth / 12
  const x = (index: number) => round(CHART.left + slot * (index + 0.5))
  const y = (percent: number) => round(CHART.top + plotHeight * (1 - percent / yMax))
  const barWidth = round(slot * 0.6)
  return {
    yMax,
    yTicks: Array.from({ length: yMax / 20 + 1 }, (_, i) => ({ value: i * 20, y: y(i * 20) })),
    months: Array.from({ length: 12 }, (_, index) => ({ index, x: x(index) })),
    bars: points.map((m, index) => {
      const percent = (m.coverage ?? 0) * 100
      return {
        month: m.month,
        x: round(x(index) - barWidth / 2),
        y: y(percent),
        width: barWidth,
        height: round(y(0) - y(percent)),
        percent,
      }
    }),
    cumulative: points.map((m, index) => ({ x: x(index), y: y((m.cumulativeCoverage ?? 0) * 100) })),
    target: Array.from({ length: 12 }, (_, index) => ({
      x: x(index),
      y: y((series.targetPercent * (index + 1)) / 12),
    })),
  }
}

/** An SVG path through the points. */
export const linePath = (points: readonly Point[]) =>
  points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')
