// Wilayah binaan: what a bidan, a pustu or a puskesmas follows across the posyandu areas of her scope — each area's
// kaders (last sync, what waits, what was refused), the month's SKDN, the year's PWS status and the data-quality
// counts, then by name the referrals past their follow-up and the data to check. Read from the server (online), never
// stored on the phone; each area opens its own PWS.
import { STATUS_LIGHT } from '../../domain/pws'
import { PROBLEM_LABELS, type ReferralProblem } from '../../domain/referrals/problems'
import type { AreaSummary, BinaanResponse, NamedPerson, QualityFlag } from '../../protocol/supervisor'
import { fetchBinaan } from '../../sync/binaan'
import { toSyncError } from '../../sync/errors'
import { type CoreKey, formatDate, formatPercent, useI18n } from '../i18n'
import { navigate, paths } from '../router'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { sinceText } from '../sync/since'
import { binaanMessages } from './binaan-messages'
import { useRemote } from './useRemote'
import '../pws/pws.css'
import './binaan.css'

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

export function Failed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n(binaanMessages)
  const e = toSyncError(error)
  const notSupervisor = e.reason === 'forbidden'
  return (
    <div className="card" role="alert">
      <p>{notSupervisor ? t('binaan.notSupervisor') : t(`sync.err.${e.reason}` as CoreKey)}</p>
      {!notSupervisor && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('binaan.retry')}
        </button>
      )}
    </div>
  )
}

function Overview({ data }: { data: BinaanResponse }) {
  const { t, lang } = useI18n(binaanMessages)
  if (data.areas.length === 0) return <p className="card">{t('binaan.empty')}</p>
  const names = new Map(data.areas.map((a) => [a.area.id, areaName(a.area)]))
  return (
    <>
      {data.areas.map((a) => (
        <AreaCard key={a.area.id} summary={a} month={data.month} />
      ))}
      <section className="card" aria-label={t('binaan.overdue')}>
        <h2 className="section-title">
          {t('binaan.overdue')} ({data.overdue.length})
        </h2>
        {data.overdue.length === 0 ? (
          <p className="muted">{t('binaan.overdueNone')}</p>
        ) : (
          <ul className="binaan-list">
            {data.overdue.map((o) => (
              <Person key={`${o.memberId}:${o.problem}`} who={o} area={names.get(o.areaId)}>
                {PROBLEM_LABELS[o.problem as ReferralProblem]?.[lang] ?? o.problem} · <DueTo date={o.dueTo} />
              </Person>
            ))}
          </ul>
        )}
      </section>
      <Quality flags={data.quality} names={names} />
    </>
  )
}

function DueTo({ date }: { date: string }) {
  const { t, lang } = useI18n(binaanMessages)
  return <>{t('binaan.dueTo', { date: formatDate(date, lang) })}</>
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

function Quality({ flags, names }: { flags: QualityFlag[]; names: Map<string, string> }) {
  const { t } = useI18n(binaanMessages)
  const kinds = ['implausible', 'duplicateNik', 'noGps'] as const
  return (
    <section className="card" aria-label={t('binaan.quality')}>
      <h2 className="section-title">{t('binaan.quality')}</h2>
      {flags.length === 0 && <p className="muted">{t('binaan.qualityNone')}</p>}
      {kinds.map((kind) => {
        const list = flags.filter((f) => f.kind === kind)
        if (list.length === 0) return null
        return (
          <details key={kind}>
            <summary>
              {t(`binaan.quality.${kind}`)} ({list.length})
            </summary>
            <ul className="binaan-list">
              {list.map((f) => (
                <Person key={`${f.householdId}:${f.memberId ?? ''}`} who={f} area={names.get(f.areaId)}>
                  {kind === 'implausible' && f.detail ? <VisitDate date={f.detail} /> : null}
                </Person>
              ))}
            </ul>
          </details>
        )
      })}
    </section>
  )
}

function VisitDate({ date }: { date: string }) {
  const { lang } = useI18n()
  return <>{formatDate(date, lang)}</>
}

function Person({ who, area, children }: { who: NamedPerson; area?: string; children?: React.ReactNode }) {
  const { t } = useI18n(binaanMessages)
  const place = who.rt && who.rw ? t('binaan.place', { rt: who.rt, rw: who.rw }) : (who.dusun ?? '')
  return (
    <li>
      <strong>{who.name}</strong>
      {who.memberId && who.headName !== who.name ? ` (${who.headName})` : ''} · {place}
      {area ? ` · ${area}` : ''}
      {children ? <div className="muted">{children}</div> : null}
    </li>
  )
}

/** An area as a supervisor names it: its desa and what narrows it. */
export function areaName(a: { id: string; desa: string; dusun?: string; rw?: string; rt?: string }): string {
  const parts = [a.desa, a.dusun, a.rw && `RW ${a.rw}`, a.rt && `RT ${a.rt}`].filter(Boolean)
  return parts.join(' ') || a.id
}
