// The geometry of a KMS-style growth chart, in SVG drawing units, as numbers and path strings — no React, tested by
// coordinates (tests/domain/growth/chart.test.ts); src/ui/visits/GrowthChart.tsx only draws what this returns.
// Age 0–60 months across, kg or cm up; the WHO curves at −3, −2, 0, +2 and +3 SD for the child's sex (curves.ts)
// with the KMS colour bands between them; the child's measurements, length/height adjusted by the 0.7 cm rule
// (length.ts) so that a point sits where its z-score says.
import { daysBetween } from '../dates'
import { CURVE_SDS, CURVES_LAST_DAY, type CurvePoint, type CurveSd, growthCurves } from './curves'
import { adjustedLength, HEIGHT_FROM_DAY, type Position } from './length'
import { DAYS_PER_MONTH, type Sex } from './zscore'

export interface GrowthChartPoint {
  /** Visit date, YYYY-MM-DD. */
  date: string
  /** kg (wfa) or cm as measured (lhfa). */
  value: number
  /** lhfa: how the length/height was measured; decides the 0.7 cm adjustment. */
  position?: Position
}

export interface GrowthChartInput {
  sex: Sex
  birthDate: string
  indicator: 'wfa' | 'lhfa'
  points: readonly GrowthChartPoint[]
}

/** A measurement on the chart. */
export interface PlottedPoint {
  /** Stable key: the date and the point's place in the input. */
  key: string
  date: string
  ageDays: number
  /** As measured. */
  measured: number
  /** As drawn: after the 0.7 cm rule for lhfa. */
  value: number
  position?: Position
  adjusted: boolean
  x: number
  y: number
}

export type BandTone = 'red' | 'yellow' | 'green'

export interface GrowthChartGeometry {
  /** The drawing's size (viewBox 0 0 width height). */
  width: number
  height: number
  /** The plot area's edges. */
  plot: { left: number; right: number; top: number; bottom: number }
  unit: 'kg' | 'cm'
  /** KMS colour bands, bottom to top: red below −3, yellow −3…−2, green −2…+2, yellow +2…+3, red above +3. */
  bands: { tone: BandTone; d: string }[]
  curves: { sd: CurveSd; d: string }[]
  /** Curve labels in the right margin, at the curves' last values, at least LABEL_GAP apart. */
  curveLabels: { sd: CurveSd; x: number; y: number }[]
  /** Horizontal grid lines; `labelled` ones carry their value on the left. */
  yTicks: { value: number; y: number; labelled: boolean }[]
  /** One tick per month; every 6 months a grid line, every 12 a year (major). */
  xTicks: { month: number; x: number; grid: boolean; year: boolean }[]
  /** Measurements within 0–60 months, oldest first. */
  points: PlottedPoint[]
  /** The line joining the points (two or more). */
  childPath?: string
  /** The latest point's value beside it, towards the middle of the chart. */
  latestLabel?: { x: number; y: number; anchor: 'start' | 'end'; value: number }
  /** Measurements outside 0–60 months (not drawn). */
  outside: number
  /** Points moved by the 0.7 cm rule. */
  adjustedCount: number
}

// Drawing units: the SVG scales to its box, and at a 360 px phone one unit is about one CSS pixel.
const W = 360
const H = 300
const PAD = { left: 34, right: 46, top: 22, bottom: 36 }
const PLOT_W = W - PAD.left - PAD.right
const PLOT_H = H - PAD.top - PAD.bottom
const MONTHS = 60
/** Curve points every two weeks: smooth at a phone's width, few enough to draw at once. */
const STEP_DAYS = 14
/** Minimum vertical distance between two curve labels in the right margin. */
export const LABEL_GAP = 11
/** Grid every `grid`, labels every `label` units. */
const AXIS = {
  wfa: { unit: 'kg', grid: 1, label: 2 },
  lhfa: { unit: 'cm', grid: 5, label: 10 },
} as const

const xOf = (ageDays: number) => PAD.left + (ageDays / DAYS_PER_MONTH / MONTHS) * PLOT_W
const r1 = (n: number) => Math.round(n * 10) / 10

