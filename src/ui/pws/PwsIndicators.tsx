// The PWS indicators of the month (domain/pws/indicators.ts), loaded lazily below the monthly report: each cumulative
// indicator with its coverage since January and its status (opens its PWS chart), SKDN by sex and age, nutrition among
// the weighed, vitamin A rounds and remaja putri TTD. Every number of people opens the list of who they are.
import { useState } from 'react'
import {
  AGE_GROUP_LABELS,
  type Count,
  GROUP_LABELS,
  INDICATOR_GROUPS,
  type IndicatorSeries,
  type PwsIndicators as Indicators,
  indicatorGroup,
  indicatorLabel,
  NUTRITION,
  NUTRITION_LABELS,
  type Ratio,
  STATUS_LABELS,
  STATUS_LIGHT,
} from '../../domain/pws'
import { useI18n } from '../i18n'
import { formatMonth, formatPercent } from './format'
import { indicatorMessages } from './indicator-messages'
import { PwsChart } from './PwsChart'

/** Opens the list of people behind a number; absent where only figures are shown (a supervisor's wilayah binaan). */
type Drill = ((title: string, memberIds: string[]) => void) | undefined

export default function PwsIndicators({ indicators, onDrill }: { indicators: Indicators; onDrill?: Drill }) {
  const { t, lang } = useI18n(indicatorMessages)
  const [open, setOpen] = useState<string>()
  const all = Object.values(indicators.series)
  const row = (s: IndicatorSeries) => (
    <IndicatorRow
      key={s.id}
      series={s}
      open={open === s.id}
      onToggle={() => setOpen(open === s.id ? undefined : s.id)}
      onDrill={onDrill}
    />
  )
  return (
    <>
      <section className="card pws-section" aria-label={t('pwsInd.title')}>
        <h2 className="section-title">{t('pwsInd.title')}</h2>
        <p className="muted">{t('pwsInd.explain')}</p>
        {INDICATOR_GROUPS.map((group) => {
          const list = all.filter((s) => indicatorGroup(s.id) === group)
          const doses = group === 'imunisasi' ? list.filter((s) => s.id !== 'imunisasi.idl') : []
          return (
            <div key={group} className="pws-group">
              <h3>{GROUP_LABELS[group][lang]}</h3>
              <ul className="pws-indicators">{list.filter((s) => !doses.includes(s)).map(row)}</ul>
              {doses.length > 0 && (
                <details>
                  <summary>{t('pwsInd.perDose', { n: doses.length })}</summary>
                  <ul className="pws-indicators">{doses.map(row)}</ul>
                </details>
              )}
            </div>
          )
        })}
      </section>
      <SkdnGroups indicators={indicators} onDrill={onDrill} />
      <section className="card pws-section" aria-label={t('pwsInd.more')}>
        <h2 className="section-title">{t('pwsInd.more')}</h2>
        <table className="pws-table pws-ratios">
          <tbody>
            {NUTRITION.map((n) => (
              <RatioRow
                key={n}
                label={NUTRITION_LABELS[n][lang]}
                ratio={indicators.nutrition[n]}
                onDrill={onDrill}
              />
            ))}
            {indicators.vitaminA.flatMap((round) =>
              (['bayi', 'balita'] as const).map((group) => (
                <RatioRow
                  key={`${round.round}-${group}`}
                  label={t(`pwsInd.vitaminA.${group}`, { round: formatMonth(round.round, lang) })}
                  ratio={round[group]}
                  onDrill={onDrill}
                />
              )),
            )}
            <RatioRow label={t('pwsInd.ttd')} ratio={indicators.remajaPutriTtd} onDrill={onDrill} />
          </tbody>
        </table>
      </section>
    </>
  )
}

function IndicatorRow(props: {
  series: IndicatorSeries
  open: boolean
  onToggle: () => void
  onDrill: Drill
}) {
  const { series: s, open, onToggle, onDrill } = props
  const { t, lang } = useI18n(indicatorMessages)
  const label = indicatorLabel(s.id, lang)
  const last = s.months.at(-1)
  const people = s.months.flatMap((m) => m.memberIds)
  return (
    <li className="pws-indicator">
      <button type="button" className="pws-indicator-head" aria-expanded={open} onClick={onToggle}>
        <span className="pws-indicator-label">{label}</span>
        <span className="pws-indicator-figures">
          <span>
            {last?.cumulative ?? 0}/{s.sasaran.value} ·{' '}
            {formatPercent(last?.cumulativeCoverage ?? null, lang)}
          </span>
          {s.status && (
            <span className={`pws-status light-${STATUS_LIGHT[s.status]}`}>
              {STATUS_LABELS[s.status][lang]}
            </span>
          )}
        </span>
      </button>
      {open && (
        <div className="pws-indicator-detail">
          <PwsChart series={s} label={label} />
          <p className="muted">
            {t(s.sasaran.source === 'proyeksi' ? 'pwsInd.sasaran.proyeksi' : 'pwsInd.sasaran.terdaftar', {
              n: s.sasaran.value,
            })}
          </p>
          {onDrill && (
            <button
              type="button"
              className="button secondary"
              onClick={() => onDrill(label, [...people].sort())}
            >
              {t('pwsInd.who', { n: people.length })}
            </button>
          )}
        </div>
      )}
    </li>
  )
}

function SkdnGroups({ indicators, onDrill }: { indicators: Indicators; onDrill: Drill }) {
  const { t, lang } = useI18n(indicatorMessages)
  const letters = ['S', 'K', 'D', 'N'] as const
  return (
    <section className="card pws-section" aria-label={t('pwsInd.skdnGroups')}>
      <h2 className="section-title">{t('pwsInd.skdnGroups')}</h2>
      <table className="pws-table pws-skdn-groups">
        <thead>
          <tr>
            <th scope="col">{t('pwsInd.group')}</th>
            {letters.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {indicators.skdnGroups.map((g) => {
            const name = `${t(`pwsInd.sex.${g.sex}`)} ${AGE_GROUP_LABELS[g.age][lang]}`
            return (
              <tr key={`${g.sex}-${g.age}`}>
                <th scope="row">{name}</th>
                {letters.map((l) => (
                  <td key={l}>
                    <CountButton title={`${l} — ${name}`} count={g.counts[l]} onDrill={onDrill} />
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

function RatioRow({ label, ratio, onDrill }: { label: string; ratio: Ratio; onDrill: Drill }) {
  const { lang } = useI18n(indicatorMessages)
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <CountButton title={label} count={ratio.numerator} onDrill={onDrill} /> / {ratio.denominator.value}
      </td>
      <td>{formatPercent(ratio.value, lang)}</td>
    </tr>
  )
}

function CountButton({ title, count, onDrill }: { title: string; count: Count; onDrill: Drill }) {
  if (!onDrill) return <>{count.value}</>
  return (
    <button type="button" className="pws-number" onClick={() => onDrill(title, count.memberIds)}>
      {count.value}
    </button>
  )
}
