import { lazy, Suspense, useMemo } from 'react'
import { useClinicalSettings, useMember } from '../../data/hooks'
import { useMemberFollowUps, useMemberVisits } from '../../data/visit-hooks'
import { ageOn, formatAge } from '../../domain/age'
import { memberStages } from '../../domain/lifecycle'
import { formatDate, useI18n, useT } from '../i18n'
import { referralMessages } from '../referrals/messages'
import { paths } from '../router'
import { StageBadge } from '../shared/StageBadge'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { RecordSyncMark } from '../sync/RecordSyncMark'
import { visitCoreMessages } from '../visits/core-messages'
import { FindingList } from '../visits/FindingList'
import { findingsByVisit } from '../visits/findings'
import { ClosedCase, DeliverySummary, MotherLink } from './CaseStatus'
import { caseMessages } from './case-messages'
import { memberMessages } from './messages'

// The history draws growth charts from the WHO tables: loaded with this screen, not with the first one.
const VisitHistory = lazy(() => import('../visits/VisitHistory'))

// The Buku KIA holds a child's doses to 5 years and a pregnancy's ANC contacts (ui/bukukia).
const BUKU_KIA_MONTHS = 60

export default function MemberDetail({ id }: { id: string }) {
  const { t, lang } = useI18n(referralMessages)
  const tm = useT(memberMessages)
  const tc = useT(caseMessages)
  const tv = useT(visitCoreMessages)
  const today = useToday()
  const member = useMember(id)
  const visits = useMemberVisits(id)
  const followUps = useMemberFollowUps(id)
  const settings = useClinicalSettings()
  const findings = useMemo(
    () => (member && visits && settings ? findingsByVisit(visits, member, settings) : undefined),
    [member, visits, settings],
  )
  if (member === undefined) return <p className="loading">{t('common.loading')}</p>
  if (member === null) {
    return (
      <main className="screen">
        <TopBar title={t('member.title')} back={paths.households()} />
        <p className="empty">{t('member.notFound')}</p>
      </main>
    )
  }
  const stages = memberStages(member, today)
  return (
    <main className="screen">
      <TopBar
        title={member.name}
        back={paths.household(member.householdId)}
        action={
          <a className="topbar-action" href={paths.memberEdit(member.id)}>
            {t('common.edit')}
          </a>
        }
      />
      <section className="card" aria-label={t('member.title')}>
        <p>
          {t(`sex.${member.sex}`)} · {formatAge(ageOn(member.birthDate, today), lang)} · {t('member.born')}{' '}
          {formatDate(member.birthDate, lang)}
        </p>
        {member.nik && <p className="muted">NIK {member.nik}</p>}
        {member.motherId && <MotherLink motherId={member.motherId} />}
        <p>
          <RecordSyncMark recordId={member.id} />
        </p>
        {stages && (
          <p className="row-badges">
            <StageBadge stage={stages.stage} />
            {stages.overlays.map((o) => (
              <StageBadge key={o} stage={o} />
            ))}
          </p>
        )}
        {stages?.pregnancy && (
          <p>
            {t('pregnancy.summary', {
              weeks: stages.pregnancy.weeks,
              days: stages.pregnancy.days,
              hpl: formatDate(stages.pregnancy.hpl, lang),
            })}
          </p>
        )}
        {member.delivery && <DeliverySummary delivery={member.delivery} />}
      </section>
      <ClosedCase member={member} today={today} />
      {/* A closed case is reopened before anything is recorded for them again. */}
      {!member.closure && (
        <div className="form-actions screen-actions">
          <a className="button primary" href={paths.visitNew(member.id)}>
            {tv('visit.record')}
          </a>
          {(ageOn(member.birthDate, today).totalMonths < BUKU_KIA_MONTHS || stages?.pregnancy) && (
            <a className="button secondary" href={paths.bukuKia(member.id)}>
              {tm('member.bukuKia')}
            </a>
          )}
          {stages?.pregnancy && (
            <a className="button secondary" href={paths.delivery(member.id)}>
              {tc('delivery.record')}
            </a>
          )}
          <a className="button secondary" href={paths.caseClose(member.id)}>
            {tc('case.close')}
          </a>
        </div>
      )}
      <h2 className="section-title">{tv('visit.history')}</h2>
      <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
        <VisitHistory
          memberId={member.id}
          birthDate={member.birthDate}
          sex={member.sex}
          renderFindings={(v) =>
            v.supersededBy ? null : (
              <>
                <p>
                  <RecordSyncMark recordId={v.id} />
                </p>
                <FindingList findings={findings?.get(v.id) ?? []} label={tv('visit.findings')} />
                {(followUps ?? [])
                  .filter((f) => f.visitId === v.id)
                  .map((f) => (
                    <p key={f.id} className="muted">
                      {t('referrals.followUp', {
                        outcome: t(`followUp.${f.outcome}`),
                        date: formatDate(f.date, lang),
                      })}{' '}
                      · <RecordSyncMark recordId={f.id} />
                    </p>
                  ))}
                <a className="button secondary small" href={paths.visitCorrect(v.id)}>
                  {tv('visit.correct')}
                </a>
              </>
            )
          }
        />
      </Suspense>
    </main>
  )
}
