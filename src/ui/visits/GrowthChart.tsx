// A KMS-style growth chart drawn as plain SVG (no chart library), from the geometry of src/domain/growth/chart.ts:
// the WHO curves with the KMS colour bands between them and the child's measurements joined by a line, the latest
// one highlighted. The lines are labelled and dashed differently, so nothing is told by colour alone; a visually
// hidden table gives screen readers every point, with the measured value beside the drawn one where the 0.7 cm rule
// moved it (clinical-rules.md §6.4).
//
// It imports the WHO tables (via src/domain/growth): load it with React.lazy so they stay out of the first screen.
import './growth-chart.css'
import { type CSSProperties, useId, useMemo } from 'react'
import { ageOn, formatAge } from '../../domain/age'
import { type CurveSd, type GrowthChartInput, growthChart } from '../../domain/growth'
import { formatDate, numberFormat, useI18n } from '../i18n'
import { historyMessages } from './history-messages'

export type { GrowthChartPoint } from '../../domain/growth'
export type GrowthChartProps = GrowthChartInput

const SD_LABEL: Record<CurveSd, string> = {
  '-3': '−3 SD',
  '-2': '−2 SD',
  '0': '',
  '2': '+2 SD',
  '3': '+3 SD',
}

const sdClass = (sd: CurveSd) => (sd === '0' ? 'median' : `sd${sd}`)

export default function GrowthChart(props: GrowthChartProps) {
  const { sex, birthDate, indicator, points } = props
  const { t, lang } = useI18n(historyMessages)
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const g = useMemo(
    () => growthChart({ sex, birthDate, indicator, points }),
    [sex, birthDate, indicator, points],
  )
  const { plot, unit, points: plotted, latestLabel } = g

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
  const hatch = `${uid}-hatch`

  return (
    <figure className="growth-chart">
      <figcaption className="gc-caption">
        <strong>{t(`chart.${indicator}.short`)}</strong> — {name} ({t(`chart.sex.${sex}`)})
      </figcaption>
      <svg
        className="gc-svg"
        viewBox={`0 0 ${g.width} ${g.height}`}
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
          {g.bands.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: five fixed bands, bottom to top
            <path key={i} className={`gc-band gc-band-${b.tone}`} d={b.d} />
          ))}
        </g>
        <g className="gc-grid">
          {g.yTicks.map((tick) => (
            <line
              key={`y${tick.value}`}
              className={tick.labelled ? 'gc-gridline gc-gridline-major' : 'gc-gridline'}
              x1={plot.left}
              x2={plot.right}
              y1={tick.y}
              y2={tick.y}
            />
          ))}
          {g.xTicks
            .filter((tick) => tick.grid)
            .map((tick) => (
              <line
                key={`x${tick.month}`}
                className={tick.year ? 'gc-gridline gc-gridline-major' : 'gc-gridline'}
                x1={tick.x}
                x2={tick.x}
                y1={plot.top}
                y2={plot.bottom}
              />
            ))}
        </g>
        <g className="gc-curves">
          {g.curves.map((c) => (
            <path key={c.sd} className={`gc-curve gc-curve-${sdClass(c.sd)}`} data-sd={c.sd} d={c.d} />
          ))}
        </g>
        <g className="gc-axes">
          <line className="gc-axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
          <line className="gc-axis" x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
          {g.xTicks.map((tick) => (
            <line
              key={tick.month}
              className="gc-axis"
              x1={tick.x}
              x2={tick.x}
              y1={plot.bottom}
              y2={plot.bottom + (tick.grid ? 5 : 2.5)}
            />
          ))}
          {g.xTicks
            .filter((tick) => tick.grid)
            .map((tick) => (
              <text
                key={tick.month}
                className={tick.year ? 'gc-tick gc-tick-year' : 'gc-tick'}
                x={tick.x}
                y={plot.bottom + 15}
                textAnchor="middle"
              >
                {tick.month}
              </text>
            ))}
          <text
            className="gc-axis-title"
            x={(plot.left + plot.right) / 2}
            y={g.height - 4}
            textAnchor="middle"
          >
            {t('chart.axisAge')}
          </text>
          {g.yTicks
            .filter((tick) => tick.labelled)
            .map((tick) => (
              <text key={tick.value} className="gc-tick" x={plot.left - 4} y={tick.y + 3.5} textAnchor="end">
                {tick.value}
              </text>
            ))}
          <text className="gc-axis-title" x={plot.left - 4} y={11} textAnchor="end">
            {unit}
          </text>
        </g>
        <g className="gc-curve-labels">
          {g.curveLabels.map(({ sd, x, y }) => (
            <text key={sd} className={`gc-curve-label gc-curve-label-${sdClass(sd)}`} x={x} y={y + 3.5}>
              {sd === '0' ? t('chart.median') : SD_LABEL[sd]}
            </text>
          ))}
        </g>
        <g className="gc-child">
          {g.childPath && <path className="gc-child-line" d={g.childPath} />}
          {plotted.map((p, i) => {
            const isLatest = i === plotted.length - 1
            return (
              <circle
                key={p.key}
                className={isLatest ? 'gc-point gc-latest' : 'gc-point'}
                cx={p.x}
                cy={p.y}
                r={isLatest ? 4.5 : 2.75}
              />
            )
          })}
          {latestLabel && (
            <text
              className="gc-latest-label"
              x={latestLabel.x}
              y={latestLabel.y}
              textAnchor={latestLabel.anchor}
            >
              {oneDecimal.format(latestLabel.value)} {unit}
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
      {g.adjustedCount > 0 && <p className="gc-note">{t('chart.adjusted', { n: g.adjustedCount })}</p>}
      {g.outside > 0 && <p className="gc-note">{t('chart.outOfRange', { n: g.outside })}</p>}
      {plotted.length > 0 && (
        <table className="visually-hidden">
          <caption>{name}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.table.date')}</th>
              <th scope="col">{t('chart.table.age')}</th>
              <th scope="col">{t('chart.table.value')}</th>
              {indicator === 'lhfa' && <th scope="col">{t('chart.table.position')}</th>}
              {g.adjustedCount > 0 && <th scope="col">{t('chart.table.plotted')}</th>}
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
                {g.adjustedCount > 0 && (
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
