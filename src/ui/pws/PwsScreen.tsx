// PWS (Pemantauan Wilayah Setempat) for a month: sasaran per stage, SKDN, screening coverage, people at risk,
// visits and referrals — every number opens the list of people behind it. The same figures print on A4 as the
// laporan bulanan posyandu and download as CSV, offline.
import { lazy, Suspense, useMemo, useState } from 'react'
import { useWorkArea, useWorkAreaRows } from '../../data/hooks'
import { useSyncState } from '../../data/sync-hooks'
import { LIFE_STAGES, OVERLAYS } from '../../domain/lifecycle'
import {
  type Count,
  OVERLAY_LABELS,
  type PwsReport,
  pwsCsv,
  type Ratio,
  RISK_LABELS,
  RISKS,
  STAGE_LABELS,
} from '../../domain/pws'
import type { Member } from '../../protocol/records'
import { isSupervisor } from '../../protocol/roles'
import { askBinaanAhead } from '../../sync/binaan'
import { formatMonth, formatPercent, useI18n } from '../i18n'
import { navigate, paths } from '../router'
import { ComputeFailed } from '../shared/ComputeFailed'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { usePws } from '../shared/useAreaReports'
import { BarChart } from './BarChart'
import './pws.css'
import { pwsMessages } from './messages'

// The indicators and their charts load after the monthly report is on screen.
const PwsIndicators = lazy(() => import('./PwsIndicators'))

interface Drill {
  title: string
  memberIds: string[]
}