export function growthChart({ sex, birthDate, indicator, points }: GrowthChartInput): GrowthChartGeometry {
  const pieces = curvePieces(indicator, sex)
  const { plotted, outside } = plotPoints(indicator, birthDate, points)
  const axis = AXIS[indicator]

  // The value range: the curves, widened to the child's points (but not to an absurd typo, which is drawn at the
  // edge instead), rounded out to whole labelled steps.
  const curveValues = pieces.flat().flatMap((p) => [p.sd['-3'], p.sd['3']])
  const curveMin = Math.min(...curveValues)
  const curveMax = Math.max(...curveValues)
  const sane = plotted.map((p) => p.value).filter((v) => v >= curveMin * 0.5 && v <= curveMax * 1.5)
  const lo = Math.max(0, Math.floor(Math.min(curveMin, ...sane) / axis.label) * axis.label)
  const hi = Math.ceil(Math.max(curveMax, ...sane) / axis.label) * axis.label
  const yOf = (v: number) => PAD.top + ((hi - Math.min(hi, Math.max(lo, v))) / (hi - lo)) * PLOT_H
  const xy = (p: CurvePoint, k: CurveSd) => `${r1(xOf(p.day))},${r1(yOf(p.sd[k]))}`

  const line = (k: CurveSd) => pieces.map((piece) => `M${piece.map((p) => xy(p, k)).join('L')}`).join('')
  const band = (lower: CurveSd | 'lo', upper: CurveSd | 'hi') =>
    pieces
      .map((piece) => {
        const first = piece[0]
        const last = piece.at(-1)
        if (!first || !last) return ''
        const edge = (v: number, p: CurvePoint) => `${r1(xOf(p.day))},${r1(yOf(v))}`
        const bottom = lower === 'lo' ? [edge(lo, first), edge(lo, last)] : piece.map((p) => xy(p, lower))
        const top =
          upper === 'hi' ? [edge(hi, last), edge(hi, first)] : [...piece].reverse().map((p) => xy(p, upper))
        return `M${[...bottom, ...top].join('L')}Z`
      })
      .join('')

  // Curve labels at the curves' last values, pushed apart so they never overlap, and back up into the plot.
  const lastRow = pieces.at(-1)?.at(-1)
  const labels = CURVE_SDS.map((sd) => ({
    sd,
    x: PAD.left + PLOT_W + 4,
    y: lastRow ? yOf(lastRow.sd[sd]) : 0,
  }))
  labels.sort((a, b) => a.y - b.y)
  for (let i = 1; i < labels.length; i++) {
    const prev = labels[i - 1]
    const cur = labels[i]
    if (prev && cur && cur.y - prev.y < LABEL_GAP) cur.y = prev.y + LABEL_GAP
  }
  const overflow = (labels.at(-1)?.y ?? 0) - (PAD.top + PLOT_H)
  if (overflow > 0) for (const l of labels) l.y -= overflow

  const yTicks: GrowthChartGeometry['yTicks'] = []
  for (let v = lo; v <= hi + 1e-9; v += axis.grid) {
    const value = Math.round(v * 10) / 10
    yTicks.push({ value, y: r1(yOf(value)), labelled: value % axis.label === 0 })
  }
  const xTicks = Array.from({ length: MONTHS + 1 }, (_, month) => ({
    month,
    x: r1(xOf(month * DAYS_PER_MONTH)),
    grid: month % 6 === 0,
    year: month % 12 === 0,
  }))

  const drawn = plotted.map((p) => ({ ...p, x: r1(xOf(p.ageDays)), y: r1(yOf(p.value)) }))
  const latest = drawn.at(-1)
  // Past the middle the label goes to the left of the point, so it stays inside the chart.
  const leftOfPoint = latest !== undefined && latest.ageDays / DAYS_PER_MONTH > MONTHS / 2
  return {
    width: W,
    height: H,
    plot: { left: PAD.left, right: PAD.left + PLOT_W, top: PAD.top, bottom: PAD.top + PLOT_H },
    unit: axis.unit,
    bands: [
      { tone: 'red', d: band('lo', '-3') },
      { tone: 'yellow', d: band('-3', '-2') },
      { tone: 'green', d: band('-2', '2') },
      { tone: 'yellow', d: band('2', '3') },
      { tone: 'red', d: band('3', 'hi') },
    ],
    curves: CURVE_SDS.map((sd) => ({ sd, d: line(sd) })),
    curveLabels: labels.map((l) => ({ ...l, y: r1(l.y) })),
    yTicks,
    xTicks,
    points: drawn,
    childPath: drawn.length > 1 ? `M${drawn.map((p) => `${p.x},${p.y}`).join('L')}` : undefined,
    latestLabel: latest && {
      x: latest.x + (leftOfPoint ? -7 : 7),
      y: latest.y - 7,
      anchor: leftOfPoint ? 'end' : 'start',
      value: latest.value,
    },
    outside,
    adjustedCount: plotted.filter((p) => p.adjusted).length,
  }
}

/** Points within 0–60 months, oldest first, with the value to draw. */
function plotPoints(
  indicator: 'wfa' | 'lhfa',
  birthDate: string,
  points: readonly GrowthChartPoint[],
): { plotted: Omit<PlottedPoint, 'x' | 'y'>[]; outside: number } {
  const plotted: Omit<PlottedPoint, 'x' | 'y'>[] = []
  let outside = 0
  for (const [index, p] of points.entries()) {
    if (!Number.isFinite(p.value) || p.value <= 0) continue
    const ageDays = daysBetween(birthDate, p.date)
    if (!(ageDays >= 0 && ageDays <= CURVES_LAST_DAY)) {
      outside += 1
      continue
    }
    const value = indicator === 'lhfa' ? adjustedLength(p.value, p.position, ageDays) : p.value
    plotted.push({
      key: `${p.date}-${index}`,
      date: p.date,
      ageDays,
      measured: p.value,
      value,
      position: p.position,
      adjusted: value !== p.value,
    })
  }
  plotted.sort((a, b) => a.ageDays - b.ageDays || a.date.localeCompare(b.date))
  return { plotted, outside }
}

/** The curves in pieces: length-for-age and height-for-age are separate pieces (the step at 24 months). */
function curvePieces(indicator: 'wfa' | 'lhfa', sex: Sex): CurvePoint[][] {
  return indicator === 'lhfa'
    ? [
        growthCurves('lhfa', sex, 0, HEIGHT_FROM_DAY - 1, STEP_DAYS),
        growthCurves('lhfa', sex, HEIGHT_FROM_DAY, CURVES_LAST_DAY, STEP_DAYS),
      ]
    : [growthCurves('wfa', sex, 0, CURVES_LAST_DAY, STEP_DAYS)]
}
