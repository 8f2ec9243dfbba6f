// One posyandu area's PWS as its supervisor sees it: the month's SKDN, the area's overdue referrals and data to check
// by name (AreaLists), and the PWS indicators with their charts (the kader's own PwsIndicators) — figures only.
import { lazy, Suspense } from 'react'
import { fetchBinaanArea } from '../../sync/binaan'
import { formatMonth, formatPercent, useI18n, useT } from '../i18n'
import { navigate, paths } from '../router'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { AreaLists } from './AreaLists'
import { areaName, Failed } from './BinaanScreen'
import { binaanMessages } from './binaan-messages'
import { TargetsSection } from './TargetsSection'
import { useRemote } from './useRemote'
import '../pws/pws.css'
import './binaan.css'
import { pwsMessages } from '../pws/messages'

const PwsIndicators = lazy(() => import('../pws/PwsIndicators'))

export default function BinaanAreaScreen({ areaId, month }: { areaId: string; month: string }) {
  const { t, lang } = useI18n(binaanMessages)
  const tp = useT(pwsMessages)
  const today = useToday()
  const { value, error, retry } = useRemote(`${areaId}\n${month}`, (signal) =>
    fetchBinaanArea(areaId, month, signal),
  )
  const skdn = value?.report.skdn
  const percent = (v: number | null | undefined) =>
    v === null || v === undefined ? '–' : formatPercent(v, lang)
  return (
    <main className="screen pws binaan">
      <TopBar
        title={value ? `PWS · ${areaName(value.area)}` : t('binaan.area.title')}
        back={paths.binaan(month)}
      />
      <div className="binaan-controls">
        <label>
          {t('binaan.month')}{' '}
          <input
            type="month"
            value={month}
            max={today.slice(0, 7)}
            onChange={(e) =>
              e.target.value && navigate(paths.binaanArea(areaId, e.target.value), { replace: true })
            }
          />
        </label>
        <p className="muted">{t('binaan.area.figuresOnly')}</p>
      </div>
      {error ? (
        <Failed error={error} onRetry={retry} />
      ) : !value || !skdn ? (
        <p className="loading">{t('binaan.loading')}</p>
      ) : (
        <>
          <section className="card pws-section" aria-label={t('binaan.skdn')}>
            <h2 className="section-title">
              {t('binaan.skdn')} · {formatMonth(month, lang)}
            </h2>
            <table className="pws-table">
              <tbody>
                {(['S', 'K', 'D', 'N', 'T', 'O', 'B', 'BGM'] as const).map((k) => (
                  <tr key={k}>
                    <th scope="row">{tp(`pws.skdn.${k}`)}</th>
                    <td>{skdn[k].value}</td>
                  </tr>
                ))}
                {(['DS', 'ND', 'KS'] as const).map((r) => (
                  <tr key={r}>
                    <th scope="row">{tp(`pws.ratio.${r}`)}</th>
                    <td className="pws-percent">{percent(skdn.ratios[r].value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <AreaLists overdue={value.overdue} quality={value.quality} />
          <Suspense fallback={<p className="loading">{t('binaan.loading')}</p>}>
            <PwsIndicators indicators={value.indicators} />
          </Suspense>
        </>
      )}
      {!error && (
        <TargetsSection
          areaId={areaId}
          year={Number(month.slice(0, 4))}
          series={value?.indicators.series}
          onSaved={retry}
        />
      )}
    </main>
  )
}
