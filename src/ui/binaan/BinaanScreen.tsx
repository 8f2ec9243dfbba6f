// Wilayah binaan: what a bidan, a pustu or a puskesmas follows across the posyandu areas of her scope — each area's
// kaders (last sync, what waits, what was refused), the month's SKDN, the overdue referrals, the year's PWS status and
// the data-quality counts. Read from the server (online), never stored on the phone; each area opens its own PWS with
// the names behind the counts (BinaanAreaScreen).

import { useState } from 'react'
import { STATUS_LIGHT } from '../../domain/pws'
import type { AreaSummary, BinaanResponse } from '../../protocol/supervisor'
import { fetchBinaan, fetchBinaanCsv } from '../../sync/binaan'
import { toSyncError } from '../../sync/errors'
import { formatPercent, useI18n } from '../i18n'
import { navigate, paths } from '../router'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { sinceText } from '../sync/since'
import { binaanMessages } from './binaan-messages'
import { useRemote } from './useRemote'
import '../pws/pws.css'
import './binaan.css'
import type { SyncErrorKey } from '../sync/error-messages'

export default function BinaanScreen({ month: asked }: { month?: string }) {
  const { t } = useI18n(binaanMessages)
  const today = useToday()
  const month = asked ?? today.slice(0, 7)
  const { value, error, retry } = useRemote(month, (signal) => fetchBinaan(month, signal))
  return (
    <main className="screen binaan">
      <TopBar title={t('binaan.title')} back={paths.pws()} />
      <div className="binaan-controls">
        <label>
          {t('binaan.month')}{' '}
          <input
            type="month"
            value={month}
            max={today.slice(0, 7)}
            onChange={(e) => e.target.value && navigate(paths.binaan(e.target.value), { replace: true })}
          />
        </label>
        <p className="muted">{t('binaan.explain')}</p>
        <CsvButton month={month} />
      </div>
      {error ? (
        <Failed error={error} onRetry={retry} />
      ) : !value ? (
        <p className="loading">{t('binaan.loading')}</p>
      ) : (
        <Overview data={value} />
      )}
    </main>
  )
}

/** Every figure of every posyandu of the scope for the month, as the puskesmas files it (CSV). */
function CsvButton({ month }: { month: string }) {
  const { t, lang } = useI18n(binaanMessages)
  const [state, setState] = useState<'idle' | 'busy' | SyncErrorKey>('idle')
  const download = async () => {
    setState('busy')
    try {
      const blob = await fetchBinaanCsv(month, lang)
      const link = document.createElement('a')
      link.href = URL.createObjectURL(blob)
      link.download = `pws-puskesmas-${month}.csv`
      link.click()
      URL.revokeObjectURL(link.href)
      setState('idle')
    } catch (error) {
      setState(`sync.err.${toSyncError(error).reason}`)
    }
  }
  return (
    <>
      <button type="button" className="button secondary" onClick={download} disabled={state === 'busy'}>
        {t('binaan.csv')}
      </button>
      {state !== 'idle' && state !== 'busy' && (
        <p className="form-failure" role="alert">
          {t(state)}
        </p>
      )}
    </>
  )
}

export function Failed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n(binaanMessages)
  const e = toSyncError(error)
  const notSupervisor = e.reason === 'forbidden'
  return (
    <div className="card" role="alert">
      <p>{notSupervisor ? t('binaan.notSupervisor') : t(`sync.err.${e.reason}` as SyncErrorKey)}</p>
      {!notSupervisor && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('binaan.retry')}
        </button>
      )}
    </div>
  )
}

function Overview({ data }: { data: BinaanResponse }) {
  const { t } = useI18n(binaanMessages)
  if (data.areas.length === 0) return <p className="card">{t('binaan.empty')}</p>
  return (
    <>
      {data.areas.map((a) => (
        <AreaCard key={a.area.id} summary={a} month={data.month} />
      ))}
    </>
  )
}

function AreaCard({ summary: a, month }: { summary: AreaSummary; month: string }) {
  const { t, lang } = useI18n(binaanMessages)
  const lights = { green: 0, yellow: 0, red: 0 }
  for (const y of a.year) if (y.status) lights[STATUS_LIGHT[y.status]] += 1
  const percent = (v: number | null) => (v === null ? '–' : formatPercent(v, lang))
  return (
    <section className="card binaan-area" aria-label={areaName(a.area)}>
      <h2 className="section-title">{areaName(a.area)}</h2>
      <p className="muted">{t('binaan.households', { n: a.households })}</p>
      <ul className="binaan-kaders" aria-label={t('binaan.kaders')}>
        {a.kaders.length === 0 && <li className="muted">{t('binaan.noKader')}</li>}
        {a.kaders.map((k) => (
          <li key={k.username}>
            <strong>{k.name}</strong> · <Since at={k.lastSync} />
            {k.pending !== null && k.rejected !== null && (
              <span className={k.rejected > 0 ? 'binaan-warn' : 'muted'}>
                {' '}
                · {t('binaan.outbox', { pending: k.pending, rejected: k.rejected })}
              </span>
            )}
          </li>
        ))}
      </ul>
      <table className="pws-table binaan-figures">
        <tbody>
          <tr>
            <th scope="row">S · K · D · N</th>
            <td>
              {a.month.S} · {a.month.K} · {a.month.D} · {a.month.N}
            </td>
          </tr>
          <tr>
            <th scope="row">D/S · N/D</th>
            <td>
              {percent(a.month.DS)} · {percent(a.month.ND)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('binaan.visits')}</th>
            <td>{a.month.visits}</td>
          </tr>
          <tr>
            <th scope="row">{t('binaan.referralsOpen')}</th>
            <td>{a.month.referralsOpen}</td>
          </tr>
          <tr>
            <th scope="row">{t('binaan.overdue')}</th>
            <td className={a.overdue > 0 ? 'binaan-warn' : undefined}>{a.overdue}</td>
          </tr>
        </tbody>
      </table>
      <p>{t('binaan.status')}</p>
      <p className="binaan-lights">
        {(['green', 'yellow', 'red'] as const).map((light) => (
          <span key={light} className={`pws-status light-${light}`}>
            {t(`binaan.light.${light}`, { n: lights[light] })}
          </span>
        ))}
      </p>
      <p className="muted">{t('binaan.qualityCounts', { ...a.quality })}</p>
      <a className="button secondary" href={paths.binaanArea(a.area.id, month)}>
        {t('binaan.open')}
      </a>
    </section>
  )
}

function Since({ at }: { at: string | null }) {
  const { t, lang } = useI18n(binaanMessages)
  if (at === null) return <span className="binaan-warn">{t('binaan.neverSynced')}</span>
  const since = sinceText(at, new Date(), lang)
  return <>{since ? t('binaan.synced', { since }) : t('binaan.justNow')}</>
}

/** An area as a supervisor names it: its desa and what narrows it. */
export function areaName(a: { id: string; desa: string; dusun?: string; rw?: string; rt?: string }): string {
  const parts = [a.desa, a.dusun, a.rw && `RW ${a.rw}`, a.rt && `RT ${a.rt}`].filter(Boolean)
  return parts.join(' ') || a.id
}
