// The rekap hari buka: per group who came and who did not, normal or a problem, referred or not; everyone expected
// who did not come, each with a home visit in the schedule from the next day; the month's SKDN D as it stands.
// Printable (with the desa, posyandu, kader and a signature line) and shareable as text (WhatsApp).
import { useMemo, useState } from 'react'
import { useClinicalSettings, useWorkArea } from '../../data/hooks'
import type { Finding, FindingLevel } from '../../domain/findings'
import {
  OPEN_DAY_GROUPS,
  openDayRekap,
  type QueueEntry,
  type Rekap,
  type RekapRow,
} from '../../domain/openday'
import { visitFindings } from '../../domain/visit-findings'
import { type CoreKey, formatDate, type Translate, useI18n } from '../i18n'
import { paths } from '../router'
import { TopBar } from '../shared/TopBar'
import { usePws } from '../shared/useAreaReports'
import { type OpenDayKey, openDayMessages } from './messages'
import { type OpenDay, useOpenDay } from './useOpenDay'
import './openday.css'

const COLUMNS = ['expected', 'came', 'absent', 'normal', 'problem', 'referred'] as const
const collator = new Intl.Collator('id', { sensitivity: 'base' })

/** The groups the day had anyone in. */
const shownRows = (rekap: Rekap) => rekap.rows.filter((r) => r.expected + r.came > 0)
const RANK: Record<FindingLevel, number> = { normal: 0, perhatian: 1, rujuk: 2 }

