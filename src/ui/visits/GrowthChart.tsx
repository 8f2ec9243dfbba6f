// A KMS-style growth chart drawn as plain SVG (no chart library): age 0–60 months across, kg or cm up, the WHO
// curves at −3, −2, 0, +2 and +3 SD for the child's sex with the KMS colour bands between them, and the child's
// measurements joined by a line, the latest one highlighted. The lines are labelled and dashed differently, so
// nothing is told by colour alone; a visually hidden table gives screen readers every point.
//
// Length/height-for-age: measurements are plotted adjusted by WHO's 0.7 cm rule (standing before 731 days +0.7,
// lying from 731 days −0.7) — the same value the z-score uses (src/domain/growth/zscore.ts), so a point sits where
// its z-score says — and a note under the chart says how many points were adjusted; the table keeps the measured
// value beside the drawn one.
//
// It imports the WHO tables (via src/domain/growth): load it with React.lazy so they stay out of the first screen.
import './growth-chart.css'
import { type CSSProperties, useId, useMemo } from 'react'
import { ageOn, formatAge } from '../../domain/age'
import { daysBetween } from '../../domain/dates'
import {
  CURVE_SDS,
  CURVES_LAST_DAY,
  type CurvePoint,
  type CurveSd,
  DAYS_PER_MONTH,
  growthCurves,
} from '../../domain/growth'
import { formatDate, numberFormat, useI18n } from '../i18n'
import { historyMessages } from './history-messages'

export interface GrowthChartPoint {
  /** Visit date, YYYY-MM-DD. */
  date: string
  /** kg (wfa) or cm as measured (lhfa). */
  value: number
  /** lhfa: how the length/height was measured; decides the 0.7 cm adjustment. */
  position?: 'lying' | 'standing'
}

export interface GrowthChartProps {
  sex: 'L' | 'P'
  birthDate: string
  indicator: 'wfa' | 'lhfa'
  points: GrowthChartPoint[]
}

// Drawing units: the SVG scales to its box, and at a 360 px phone one unit is about one CSS pixel.
const W = 360
const H = 300
const PAD = { left: 34, right: 46, top: 22, bottom: 36 }
const PLOT_W = W - PAD.left - PAD.right
const PLOT_H = H - PAD.top - PAD.bottom
const MONTHS = 60
const HEIGHT_FROM_DAY = 731
const ADJUST_CM = 0.7
const STEP_DAYS = 14
/** Minimum vertical distance between two curve labels in the right margin. */
const LABEL_GAP = 11

const AXIS = {
  wfa: { unit: 'kg', grid: 1, label: 2 },
  lhfa: { unit: 'cm', grid: 5, label: 10 },
} as const

const SD_LABEL: Record<CurveSd, string> = {
  '-3': '−3 SD',
  '-2': '−2 SD',
  '0': '',
  '2': '+2 SD',
  '3': '+3 SD',
}

interface Plotted {
  /** Stable React key: the date and the point's place in the input. */
  key: string
  date: string
  ageDays: number
  measured: number
  value: number
  position?: 'lying' | 'standing'
  adjusted: boolean
}

