import { useHousehold } from '../../data/hooks'
import { ageOn, formatAge } from '../../domain/age'
import { LIFE_STAGES, type MemberStages, memberStages } from '../../domain/lifecycle'
import type { Member } from '../../protocol/records'
import { formatDate, useI18n } from '../i18n'
import { paths } from '../router'
import { StageBadge } from '../shared/StageBadge'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { RecordSyncMark } from '../sync/RecordSyncMark'

export function HouseholdDetail({ id }: { id: string }) {
  const { t } = useI18n()
  const today = useToday()
  const data = useHousehold(id)
  if (data === undefined) return <p className="loading">{t('common.loading')}</p>
  const { household, members } = data
  if (!household) {
    return (
      <main className="screen">
        <TopBar title={t('household.title')} back={paths.households()} />
        <p className="empty">{t('household.notFound')}</p>
      </main>
    )
  }
  const a = household.address
  const staged = members.map((m) => ({ member: m, stages: memberStages(m, today) }))

  return (
    <main className="screen">
      <TopBar
        title={household.headName}
        back={paths.households()}
        action={
          <a className="topbar-action" href={paths.householdEdit(household.id)}>
            {t('common.edit')}
          </a>
        }
      />
      <section className="card" aria-label={t('household.address')}>
        <p>
          {a.street ? `${a.street}, ` : ''}
          {t('address.dusun')} {a.dusun}, RT {a.rt}/RW {a.rw}
        </p>
        <p className="muted">
          {a.desa}, {a.kecamatan}, {a.kabupaten}
        </p>
        {household.noKk && (
          <p className="muted">
            {t('household.noKk')}: {household.noKk}
          </p>
        )}
        <p>
          <RecordSyncMark recordId={household.id} />
        </p>
        {household.location && (
          <p className="muted">
            {t('location.saved', {
              lat: household.location.lat.toFixed(5),
              lng: household.location.lng.toFixed(5),
              accuracy: Math.round(household.location.accuracyM),
            })}
          </p>
        )}
      </section>

      <h2 className="section-title">{t('household.members', { n: members.length })}</h2>
      {members.length === 0 && <p className="empty">{t('household.noMembers')}</p>}
      {LIFE_STAGES.map((stage) => {
        const group = staged.filter((s) => s.stages?.stage === stage)
        if (group.length === 0) return null
        return (
          <section key={stage} className="stage-group" aria-label={t(`stage.${stage}`)}>
            <h3>
              <StageBadge stage={stage} />
            </h3>
            <ul className="member-list">
              {group.map(({ member, stages }) => (
                <li key={member.id}>
                  <MemberRow member={member} stages={stages} today={today} />
                </li>
              ))}
            </ul>
          </section>
        )
      })}
      <a className="fab" href={paths.memberNew(household.id)}>
        + {t('member.add')}
      </a>
    </main>
  )
}

function MemberRow({
  member,
  stages,
  today,
}: {
  member: Member
  stages: MemberStages | undefined
  today: string
}) {
  const { t, lang } = useI18n()
  const age = stages ? formatAge(ageOn(member.birthDate, today), lang) : ''
  return (
    <a className="row member-row" href={paths.member(member.id)}>
      <span className="row-title">
        {member.name}{' '}
        <span className="muted">({member.sex === 'L' ? t('sex.L.short') : t('sex.P.short')})</span>
      </span>
      <span className="row-sub">
        {t(`relation.${member.relation}`)} · {age} · <RecordSyncMark recordId={member.id} link={false} />
      </span>
      {stages?.pregnancy && (
        <span className="row-sub">
          <StageBadge stage="ibu_hamil" />{' '}
          {t('pregnancy.summary', {
            weeks: stages.pregnancy.weeks,
            days: stages.pregnancy.days,
            hpl: formatDate(stages.pregnancy.hpl, lang),
          })}
        </span>
      )}
      {stages?.nifas && (
        <span className="row-sub">
          <StageBadge stage="ibu_nifas" /> {t('nifas.summary', { day: stages.nifas.daysSinceDelivery })}
        </span>
      )}
    </a>
  )
}
