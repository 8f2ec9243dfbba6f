// "Posyandu hari ini": the sasaran expected on the open day by group, searchable, with check-in (langkah 1) and
// walk-in registration; a row opens the person's measurement screen (langkah 2–5), and the rekap ends the day.
import { useDeferredValue, useMemo, useRef, useState } from 'react'
import { StorageError } from '../../data/db'
import { useWorkArea } from '../../data/hooks'
import { fold } from '../../data/household-rows'
import { uuidv7 } from '../../data/ids'
import { checkIn } from '../../data/openday'
import { readOpenDayAhead } from '../../data/visit-hooks'
import type { QueueEntry } from '../../domain/openday'
import { posyanduDay } from '../../domain/schedule/calendar'
import type { PosyanduCalendar } from '../../domain/schedule/types'
import type { ErrorKey } from '../../protocol/error-messages'
import { formatDate, useI18n } from '../i18n'
import { navigate, paths } from '../router'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { SyncChip } from '../sync/SyncChip'
import { openDayMessages } from './messages'
import { QueueList, QueueRow } from './QueueList'
import { type OpenDay, useOpenDay } from './useOpenDay'
import './openday.css'

/** For the app's idle time on the open day: the screen's data read before the kader taps it. */
export const prepare = readOpenDayAhead

/** People found by search outside the day's list: enough to pick from, not the whole area. */
const MAX_OTHERS = 20

export default function OpenDayScreen({ date: asked }: { date?: string }) {
  const { t, lang } = useI18n(openDayMessages)
  const today = useToday()
  const date = asked ?? today
  const workArea = useWorkArea()
  const day = useOpenDay(date)
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query)
  const [failure, setFailure] = useState<ErrorKey>()
  // One save id per person and day: a second tap on "Datang" stores nothing more. Taps on other people's rows go
  // through at once — the registration table checks people in one after another.
  const saveIds = useRef(new Map<string, string>())

  const arrive = (memberId: string) => {
    const ids = saveIds.current
    const saveId = ids.get(memberId) ?? uuidv7()
    ids.set(memberId, saveId)
    setFailure(undefined)
    checkIn(memberId, date, { now: new Date(), today, saveId }).catch((error: unknown) => {
      if (!(error instanceof StorageError)) throw error
      setFailure(`err.${error.reason}`)
    })
  }

  const openDay = workArea?.posyandu
    ? posyanduDay(workArea.posyandu as PosyanduCalendar, date.slice(0, 7))
    : undefined
  const shown = useMemo(() => (day ? search(day, deferred) : undefined), [day, deferred])
  const counts = day && countsOf(day.queue)

  return (
    <main className="screen openday">
      <TopBar title={t('openDay.title')} action={<SyncChip />} />
      <div className="openday-head">
        <label className="openday-date">
          {t('openDay.date')}
          <input
            type="date"
            value={date}
            max={today}
            onChange={(e) => e.target.value && navigate(paths.openDay(e.target.value), { replace: true })}
          />
        </label>
        <p className="muted">
          {!workArea?.posyandu ? (
            <a href={paths.settings()}>{t('openDay.noCalendar')}</a>
          ) : openDay === date ? (
            t('openDay.isOpenDay')
          ) : (
            t('openDay.notOpenDay', { date: openDay ? formatDate(openDay, lang) : '–' })
          )}
        </p>
        {counts && <p className="openday-counts">{t('openDay.counts', counts)}</p>}
        <div className="button-row">
          <a className="button primary" href={paths.openDayWalkIn(date)}>
            {t('openDay.walkIn')}
          </a>
          <a className="button secondary" href={paths.openDayRekap(date)}>
            {t('openDay.rekap')}
          </a>
        </div>
        <input
          type="search"
          className="search"
          placeholder={t('openDay.searchPlaceholder')}
          aria-label={t('openDay.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {failure && (
        <p className="form-failure" role="alert">
          {t(failure)}
        </p>
      )}
      {!day || !shown ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <>
          {shown.queue.length === 0 && shown.others.length === 0 && (
            <p className="empty">{query ? t('openDay.noMatch') : t('openDay.nobody')}</p>
          )}
          <QueueList entries={shown.queue} people={day.people} date={date} onCheckIn={arrive} />
          {shown.others.length > 0 && (
            <section aria-label={t('openDay.others')}>
              <h2 className="section-title queue-group">{t('openDay.others')}</h2>
              <ul className="queue-list">
                {shown.others.map((id) => {
                  const person = day.people.get(id)
                  return person ? (
                    <QueueRow
                      key={id}
                      entry={{ memberId: id, attendance: 'belum' }}
                      person={person}
                      date={date}
                      onCheckIn={arrive}
                    />
                  ) : null
                })}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  )
}

/** The day's list narrowed to the query, and members of the area outside it whose name matches. */
function search(day: OpenDay, query: string): { queue: QueueEntry[]; others: string[] } {
  const needle = fold(query.trim())
  if (!needle) return { queue: day.queue, others: [] }
  const matches = (id: string) => fold(day.people.get(id)?.member.name ?? '').includes(needle)
  const queue = day.queue.filter((e) => matches(e.memberId))
  const listed = new Set(day.queue.map((e) => e.memberId))
  const others: string[] = []
  for (const [id, person] of day.people) {
    if (others.length >= MAX_OTHERS) break
    if (!listed.has(id) && !person.member.deleted && matches(id)) others.push(id)
  }
  return { queue, others }
}

function countsOf(queue: readonly QueueEntry[]) {
  return {
    expected: queue.filter((e) => e.reason !== undefined).length,
    came: queue.filter((e) => e.attendance !== 'belum').length,
    measured: queue.filter((e) => e.attendance === 'diukur' || e.attendance === 'selesai').length,
  }
}