/** Points within 0–60 months, oldest first, with the value to draw. */
function plotPoints(
  indicator: 'wfa' | 'lhfa',
  birthDate: string,
  points: GrowthChartPoint[],
): { plotted: Plotted[]; outside: number } {
  const plotted: Plotted[] = []
  let outside = 0
  for (const [index, p] of points.entries()) {
    if (!Number.isFinite(p.value) || p.value <= 0) continue
    const ageDays = daysBetween(birthDate, p.date)
    if (!(ageDays >= 0 && ageDays <= CURVES_LAST_DAY)) {
      outside += 1
      continue
    }
    let value = p.value
    if (indicator === 'lhfa' && p.position === 'standing' && ageDays < HEIGHT_FROM_DAY) value += ADJUST_CM
    if (indicator === 'lhfa' && p.position === 'lying' && ageDays >= HEIGHT_FROM_DAY) value -= ADJUST_CM
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
function curvePieces(indicator: 'wfa' | 'lhfa', sex: 'L' | 'P'): CurvePoint[][] {
  return indicator === 'lhfa'
    ? [
        growthCurves('lhfa', sex, 0, HEIGHT_FROM_DAY - 1, STEP_DAYS),
        growthCurves('lhfa', sex, HEIGHT_FROM_DAY, CURVES_LAST_DAY, STEP_DAYS),
      ]
    : [growthCurves('wfa', sex, 0, CURVES_LAST_DAY, STEP_DAYS)]
}

const xOf = (ageDays: number) => PAD.left + (ageDays / DAYS_PER_MONTH / MONTHS) * PLOT_W
const r1 = (n: number) => Math.round(n * 10) / 10

export default function GrowthChart({ sex, birthDate, indicator, points }: GrowthChartProps) {
  const { t, lang } = useI18n(historyMessages)
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const pieces = useMemo(() => curvePieces(indicator, sex), [indicator, sex])
  const { plotted, outside } = useMemo(
    () => plotPoints(indicator, birthDate, points),
    [indicator, birthDate, points],
  )
  const axis = AXIS[indicator]
  const unit = axis.unit

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

  // Curve labels in the right margin at the curves' last values, pushed apart so they never overlap.
  const lastRow = pieces.at(-1)?.at(-1)
  const labels = CURVE_SDS.map((k) => ({ k, y: lastRow ? yOf(lastRow.sd[k]) : 0 })).sort((a, b) => a.y - b.y)
  for (let i = 1; i < labels.length; i++) {
    const prev = labels[i - 1]
    const cur = labels[i]
    if (prev && cur && cur.y - prev.y < LABEL_GAP) cur.y = prev.y + LABEL_GAP
  }
  const overflow = (labels.at(-1)?.y ?? 0) - (PAD.top + PLOT_H)
  if (overflow > 0) for (const l of labels) l.y -= overflow

  const oneDecimal = numberFormat(lang, 1)
  const twoDecimals = numberFormat(lang, 2)
  const name = t(`chart.${indicator}.name`)
  const ageText = (date: string) => formatAge(ageOn(birthDate, date), lang)
  const latest = plotted.at(-1)
  const summary = !latest
    ? t('chart.summaryEmpty', { name })
    : t(plotted.length === 1 ? 'chart.summaryOne' : 'chart.summary', {
        name,
        n: plotted.length,
        value: `${oneDecimal.format(latest.value)} ${unit}`,
        age: ageText(latest.date),
      })
  const adjustedCount = plotted.filter((p) => p.adjusted).length

  const yTicks: number[] = []
  for (let v = lo; v <= hi + 1e-9; v += axis.grid) yTicks.push(Math.round(v * 10) / 10)
  const months = Array.from({ length: MONTHS + 1 }, (_, m) => m)
  const hatch = `${uid}-hatch`
  const childPath = plotted.map((p) => `${r1(xOf(p.ageDays))},${r1(yOf(p.value))}`).join('L')

  return (
    <figure className="growth-chart">
      <figcaption className="gc-caption">
        <strong>{t(`chart.${indicator}.short`)}</strong> — {name} ({t(`chart.sex.${sex}`)})
      </figcaption>
      <svg
        className="gc-svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        style={{ '--gc-hatch': `url("#${hatch}")` } as CSSProperties}
      >
        <defs>
          <pattern
            id={hatch}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#888" strokeWidth="1.5" />
          </pattern>
        </defs>
        <g className="gc-bands">
          <path className="gc-band gc-band-red" d={band('lo', '-3')} />
          <path className="gc-band gc-band-yellow" d={band('-3', '-2')} />
          <path className="gc-band gc-band-green" d={band('-2', '2')} />
          <path className="gc-band gc-band-yellow" d={band('2', '3')} />
          <path className="gc-band gc-band-red" d={band('3', 'hi')} />
        </g>
        <g className="gc-grid">
          {yTicks.map((v) => (
            <line
              key={`y${v}`}
              className={v % axis.label === 0 ? 'gc-gridline gc-gridline-major' : 'gc-gridline'}
              x1={PAD.left}
              x2={PAD.left + PLOT_W}
              y1={r1(yOf(v))}
              y2={r1(yOf(v))}
            />
          ))}
          {months
            .filter((m) => m % 6 === 0)
            .map((m) => (
              <line
                key={`x${m}`}
                className={m % 12 === 0 ? 'gc-gridline gc-gridline-major' : 'gc-gridline'}
                x1={r1(xOf(m * DAYS_PER_MONTH))}
                x2={r1(xOf(m * DAYS_PER_MONTH))}
                y1={PAD.top}
                y2={PAD.top + PLOT_H}
              />
            ))}
        </g>
        <g className="gc-curves">
          {CURVE_SDS.map((k) => (
            <path
              key={k}
              className={`gc-curve gc-curve-${k === '0' ? 'median' : `sd${k}`}`}
              data-sd={k}
              d={line(k)}
            />
          ))}
        </g>
        <g className="gc-axes">
          <line
            className="gc-axis"
            x1={PAD.left}
            x2={PAD.left + PLOT_W}
            y1={PAD.top + PLOT_H}
            y2={PAD.top + PLOT_H}
          />
          <line className="gc-axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + PLOT_H} />
          {months.map((m) => {
            const x = r1(xOf(m * DAYS_PER_MONTH))
            const long = m % 6 === 0
            return (
              <line
                key={m}
                className="gc-axis"
                x1={x}
                x2={x}
                y1={PAD.top + PLOT_H}
                y2={PAD.top + PLOT_H + (long ? 5 : 2.5)}
              />
            )
          })}
          {months
            .filter((m) => m % 6 === 0)
            .map((m) => (
              <text
                key={m}
                className={m % 12 === 0 ? 'gc-tick gc-tick-year' : 'gc-tick'}
                x={r1(xOf(m * DAYS_PER_MONTH))}
                y={PAD.top + PLOT_H + 15}
                textAnchor="middle"
              >
                {m}
              </text>
            ))}
          <text className="gc-axis-title" x={PAD.left + PLOT_W / 2} y={H - 4} textAnchor="middle">
            {t('chart.axisAge')}
          </text>
          {yTicks
            .filter((v) => v % axis.label === 0)
            .map((v) => (
              <text key={v} className="gc-tick" x={PAD.left - 4} y={r1(yOf(v)) + 3.5} textAnchor="end">
                {v}
              </text>
            ))}
          <text className="gc-axis-title" x={PAD.left - 4} y={11} textAnchor="end">
            {unit}
          </text>
        </g>
        <g className="gc-curve-labels">
          {labels.map(({ k, y }) => (
            <text
              key={k}
              className={`gc-curve-label gc-curve-label-${k === '0' ? 'median' : `sd${k}`}`}
              x={PAD.left + PLOT_W + 4}
              y={r1(y) + 3.5}
            >
              {k === '0' ? t('chart.median') : SD_LABEL[k]}
            </text>
          ))}
        </g>
        <g className="gc-child">
          {plotted.length > 1 && <path className="gc-child-line" d={`M${childPath}`} />}
          {plotted.map((p, i) => {
            const isLatest = i === plotted.length - 1
            return (
              <circle
                key={p.key}
                className={isLatest ? 'gc-point gc-latest' : 'gc-point'}
                cx={r1(xOf(p.ageDays))}
                cy={r1(yOf(p.value))}
                r={isLatest ? 4.5 : 2.75}
              />
            )
          })}
          {latest && (
            <text
              className="gc-latest-label"
              x={r1(xOf(latest.ageDays)) + (latest.ageDays / DAYS_PER_MONTH > MONTHS / 2 ? -7 : 7)}
              y={r1(yOf(latest.value)) - 7}
              textAnchor={latest.ageDays / DAYS_PER_MONTH > MONTHS / 2 ? 'end' : 'start'}
            >
              {oneDecimal.format(latest.value)} {unit}
            </text>
          )}
        </g>
      </svg>
      <ul className="gc-legend">
        <li>
          <span className="gc-swatch gc-swatch-green" aria-hidden="true" />
          {t('chart.legend.green')}
        </li>
        <li>
          <span className="gc-swatch gc-swatch-yellow" aria-hidden="true" />
          {t('chart.legend.yellow')}
        </li>
        <li>
          <span className="gc-swatch gc-swatch-red" aria-hidden="true" />
          {t('chart.legend.red')}
        </li>
      </ul>
      {adjustedCount > 0 && <p className="gc-note">{t('chart.adjusted', { n: adjustedCount })}</p>}
      {outside > 0 && <p className="gc-note">{t('chart.outOfRange', { n: outside })}</p>}
      {plotted.length > 0 && (
        <table className="visually-hidden">
          <caption>{name}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.table.date')}</th>
              <th scope="col">{t('chart.table.age')}</th>
              <th scope="col">{t('chart.table.value')}</th>
              {indicator === 'lhfa' && <th scope="col">{t('chart.table.position')}</th>}
              {adjustedCount > 0 && <th scope="col">{t('chart.table.plotted')}</th>}
            </tr>
          </thead>
          <tbody>
            {[...plotted].reverse().map((p) => (
              <tr key={p.key}>
                <td>{formatDate(p.date, lang)}</td>
                <td>{ageText(p.date)}</td>
                <td>
                  {twoDecimals.format(p.measured)} {unit}
                </td>
                {indicator === 'lhfa' && <td>{p.position ? t(`chart.position.${p.position}`) : ''}</td>}
                {adjustedCount > 0 && (
                  <td>
                    {twoDecimals.format(p.value)} {unit}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  )
}