export default function RekapScreen({ date }: { date: string }) {
  const { t, lang } = useI18n(openDayMessages)
  const workArea = useWorkArea()
  const day = useOpenDay(date)
  const settings = useClinicalSettings()
  const { value: pws } = usePws(workArea?.id, date.slice(0, 7))
  const [shared, setShared] = useState(false)
  const rekap = useMemo(
    () => (day && settings ? openDayRekap(date, day.queue, (e) => dayFindings(e, day, settings)) : undefined),
    [day, settings, date],
  )
  const name = (e: QueueEntry) => day?.people.get(e.memberId)?.member.name ?? ''
  const byName = (a: QueueEntry, b: QueueEntry) => collator.compare(name(a), name(b))
  const posyandu = workArea?.posyandu?.name

  const share = async () => {
    if (!rekap || !day) return
    const text = rekapText(rekap, day, t, formatDate(date, lang), [posyandu, workArea?.desa])
    const title = t('rekap.shareTitle', { date: formatDate(date, lang) })
    if (navigator.share) await navigator.share({ title, text }).catch(() => undefined)
    else {
      await navigator.clipboard?.writeText(text)
      setShared(true)
    }
  }

  return (
    <main className="screen openday rekap">
      <TopBar title={t('rekap.title')} back={paths.openDay(date)} />
      <div className="print-only print-head">
        <h1>
          {t('rekap.shareTitle', { date: formatDate(date, lang) })}
          {posyandu ? ` — ${posyandu}` : ''}
        </h1>
        <p>
          {t('address.desa')}: {workArea?.desa} · {t('rekap.kader')}: {workArea?.kaderName ?? ''}
        </p>
      </div>
      <p className="context no-print">
        {formatDate(date, lang)}
        {posyandu ? ` · ${posyandu}` : ''}
      </p>
      {!rekap || !day ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <>
          <section className="card" aria-label={t('rekap.title')}>
            {/* On the phone one block per group; on paper one table. */}
            <div className="no-print">
              {shownRows(rekap).map((r) => (
                <RekapStats key={r.group} label={t(`openDay.group.${r.group}`)} row={r} />
              ))}
              <RekapStats label={t('rekap.total')} row={rekap.total} />
            </div>
            <table className="rekap-table print-only">
              <thead>
                <tr>
                  <th scope="col">{t('rekap.group')}</th>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col">
                      {t(`rekap.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shownRows(rekap).map((r) => (
                  <RekapLine key={r.group} label={t(`openDay.group.${r.group}`)} row={r} />
                ))}
                <RekapLine label={t('rekap.total')} row={rekap.total} />
              </tbody>
            </table>
            {rekap.total.unmeasured > 0 && (
              <p className="muted">
                {t('rekap.unmeasured')}: {rekap.total.unmeasured}
              </p>
            )}
            {pws?.report.month === date.slice(0, 7) && (
              <p>
                <a className="tap-link" href={paths.pws(date.slice(0, 7))}>
                  {t('rekap.skdn', { d: pws.report.skdn.D.value, s: pws.report.skdn.S.value })}
                </a>
              </p>
            )}
          </section>
          <section className="card" aria-label={t('rekap.absentList')}>
            <h2 className="section-title">{t('rekap.absentList')}</h2>
            {rekap.absent.length === 0 ? (
              <p className="muted">{t('rekap.noneAbsent')}</p>
            ) : (
              <>
                {OPEN_DAY_GROUPS.map((group) => {
                  const absent = rekap.absent.filter((e) => e.group === group).sort(byName)
                  return absent.length === 0 ? null : (
                    <div key={group}>
                      <h3 className="rekap-subtitle">
                        {t(`openDay.group.${group}`)} ({absent.length})
                      </h3>
                      <ul className="rekap-people">
                        {absent.map((e) => (
                          <li key={e.memberId}>
                            <a href={paths.member(e.memberId)}>{name(e)}</a>
                          </li>
                        ))}
                      </ul>
                    </div>
                  )
                })}
                <a className="button secondary no-print" href={paths.schedule()}>
                  {t('rekap.toSchedule')}
                </a>
              </>
            )}
          </section>
          {rekap.referred.length > 0 && (
            <section className="card" aria-label={t('rekap.referredList')}>
              <h2 className="section-title">{t('rekap.referredList')}</h2>
              <ul className="rekap-people">
                {[...rekap.referred].sort(byName).map((e) => (
                  <li key={e.memberId}>
                    <a href={paths.member(e.memberId)}>{name(e)}</a>{' '}
                    <span className="muted">· {t(`openDay.group.${e.group}`)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div className="print-only signature">
            <p>
              {t('rekap.kader')}: ______________________ {t('rekap.signature')}: ______________
            </p>
          </div>
          <div className="form-actions screen-actions no-print">
            {shared && (
              <p className="notice" role="status">
                {t('rekap.copied')}
              </p>
            )}
            <button type="button" className="button primary" onClick={() => void share()}>
              {t('rekap.share')}
            </button>
            <button type="button" className="button secondary" onClick={() => window.print()}>
              {t('rekap.print')}
            </button>
          </div>
        </>
      )}
    </main>
  )
}

function RekapStats({ label, row }: { label: string; row: Omit<RekapRow, 'group'> }) {
  const { t } = useI18n(openDayMessages)
  return (
    <div className="rekap-group">
      <h3 className="rekap-subtitle">{label}</h3>
      <dl className="rekap-stats">
        {COLUMNS.map((c) => (
          <div key={c}>
            <dt>{t(`rekap.${c}`)}</dt>
            <dd>{row[c]}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

function RekapLine({ label, row }: { label: string; row: Omit<RekapRow, 'group'> }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {COLUMNS.map((c) => (
        <td key={c}>{row[c]}</td>
      ))}
    </tr>
  )
}

/** The findings of a person's posyandu visits of the day, one per code (the most urgent reading kept). */
function dayFindings(
  entry: QueueEntry,
  day: OpenDay,
  settings: Parameters<typeof visitFindings>[3],
): Finding[] {
  const member = day.people.get(entry.memberId)?.member
  if (!member) return []
  const history = day.visitsOf(entry.memberId)
  const byCode = new Map<string, Finding>()
  for (const v of entry.visits) {
    for (const f of visitFindings(v, member, history, settings)) {
      const known = byCode.get(f.code)
      if (!known || RANK[f.level] > RANK[known.level]) byCode.set(f.code, f)
    }
  }
  return [...byCode.values()]
}

/** The rekap as a message: the counts per group, and who did not come (for the home visits). */
function rekapText(
  rekap: Rekap,
  day: OpenDay,
  t: Translate<CoreKey | OpenDayKey>,
  date: string,
  where: (string | undefined)[],
): string {
  const head = [t('rekap.shareTitle', { date }), ...where.filter(Boolean)].join(' — ')
  const line = (label: string, r: Omit<RekapRow, 'group'>) =>
    `${label}: ${COLUMNS.map((c) => `${t(`rekap.${c}`).toLowerCase()} ${r[c]}`).join(', ')}`
  const rows = rekap.rows
    .filter((r) => r.expected + r.came > 0)
    .map((r) => line(t(`openDay.group.${r.group}`), r))
  const absent = rekap.absent.map((e) => `- ${day.people.get(e.memberId)?.member.name ?? ''}`)
  return [
    head,
    ...rows,
    line(t('rekap.total'), rekap.total),
    ...(absent.length > 0 ? ['', `${t('rekap.absentList')}:`, ...absent] : []),
  ].join('\n')
}
