// The PWS chart of one indicator (geometry in pws-chart.ts): monthly bars, the cumulative line and the target line,
// January to December, with the numbers also written out in the aria-label and the table below it.
import type { IndicatorSeries } from '../../domain/pws'
import { useI18n } from '../i18n'
import { formatPercent } from './format'
import { indicatorMessages } from './indicator-messages'
import { CHART, chartGeometry, linePath } from './pws-chart'

const MONTH_INITIALS = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D']

export function PwsChart({ series, label }: { series: IndicatorSeries; label: string }) {
  const { t, lang } = useI18n(indicatorMessages)
  const geometry = chartGeometry(series)
  if (!geometry) return <p className="muted">{t('pwsInd.noSasaran')}</p>
  const last = series.months.at(-1)
  const summary = t('pwsInd.chartSummary', {
    label,
    cumulative: formatPercent(last?.cumulativeCoverage ?? null, lang),
    target: formatPercent(last?.expected ?? null, lang),
  })
  return (
    <figure className="pws-chart">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${CHART.width} ${CHART.height}`} width="100%">
        {geometry.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.y} y2={tick.y} className="grid" />
            <text x={CHART.left - 4} y={tick.y + 4} fontSize="10" textAnchor="end">
              {tick.value}
            </text>
          </g>
        ))}
        {geometry.bars.map((b) => (
          <rect key={b.month} x={b.x} y={b.y} width={b.width} height={b.height} className="bar" />
        ))}
        <path d={linePath(geometry.target)} className="target" />
        <path d={linePath(geometry.cumulative)} className="cumulative" />
        {geometry.cumulative.map((p, i) => (
          <circle key={series.months[i]?.month} cx={p.x} cy={p.y} r="2.5" className="cumulative-dot" />
        ))}
        {geometry.months.map((m) => (
          <text key={m.index} x={m.x} y={CHART.height - 6} fontSize="10" textAnchor="middle">
            {MONTH_INITIALS[m.index]}
          </text>
        ))}
      </svg>
      <figcaption className="pws-legend">
        <span className="legend-bar">{t('pwsInd.legend.month')}</span>
        <span className="legend-cumulative">{t('pwsInd.legend.cumulative')}</span>
        <span className="legend-target">{t('pwsInd.legend.target', { percent: series.targetPercent })}</span>
      </figcaption>
    </figure>
  )
}