export default function PwsScreen({ month: asked }: { month?: string }) {
  const { t, lang } = useI18n(pwsMessages)
  const today = useToday()
  const month = asked ?? today.slice(0, 7)
  const workArea = useWorkArea()
  const rows = useWorkAreaRows(workArea?.id, today)
  const { value: result, error, retry } = usePws(workArea?.id, month)
  const [drill, setDrill] = useState<Drill>()
  const supervisor = isSupervisor(useSyncState()?.user?.role)
  const members = useMemo(
    () => new Map((rows ?? []).flatMap((r) => r.members.map((m) => [m.id, m] as const))),
    [rows],
  )
  const current = result?.report.month === month ? result.report : undefined

  const download = () => {
    if (!current) return
    const blob = new Blob([pwsCsv(current, lang, result?.indicators)], { type: 'text/csv;charset=utf-8' })
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = `laporan-posyandu-${month}.csv`
    link.click()
    URL.revokeObjectURL(link.href)
  }
  const percent = (r: Ratio) => (r.value === null ? '–' : formatPercent(r.value, lang))
  const count = (title: string, c: Count) => (
    <button type="button" className="pws-number" onClick={() => setDrill({ title, memberIds: c.memberIds })}>
      {c.value}
    </button>
  )

  return (
    <main className="screen pws">
      <TopBar title={t('pws.title')} />
      <div className="pws-controls no-print">
        {supervisor && (
          <a className="button primary" href={paths.binaan(month)} onClick={() => askBinaanAhead(month)}>
            {t('nav.binaan')}
          </a>
        )}
        <label>
          {t('pws.month')}{' '}
          <input
            type="month"
            value={month}
            max={today.slice(0, 7)}
            onChange={(e) => e.target.value && navigate(paths.pws(e.target.value))}
          />
        </label>
        <div className="button-row">
          <button
            type="button"
            className="button secondary"
            onClick={() => window.print()}
            disabled={!current}
          >
            {t('pws.print')}
          </button>
          <button type="button" className="button secondary" onClick={download} disabled={!current}>
            {t('pws.csv')}
          </button>
        </div>
      </div>
      <div className="print-only pws-print-head">
        <h2>{t('pws.reportTitle')}</h2>
        <p>
          {t('pws.printPosyandu')}: {workArea?.posyandu?.name ?? '…………'} · {t('address.desa')}:{' '}
          {workArea?.desa || '…………'} · {t('address.kecamatan')}: {workArea?.kecamatan || '…………'}
        </p>
        <p>
          {t('pws.printMonth')}: {formatMonth(month, lang)} · {t('pws.printKader')}:{' '}
          {workArea?.kaderName ?? '…………'}
        </p>
      </div>
      {error ? (
        <ComputeFailed what="pws" onRetry={retry} />
      ) : !current ? (
        <p className="loading">{t('pws.computing')}</p>
      ) : (
        <>
          <Section title={t('pws.sasaran')}>
            <BarChart
              label={t('pws.sasaran')}
              bars={[
                ...LIFE_STAGES.map((s) => ({
                  label: STAGE_LABELS[s][lang],
                  value: current.sasaran.stages[s].value,
                })),
                ...OVERLAYS.map((o) => ({
                  label: OVERLAY_LABELS[o][lang],
                  value: current.sasaran.overlays[o].value,
                })),
              ]}
            />
            <table className="pws-table">
              <tbody>
                {LIFE_STAGES.map((s) => (
                  <tr key={s}>
                    <th scope="row">{STAGE_LABELS[s][lang]}</th>
                    <td>{count(STAGE_LABELS[s][lang], current.sasaran.stages[s])}</td>
                  </tr>
                ))}
                {OVERLAYS.map((o) => (
                  <tr key={o}>
                    <th scope="row">{OVERLAY_LABELS[o][lang]}</th>
                    <td>{count(OVERLAY_LABELS[o][lang], current.sasaran.overlays[o])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Skdn report={current} count={count} percent={percent} />
          <Section title={t('pws.coverage')}>
            <table className="pws-table">
              <tbody>
                {LIFE_STAGES.map((s) => (
                  <tr key={s}>
                    <th scope="row">{STAGE_LABELS[s][lang]}</th>
                    <td>
                      {count(STAGE_LABELS[s][lang], current.coverage.stages[s].numerator)}{' '}
                      {t('pws.of', { n: current.coverage.stages[s].denominator.value })}
                    </td>
                    <td className="pws-percent">{percent(current.coverage.stages[s])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section title={t('pws.risks')}>
            <table className="pws-table">
              <tbody>
                {RISKS.map((r) => (
                  <tr key={r}>
                    <th scope="row">{RISK_LABELS[r][lang]}</th>
                    <td>
                      {count(RISK_LABELS[r][lang], current.risks[r].numerator)}{' '}
                      {t('pws.of', { n: current.risks[r].denominator.value })}
                    </td>
                    <td className="pws-percent">{percent(current.risks[r])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section title={t('pws.visits')}>
            <table className="pws-table">
              <tbody>
                {(['posyandu', 'rumah', 'total'] as const).map((p) => (
                  <tr key={p}>
                    <th scope="row">{t(`pws.visits.${p}`)}</th>
                    <td>
                      <button
                        type="button"
                        className="pws-number"
                        onClick={() =>
                          setDrill({ title: t(`pws.visits.${p}`), memberIds: current.visits[p].memberIds })
                        }
                      >
                        {current.visits[p].value}
                      </button>
                    </td>
                  </tr>
                ))}
                {(['made', 'closed', 'open'] as const).map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`pws.referrals.${k}`)}</th>
                    <td>{count(t(`pws.referrals.${k}`), current.referrals[k])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          {result?.indicators && (
            <Suspense fallback={<p className="loading">{t('pws.computing')}</p>}>
              <PwsIndicators
                indicators={result.indicators}
                onDrill={(title, memberIds) => setDrill({ title, memberIds })}
              />
            </Suspense>
          )}
          {current.notes.length > 0 && (
            <ul className="muted pws-notes">
              {current.notes.map((n) => (
                <li key={n.code}>{n.message[lang]}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="print-only pws-signatures">
        <div>
          <p>{t('pws.signKader')}</p>
          <p className="line">{workArea?.kaderName ?? ''}</p>
        </div>
        <div>
          <p>{t('pws.signNakes')}</p>
          <p className="line" />
        </div>
      </div>
      {drill && <DrillDown drill={drill} members={members} onClose={() => setDrill(undefined)} />}
    </main>
  )
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="card pws-section" aria-label={title}>
      <h2 className="section-title">{title}</h2>
      {children}
    </section>
  )
}

function Skdn({
  report,
  count,
  percent,
}: {
  report: PwsReport
  count: (title: string, c: Count) => React.ReactNode
  percent: (r: Ratio) => string
}) {
  const { t } = useI18n(pwsMessages)
  const s = report.skdn
  const letters = ['S', 'K', 'D', 'N', 'T', 'O', 'B', 'BGM'] as const
  return (
    <Section title="SKDN">
      <BarChart
        label="SKDN"
        bars={(['S', 'K', 'D', 'N'] as const).map((k) => ({ label: k, value: s[k].value }))}
      />
      <table className="pws-table">
        <tbody>
          {letters.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`pws.skdn.${k}`)}</th>
              <td>{count(t(`pws.skdn.${k}`), s[k])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('pws.skdn.2T')}</th>
            <td>{count(t('pws.skdn.2T'), s.twoT)}</td>
          </tr>
          <tr>
            <th scope="row">{t('pws.skdn.notWeighed')}</th>
            <td>{count(t('pws.skdn.notWeighed'), s.notWeighed)}</td>
          </tr>
          {(['DS', 'ND', 'NDprime', 'KS', 'DK', 'NS'] as const).map((r) => (
            <tr key={r}>
              <th scope="row">{t(`pws.ratio.${r}`)}</th>
              <td className="pws-percent">{percent(s.ratios[r])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  )
}

function DrillDown({
  drill,
  members,
  onClose,
}: {
  drill: Drill
  members: Map<string, Member>
  onClose: () => void
}) {
  const { t } = useI18n(pwsMessages)
  return (
    <div className="drill no-print" role="dialog" aria-modal="true" aria-label={drill.title}>
      <div className="drill-panel">
        <h2 className="section-title">
          {drill.title} ({drill.memberIds.length})
        </h2>
        <ul className="drill-list">
          {drill.memberIds.map((id) => (
            <li key={id}>
              <a href={paths.member(id)}>{members.get(id)?.name ?? id}</a>
            </li>
          ))}
        </ul>
        <button type="button" className="button primary" onClick={onClose}>
          {t('pws.close')}
        </button>
      </div>
    </div>
  )
}
