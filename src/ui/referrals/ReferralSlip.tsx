// Surat pengantar rujukan: one page for the person to take to the facility — who they are, what the kader found
// (in plain Bahasa, with the measures, their units and dates), where to and from whom. Printable (referrals.css
// @media print keeps only the page) and shareable as text where the phone offers Web Share (WhatsApp to the bidan).
import { useMemo } from 'react'
import { useMember, useWorkArea } from '../../data/hooks'
import { ageOn, formatAge } from '../../domain/age'
import { PROBLEM_LABELS, type Referral } from '../../domain/referrals'
import type { Household, Member } from '../../protocol/records'
import { type CoreKey, formatDate, type Lang, type Translate, useI18n } from '../i18n'
import { paths } from '../router'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { type ReferralKey, referralMessages } from './messages'
import { useAreaReferrals } from './useReferrals'
import './referrals.css'

export default function ReferralSlip({ memberId }: { memberId: string }) {
  const { t, lang } = useI18n(referralMessages)
  const today = useToday()
  const member = useMember(memberId)
  const workArea = useWorkArea()
  const area = useAreaReferrals()
  const open = useMemo(
    () => area?.referrals.filter((r) => r.memberId === memberId && !r.closed) ?? [],
    [area, memberId],
  )
  if (member === undefined || area === undefined) return <p className="loading">{t('common.loading')}</p>
  const household = member ? area.households.get(member.householdId) : undefined
  const back = member ? paths.member(member.id) : paths.referrals()
  if (!member || open.length === 0) {
    return (
      <main className="screen">
        <TopBar title={t('slip.title')} back={back} />
        <p className="empty">{member ? t('slip.nothing') : t('member.notFound')}</p>
      </main>
    )
  }
  const destinations = [...new Set(open.map((r) => t(`destination.${r.destination}`)))].join(' / ')
  const urgent = open.some((r) => r.urgency === 'segera')
  const slip: SlipText = {
    member,
    household,
    referrals: open,
    destinations,
    urgent,
    kader: workArea?.kaderName ?? '',
    posyandu: workArea?.posyandu?.name ?? workArea?.desa ?? '',
    today,
  }
  const share = () => {
    void navigator.share?.({ title: t('slip.title'), text: slipText(slip, t, lang) }).catch(() => {
      // The kader closed the share sheet: nothing to do.
    })
  }
  return (
    <main className="screen slip-screen">
      <TopBar title={t('slip.title')} back={back} />
      <div className="screen-actions slip-actions">
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('slip.print')}
        </button>
        {'share' in navigator && (
          <button type="button" className="button secondary" onClick={share}>
            {t('slip.share')}
          </button>
        )}
      </div>
      <article className="slip" aria-label={t('slip.title')}>
        <h1 className="slip-title">{t('slip.title')}</h1>
        {urgent && <p className="slip-urgent">{t('slip.urgent')}</p>}
        <p>
          {t('slip.to')} <strong>{destinations}</strong>
        </p>
        <dl className="slip-person">
          <dt>{t('slip.person')}</dt>
          <dd>{member.name}</dd>
          <dt>{t('slip.sexAge')}</dt>
          <dd>
            {t(`sex.${member.sex}`)} / {formatAge(ageOn(member.birthDate, today), lang)}
          </dd>
          <dt>{t('slip.born')}</dt>
          <dd>{formatDate(member.birthDate, lang)}</dd>
          {member.nik && (
            <>
              <dt>{t('slip.nik')}</dt>
              <dd>{member.nik}</dd>
            </>
          )}
          {household && (
            <>
              <dt>{t('slip.headOfHousehold')}</dt>
              <dd>{household.headName}</dd>
              <dt>{t('slip.address')}</dt>
              <dd>{addressLine(household)}</dd>
            </>
          )}
        </dl>
        <h2 className="slip-heading">{t('slip.findings')}</h2>
        <ol className="slip-findings">
          {open.map((r) => (
            <li key={r.id}>
              <strong>
                {PROBLEM_LABELS[r.problem][lang]}
                {r.urgency === 'segera' ? ` — ${t('referrals.urgent')}` : ''}
              </strong>
              <ul>
                {r.findings.map((f) => (
                  <li key={f.code}>{f.message[lang]}</li>
                ))}
              </ul>
              <p className="slip-date">{t('slip.measuredOn', { date: formatDate(r.measuredOn, lang) })}</p>
            </li>
          ))}
        </ol>
        <p>{t('slip.request')}</p>
        <dl className="slip-from">
          <dt>{t('slip.kader')}</dt>
          <dd>{slip.kader || '…………………………'}</dd>
          <dt>{t('slip.posyandu')}</dt>
          <dd>{slip.posyandu || '…………………………'}</dd>
          <dt>{t('slip.date')}</dt>
          <dd>{formatDate(today, lang)}</dd>
        </dl>
      </article>
    </main>
  )
}

interface SlipText {
  member: Member
  household: Household | undefined
  referrals: readonly Referral[]
  destinations: string
  urgent: boolean
  kader: string
  posyandu: string
  today: string
}

function addressLine(h: Household): string {
  const a = h.address
  return [a.street, `${a.dusun} RT ${a.rt}/RW ${a.rw}`, a.desa, a.kecamatan].filter(Boolean).join(', ')
}

/** The slip as plain text, for Web Share (a chat message keeps its lines). */
function slipText(s: SlipText, t: Translate<CoreKey | ReferralKey>, lang: Lang): string {
  const lines = [
    t('slip.title').toUpperCase(),
    ...(s.urgent ? [t('slip.urgent')] : []),
    `${t('slip.to')} ${s.destinations}`,
    '',
    `${t('slip.person')}: ${s.member.name}`,
    `${t('slip.sexAge')}: ${t(`sex.${s.member.sex}`)} / ${formatAge(ageOn(s.member.birthDate, s.today), lang)}`,
    `${t('slip.born')}: ${formatDate(s.member.birthDate, lang)}`,
    ...(s.household ? [`${t('slip.address')}: ${addressLine(s.household)}`] : []),
    '',
    `${t('slip.findings')}:`,
    ...s.referrals.flatMap((r) => [
      `- ${PROBLEM_LABELS[r.problem][lang]}${r.urgency === 'segera' ? ` (${t('referrals.urgent')})` : ''}, ${t('slip.measuredOn', { date: formatDate(r.measuredOn, lang) })}`,
      ...r.findings.map((f) => `  • ${f.message[lang]}`),
    ]),
    '',
    t('slip.request'),
    `${t('slip.from')}: ${s.kader}${s.posyandu ? `, ${s.posyandu}` : ''} (${formatDate(s.today, lang)})`,
  ]
  return lines.join('\n')
}
