// "Perlu dirujuk": everyone in the work area whose latest visit has an open 'rujuk' finding, longest waiting first,
// with a way to record what became of it (sudah ke pustu/puskesmas, hasil).
import { type FormEvent, useMemo, useState } from 'react'
import { useClinicalSettings, useWorkArea, useWorkAreaRows } from '../../data/hooks'
import { uuidv7s } from '../../data/ids'
import { useWorkAreaVisits } from '../../data/visit-hooks'
import { saveFollowUps } from '../../data/visits'
import { openReferrals, type Referral, referralDaysWaiting } from '../../domain/referrals'
import type { ErrorKey } from '../../protocol/error-messages'
import type { Household, Member } from '../../protocol/records'
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome } from '../../protocol/visits'
import { formatDate, useI18n } from '../i18n'
import { paths } from '../router'
import { TextField } from '../shared/Field'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { useSave } from '../shared/useSave'
import { RecordSyncMark } from '../sync/RecordSyncMark'
import { FindingList } from '../visits/FindingList'
import { findingsByVisit } from '../visits/findings'

export default function ReferralList() {
  const { t } = useI18n()
  const today = useToday()
  const workArea = useWorkArea()
  const rows = useWorkAreaRows(workArea?.id, today)
  const area = useWorkAreaVisits(workArea?.id)
  const settings = useClinicalSettings()

  const { referrals, members, households } = useMemo(() => {
    const members = new Map<string, Member>()
    const households = new Map<string, Household>()
    for (const row of rows ?? []) {
      households.set(row.household.id, row.household)
      for (const m of row.members) members.set(m.id, m)
    }
    if (!area || !settings) return { referrals: undefined, members, households }
    const withFindings = [...members.values()].flatMap((m) => {
      const own = area.visits.filter((v) => v.memberId === m.id)
      const findings = findingsByVisit(own, m, settings)
      return own.map((v) => ({ ...v, findings: findings.get(v.id) ?? [] }))
    })
    return { referrals: openReferrals(withFindings, area.followUps), members, households }
  }, [rows, area, settings])

  return (
    <main className="screen">
      <TopBar title={t('referrals.title')} back={paths.households()} />
      {referrals === undefined ? (
        <p className="loading">{t('common.loading')}</p>
      ) : referrals.length === 0 ? (
        <p className="empty">{t('referrals.none')}</p>
      ) : (
        <ul className="referral-list" aria-label={t('referrals.title')}>
          {referrals.map((r) => {
            const member = members.get(r.memberId)
            return member ? (
              <li key={r.visitId} className="card">
                <ReferralItem
                  referral={r}
                  member={member}
                  household={households.get(member.householdId)}
                  today={today}
                />
              </li>
            ) : null
          })}
        </ul>
      )}
    </main>
  )
}

function ReferralItem({
  referral,
  member,
  household,
  today,
}: {
  referral: Referral
  member: Member
  household: Household | undefined
  today: string
}) {
  const { t, lang } = useI18n()
  const [open, setOpen] = useState(false)
  return (
    <>
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
        {t('referrals.since', {
          date: formatDate(referral.date, lang),
          days: referralDaysWaiting(referral, today),
        })}
      </p>
      <FindingList findings={referral.findings} label={t('referrals.reasons')} />
      {referral.lastFollowUp && (
        <p className="muted">
          {t('referrals.lastFollowUp', {
            outcome: t(`followUp.${referral.lastFollowUp.outcome}`),
            date: formatDate(referral.lastFollowUp.date, lang),
          })}
          {referral.lastFollowUp.id && (
            <>
              {' · '}
              <RecordSyncMark recordId={referral.lastFollowUp.id} />
            </>
          )}
        </p>
      )}
      {open ? (
        <FollowUpForm referral={referral} today={today} onDone={() => setOpen(false)} />
      ) : (
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          {t('referrals.record')}
        </button>
      )}
    </>
  )
}

function FollowUpForm({
  referral,
  today,
  onDone,
}: {
  referral: Referral
  today: string
  onDone: () => void
}) {
  const { t } = useI18n()
  const [outcome, setOutcome] = useState<FollowUpOutcome>()
  const [date, setDate] = useState(today)
  const [result, setResult] = useState('')
  const [error, setError] = useState<ErrorKey>()
  // One id per finding, made when the form opens: a repeated Simpan stores each follow-up once.
  const [saveIds] = useState(() => uuidv7s(referral.findings.length, Date.now()))
  const { saving, failure, run } = useSave()

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!outcome) return setError('err.followUp.outcome')
    const inputs = referral.findings.map((f) => ({
      visitId: referral.visitId,
      findingCode: f.code,
      date,
      outcome,
      result,
    }))
    const done = await run(() => saveFollowUps(inputs, { now: new Date(), today, saveIds }))
    if (!done) return
    const refused = done.value.find((r) => !r.ok)
    if (refused && !refused.ok) return setError(Object.values(refused.errors)[0]?.key ?? 'err.invalid')
    onDone()
  }

  return (
    <form className="form follow-up" onSubmit={submit} noValidate>
      <fieldset className={`field${error === 'err.followUp.outcome' ? ' field-error' : ''}`}>
        <legend>{t('referrals.outcome')}</legend>
        {FOLLOW_UP_OUTCOMES.map((o) => (
          <label key={o} className="checkbox">
            <input type="radio" name="outcome" checked={outcome === o} onChange={() => setOutcome(o)} />
            {t(`followUp.${o}`)}
          </label>
        ))}
      </fieldset>
      <TextField label={t('visit.date')} type="date" max={today} value={date} onChange={setDate} />
      <TextField label={t('referrals.result')} value={result} onChange={setResult} />
      {(error || failure) && (
        <p className="form-failure" role="alert">
          {t(error ?? failure ?? 'err.invalid')}
        </p>
      )}
      <button type="submit" className="button primary" disabled={saving}>
        {t('common.save')}
      </button>
    </form>
  )
}
