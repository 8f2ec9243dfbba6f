// An area's named lists for its supervisor: the referrals past their follow-up, most overdue first, and the data to
// check with the kader (values outside the plausible range, a NIK also registered in another area, households
// without a GPS point). Names come from the server only for the areas of her own scope.
import { PROBLEM_LABELS, type ReferralProblem } from '../../domain/referrals/problems'
import type { NamedPerson, OverdueReferral, QualityFlag } from '../../protocol/supervisor'
import { formatDate, useI18n } from '../i18n'
import { binaanMessages } from './binaan-messages'

export function AreaLists({ overdue, quality }: { overdue: OverdueReferral[]; quality: QualityFlag[] }) {
  const { t, lang } = useI18n(binaanMessages)
  const kinds = ['implausible', 'duplicateNik', 'noGps'] as const
  return (
    <>
      <section className="card" aria-label={t('binaan.overdue')}>
        <h2 className="section-title">
          {t('binaan.overdue')} ({overdue.length})
        </h2>
        {overdue.length === 0 ? (
          <p className="muted">{t('binaan.overdueNone')}</p>
        ) : (
          <ul className="binaan-list">
            {overdue.map((o) => (
              <Person key={`${o.memberId}:${o.problem}`} who={o}>
                {PROBLEM_LABELS[o.problem as ReferralProblem]?.[lang] ?? o.problem} ·{' '}
                {t('binaan.dueTo', { date: formatDate(o.dueTo, lang) })}
              </Person>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-label={t('binaan.quality')}>
        <h2 className="section-title">{t('binaan.quality')}</h2>
        {quality.length === 0 && <p className="muted">{t('binaan.qualityNone')}</p>}
        {kinds.map((kind) => {
          const list = quality.filter((f) => f.kind === kind)
          if (list.length === 0) return null
          return (
            <details key={kind}>
              <summary>
                {t(`binaan.quality.${kind}`)} ({list.length})
              </summary>
              <ul className="binaan-list">
                {list.map((f) => (
                  <Person key={`${f.householdId}:${f.memberId ?? ''}`} who={f}>
                    {kind === 'implausible' && f.detail ? formatDate(f.detail, lang) : null}
                  </Person>
                ))}
              </ul>
            </details>
          )
        })}
      </section>
    </>
  )
}

function Person({ who, children }: { who: NamedPerson; children?: React.ReactNode }) {
  const { t } = useI18n(binaanMessages)
  const place = who.rt && who.rw ? t('binaan.place', { rt: who.rt, rw: who.rw }) : (who.dusun ?? '')
  return (
    <li>
      <strong>{who.name}</strong>
      {who.memberId && who.headName !== who.name ? ` (${who.headName})` : ''} · {place}
      {children ? <div className="muted">{children}</div> : null}
    </li>
  )
}
