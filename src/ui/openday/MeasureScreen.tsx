// One person at the open day, langkah 2–5 on one screen: the stage's measures in big number fields with the last
// value beside each, the services due as toggles, a penyuluhan topic; Simpan shows the result at once (N/T, BGM,
// the growth category, a referral, in plain words) and "Berikutnya" takes the next person in the queue.
import { useMemo, useState } from 'react'
import { useClinicalSettings } from '../../data/hooks'
import { useMemberVisits } from '../../data/visit-hooks'
import type { VisitRow } from '../../data/visits'
import { worstLevel } from '../../domain/findings'
import { nextInQueue } from '../../domain/openday'
import { visitFindings } from '../../domain/visit-findings'
import type { Visit } from '../../protocol/visits'
import { formatWhen, useI18n } from '../i18n'
import { navigate, paths } from '../router'
import { TopBar } from '../shared/TopBar'
import { FindingList } from '../visits/FindingList'
import { MeasureForm } from './MeasureForm'
import { openDayMessages } from './messages'
import { useOpenDay } from './useOpenDay'
import './openday.css'

export default function MeasureScreen({ date, memberId }: { date: string; memberId: string }) {
  const { t } = useI18n(openDayMessages)
  const day = useOpenDay(date)
  const history = useMemberVisits(memberId)
  const settings = useClinicalSettings()
  const [saved, setSaved] = useState<Visit>()
  const [edits, setEdits] = useState(0)
  const person = day?.people.get(memberId)
  const today = useMemo(
    () =>
      (day?.visitsOf(memberId) ?? [])
        .filter((v) => v.date === date && v.place === 'posyandu')
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    [day, memberId, date],
  )

  if (!day || !history || !settings) return <p className="loading">{t('common.loading')}</p>
  if (!person) {
    return (
      <main className="screen">
        <TopBar title={t('measure.title')} back={paths.openDay(date)} />
        <p className="empty">{t('member.notFound')}</p>
      </main>
    )
  }
  const next = nextInQueue(day.queue, memberId)
  const nextPerson = next && day.people.get(next.memberId)
  return (
    <main className="screen openday">
      <TopBar title={person.member.name} back={paths.openDay(date)} />
      {saved ? (
        <Result
          visit={saved}
          history={history}
          member={person.member}
          settings={settings}
          next={nextPerson ? { id: nextPerson.member.id, name: nextPerson.member.name } : undefined}
          date={date}
          onEdit={() => {
            setSaved(undefined)
            setEdits((n) => n + 1)
          }}
        />
      ) : (
        <MeasureForm
          key={edits}
          date={date}
          person={person}
          today={today}
          history={history}
          settings={settings}
          onSaved={setSaved}
        />
      )}
    </main>
  )
}

function Result({
  visit,
  history,
  member,
  settings,
  next,
  date,
  onEdit,
}: {
  visit: Visit
  history: readonly VisitRow[]
  member: Parameters<typeof visitFindings>[1]
  settings: Parameters<typeof visitFindings>[3]
  next: { id: string; name: string } | undefined
  date: string
  onEdit: () => void
}) {
  const { t, lang } = useI18n(openDayMessages)
  const findings = useMemo(
    () =>
      visitFindings(
        visit,
        member,
        history.filter((v) => !v.supersededBy && v.id !== visit.id),
        settings,
      ),
    [visit, member, history, settings],
  )
  const level = worstLevel(findings)
  return (
    <section
      className={`card result-card result-${level}`}
      aria-label={t('measure.result')}
      aria-live="polite"
    >
      <h2 className="section-title">{t('measure.result')}</h2>
      {findings.length === 0 ? (
        <p>{t('measure.noMeasures')}</p>
      ) : (
        <>
          <p className="result-headline">{t(`measure.result.${level}`)}</p>
          <FindingList findings={findings} label={t('measure.result')} />
        </>
      )}
      <p className="muted">{t('measure.savedAt', { time: formatWhen(visit.createdAt, lang) })}</p>
      <div className="form-actions">
        {next ? (
          <button
            type="button"
            className="button primary"
            onClick={() => navigate(paths.openDayPerson(date, next.id), { replace: true })}
          >
            {t('measure.next', { name: next.name })}
          </button>
        ) : null}
        <a className={next ? 'button secondary' : 'button primary'} href={paths.openDay(date)}>
          {t('measure.backToQueue')}
        </a>
        <button type="button" className="button secondary" onClick={onEdit}>
          {t('measure.edit')}
        </button>
      </div>
    </section>
  )
}
