// "Rujukan": every open referral of the work area — urgent first, then the most overdue — each with its follow-up
// and its slip, then the referrals closed in the last 90 days ("Selesai"), latest first.
import { useState } from 'react'
import { addDays } from '../../domain/dates'
import { PROBLEM_LABELS, type Referral, referralDaysWaiting, referralState } from '../../domain/referrals'
import type { Household, Member } from '../../protocol/records'
import { type CoreKey, formatDate, type Lang, type Translate, useI18n } from '../i18n'
import { paths } from '../router'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { FindingList } from '../visits/FindingList'
import { FollowUpForm } from './FollowUpForm'
import { type ReferralKey, referralMessages } from './messages'
import { useAreaReferrals } from './useReferrals'
import './referrals.css'

// The "Selesai" list shows what was closed recently: the kader's weekly and monthly reports look back that far.
const CLOSED_SHOWN_DAYS = 90

export default function ReferralList() {
  const { t } = useI18n(referralMessages)
  const today = useToday()
  const area = useAreaReferrals()
  const open = area?.referrals.filter((r) => !r.closed) ?? []
  const closedFrom = addDays(today, -CLOSED_SHOWN_DAYS)
  const closed = area?.referrals.filter((r) => r.closed && r.closed.on >= closedFrom) ?? []
  return (
    <main className="screen">
      <TopBar title={t('referrals.title')} />
      {area === undefined ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <>
          <h2 className="section-title">{t('referrals.open', { n: open.length })}</h2>
          {open.length === 0 ? (
            <p className="empty">{t('referrals.none')}</p>
          ) : (
            <ReferralCards referrals={open} area={area} today={today} />
          )}
          {closed.length > 0 && (
            <>
              <h2 className="section-title">{t('referrals.closedRecent', { n: closed.length })}</h2>
              <ReferralCards referrals={closed} area={area} today={today} />
            </>
          )}
        </>
      )}
    </main>
  )
}

function ReferralCards({
  referrals,
  area,
  today,
}: {
  referrals: readonly Referral[]
  area: { members: Map<string, Member>; households: Map<string, Household> }
  today: string
}) {
  return (
    <ul className="referral-list">
      {referrals.map((r) => {
        const member = area.members.get(r.memberId)
        return member ? (
          <li key={r.id} className={`card referral referral-${r.closed ? 'closed' : r.urgency}`}>
            <ReferralItem
              referral={r}
              member={member}
              household={area.households.get(member.householdId)}
              today={today}
            />
          </li>
        ) : null
      })}
    </ul>
  )
}

function ReferralItem({
  referral: r,
  member,
  household,
  today,
}: {
  referral: Referral
  member: Member
  household: Household | undefined
  today: string
}) {
  const { t, lang } = useI18n(referralMessages)
  const [recording, setRecording] = useState(false)
  const state = referralState(r, today)
  const last = r.followUps.at(-1)
  return (
    <>
      <p className="referral-head">
        {r.urgency === 'segera' && !r.closed && (
          <span className="badge badge-urgent">{t('referrals.urgent')}</span>
        )}
        <strong>{PROBLEM_LABELS[r.problem][lang]}</strong>
      </p>
      <a className="row-title" href={paths.member(member.id)}>
        {member.name}
      </a>
      {household && (
        <p className="muted">
          {household.headName} · {household.address.dusun} · RT {household.address.rt}/RW{' '}
          {household.address.rw}
        </p>
      )}
      <p className="muted">
        {t('referrals.since', { date: formatDate(r.openedOn, lang), days: referralDaysWaiting(r, today) })} ·{' '}
        {t('referrals.destination', { place: t(`destination.${r.destination}`) })}
      </p>
      <FindingList findings={r.findings} label={t('referrals.reasons')} />
      {r.closed ? (
        <p className="referral-closed">{closedText(r, t, lang)}</p>
      ) : (
        <>
          <p className={state === 'overdue' ? 'referral-overdue' : 'muted'}>
            {state === 'overdue'
              ? t('referrals.overdue', { date: formatDate(addDays(r.dueTo, 1), lang) })
              : t('referrals.due', { from: formatDate(r.dueFrom, lang), to: formatDate(r.dueTo, lang) })}
          </p>
          {last && (
            <p className="muted">
              {t('referrals.followUp', {
                date: formatDate(last.date, lang),
                outcome: t(`followUp.${last.outcome}`),
              })}
            </p>
          )}
          {recording ? (
            <FollowUpForm referral={r} today={today} onDone={() => setRecording(false)} />
          ) : (
            <div className="referral-actions">
              <button type="button" className="button primary small" onClick={() => setRecording(true)}>
                {t('referrals.record')}
              </button>
              <a className="button secondary small" href={paths.referralSlip(member.id)}>
                {t('referrals.slip')}
              </a>
            </div>
          )}
        </>
      )}
    </>
  )
}

function closedText(r: Referral, t: Translate<CoreKey | ReferralKey>, lang: Lang): string {
  const closed = r.closed
  if (!closed) return ''
  const date = formatDate(closed.on, lang)
  switch (closed.by) {
    case 'followUp': {
      const { outcome, facility, result } = closed.followUp
      const where = facility ? ` (${t(`destination.${facility}`)})` : ''
      const detail = result ? ` — ${result}` : ''
      return t('referrals.closedBy.followUp', {
        date,
        outcome: `${t(`followUp.${outcome}`)}${where}${detail}`,
      })
    }
    case 'remeasured':
      return t('referrals.closedBy.remeasured', { date })
    case 'case':
      return t('referrals.closedBy.case', { date })
  }
}
