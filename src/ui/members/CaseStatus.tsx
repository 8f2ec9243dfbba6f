// What the member screen says about the care loop's member fields: the child's mother, how the latest pregnancy
// ended, and a closed case — with its two actions, "reported to the bidan" (a death's task done) and "reopen".
import { useMember } from '../../data/hooks'
import { setMemberClosure } from '../../data/write'
import { memberStages } from '../../domain/lifecycle'
import type { Member } from '../../protocol/records'
import { formatDate, useI18n } from '../i18n'
import { paths } from '../router'
import { useSave } from '../shared/useSave'
import { caseMessages } from './case-messages'

export function MotherLink({ motherId }: { motherId: string }) {
  const { t } = useI18n(caseMessages)
  const mother = useMember(motherId)
  if (!mother || mother.deleted) return null
  return (
    <p>
      <a className="button secondary small" href={paths.member(mother.id)}>
        {t('member.mother', { name: mother.name })}
      </a>
    </p>
  )
}

export function DeliverySummary({ delivery }: { delivery: NonNullable<Member['delivery']> }) {
  const { t, lang } = useI18n(caseMessages)
  const { place, attendant } = delivery
  return (
    <p>
      {t(`delivery.summary.${delivery.outcome}`, { date: formatDate(delivery.date, lang) })}
      {place && attendant && (
        <>
          {' · '}
          {t('delivery.at', {
            place: t(`delivery.place.${place}`),
            attendant: t(`delivery.attendant.${attendant}`),
          })}
        </>
      )}
    </p>
  )
}

/** A death the schedule asks to report (schedule/closure.ts): a baby under one or a pregnant or nifas mother. */
function reportable(member: Member): boolean {
  const c = member.closure
  if (c?.reason !== 'meninggal') return false
  const stages = memberStages(member, c.date)
  return (
    stages?.stage === 'bayi_baru_lahir' ||
    stages?.stage === 'bayi' ||
    stages?.overlays.some((o) => o === 'ibu_hamil' || o === 'ibu_nifas') === true
  )
}

export function ClosedCase({ member, today }: { member: Member; today: string }) {
  const { t, lang } = useI18n(caseMessages)
  const { saving, failure, run } = useSave()
  const c = member.closure
  if (!c) return null
  const change = (next: Member['closure']) =>
    run(() => setMemberClosure(member.id, next, { now: new Date(), today }))
  return (
    <section className="card case-closed" role="status" aria-label={t(`case.reason.${c.reason}`)}>
      <p>
        <strong>{t(`case.closed.${c.reason}`, { date: formatDate(c.date, lang) })}</strong>
        {c.note ? ` — ${c.note}` : ''}
      </p>
      {c.reportedOn && <p>{t('case.reported', { date: formatDate(c.reportedOn, lang) })}</p>}
      <div className="form-actions">
        {reportable(member) && !c.reportedOn && (
          <button
            type="button"
            className="button primary"
            disabled={saving}
            onClick={() => void change({ ...c, reportedOn: today })}
          >
            {t('case.markReported')}
          </button>
        )}
        <button
          type="button"
          className="button secondary"
          disabled={saving}
          onClick={() => {
            if (window.confirm(t('case.reopenConfirm'))) void change(undefined)
          }}
        >
          {t('case.reopen')}
        </button>
      </div>
      {failure && <p className="form-failure">{t(failure)}</p>}
    </section>
  )
}
