// One person at the open day, langkah 2–5 on one screen: the stage's measures in big number fields with the last
// value beside each, the services due as toggles, a penyuluhan topic; Simpan shows the result at once (N/T, BGM,
// the growth category, a referral, in plain words) and "Berikutnya" takes the next person in the queue.
import { useMemo, useState } from 'react'
import { useClinicalSettings } from '../../data/hooks'
import { useMemberVisits } from '../../data/visit-hooks'
import type { VisitRow } from '../../data/visits'
import { type Finding, worstLevel } from '../../domain/findings'
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
  // While the save runs, the result of what is being saved; once saved, the visit.
  const [saving, setSaving] = useState<Finding[]>()
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
  const shown = saved ? findingsOfVisit(saved, history, person.member, settings) : saving
  return (
    <main className="screen openday">
      <TopBar title={person.member.name} back={paths.openDay(date)} />
      {shown && (
        <Result
          findings={shown}
          savedAt={saved?.createdAt}
          next={nextPerson ? { id: nextPerson.member.id, name: nextPerson.member.name } : undefined}
          date={date}
          onEdit={() => {
            setSaved(undefined)
            setSaving(undefined)
            setEdits((n) => n + 1)
          }}
        />
      )}
      {!saved && (
        // Hidden, not gone, while the save runs: a save that fails brings the form back as it was.
        <div hidden={saving !== undefined}>
          <MeasureForm
            key={edits}
            date={date}
            person={person}
            today={today}
            history={history}
            settings={settings}
            onSaving={setSaving}
            onSaveFailed={() => setSaving(undefined)}
            onSaved={setSaved}
          />
        </div>
      )}
    </main>
  )
}

/** The findings of a saved visit, read with the member's other current visits. */
function findingsOfVisit(
  visit: Visit,
  history: readonly VisitRow[],
  member: Parameters<typeof visitFindings>[1],
  settings: Parameters<typeof visitFindings>[3],
): Finding[] {
  return visitFindings(
    visit,
    member,
    history.filter((v) => !v.supersededBy && v.id !== visit.id),
    settings,
  )
}

function Result({
  findings,
  savedAt,
  next,
  date,
  onEdit,
}: {
  findings: readonly Finding[]
  /** Undefined while the save runs. */
  savedAt: string | undefined
  next: { id: string; name: string } | undefined
  date: string
  onEdit: () => void
}) {
  const { t, lang } = useI18n(openDayMessages)
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
      <p className="muted" role="status">
        {savedAt ? t('measure.savedAt', { time: formatWhen(savedAt, lang) }) : t('measure.saving')}
      </p>
      <div className="form-actions">
        {next ? (
          <button
            type="button"
            className="button primary"
            disabled={!savedAt}
            onClick={() => navigate(paths.openDayPerson(date, next.id), { replace: true })}
          >
            {t('measure.next', { name: next.name })}
          </button>
        ) : null}
        <a className={next ? 'button secondary' : 'button primary'} href={paths.openDay(date)}>
          {t('measure.backToQueue')}
        </a>
        <button type="button" className="button secondary" onClick={onEdit} disabled={!savedAt}>
          {t('measure.edit')}
        </button>
      </div>
    </section>
  )
}
