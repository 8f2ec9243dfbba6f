// The open day's people, group by group: who is waiting to be measured first (by arrival), then who has not come,
// then who is done; each row opens the person's measurement screen, "Datang" checks them in.
import { memo } from 'react'
import { ageOn, formatAge } from '../../domain/age'
import { type Attendance, OPEN_DAY_GROUPS, type QueueEntry } from '../../domain/openday'
import { useI18n } from '../i18n'
import { paths } from '../router'
import { openDayMessages } from './messages'
import type { Person } from './useOpenDay'

const ORDER: Record<Attendance, number> = { hadir: 0, belum: 1, diukur: 2, selesai: 3 }
const SYMBOL: Record<Attendance, string> = { belum: '○', hadir: '●', diukur: '◐', selesai: '✓' }
const collator = new Intl.Collator('id', { sensitivity: 'base' })

export function sortQueue(entries: readonly QueueEntry[], people: Map<string, Person>): QueueEntry[] {
  const name = (e: QueueEntry) => people.get(e.memberId)?.member.name ?? ''
  return [...entries].sort(
    (a, b) =>
      ORDER[a.attendance] - ORDER[b.attendance] ||
      (a.attendance === 'hadir' ? (a.arrivedAt ?? '').localeCompare(b.arrivedAt ?? '') : 0) ||
      collator.compare(name(a), name(b)),
  )
}

export function QueueList({
  entries,
  people,
  date,
  onCheckIn,
}: {
  entries: readonly QueueEntry[]
  people: Map<string, Person>
  date: string
  onCheckIn: (memberId: string) => void
}) {
  const { t } = useI18n(openDayMessages)
  return (
    <>
      {OPEN_DAY_GROUPS.map((group) => {
        const own = sortQueue(
          entries.filter((e) => e.group === group),
          people,
        )
        if (own.length === 0) return null
        const came = own.filter((e) => e.attendance !== 'belum').length
        return (
          <section key={group} aria-label={t(`openDay.group.${group}`)}>
            <h2 className="section-title queue-group">
              {t(`openDay.group.${group}`)}{' '}
              <span className="muted">
                ({came}/{own.length})
              </span>
            </h2>
            <ul className="queue-list">
              {own.map((e) => {
                const person = people.get(e.memberId)
                return person ? (
                  <QueueRow key={e.memberId} entry={e} person={person} date={date} onCheckIn={onCheckIn} />
                ) : null
              })}
            </ul>
          </section>
        )
      })}
    </>
  )
}

export const QueueRow = memo(function QueueRow({
  entry,
  person,
  date,
  onCheckIn,
}: {
  entry: Pick<QueueEntry, 'memberId' | 'attendance' | 'reason'>
  person: Person
  date: string
  onCheckIn: (memberId: string) => void
}) {
  const { t, lang } = useI18n(openDayMessages)
  const { member, household } = person
  const age = member.birthDate <= date ? formatAge(ageOn(member.birthDate, date), lang) : ''
  return (
    <li className={`queue-row queue-${entry.attendance}`}>
      <a className="queue-person" href={paths.openDayPerson(date, member.id)}>
        <span className="queue-name">{member.name}</span>
        <span className="row-sub">
          {age} · {t(`sex.${member.sex}.short`)} · {household.headName} · RT {household.address.rt}
        </span>
        <span className={`queue-state state-${entry.attendance}`}>
          <span aria-hidden="true">{SYMBOL[entry.attendance]} </span>
          {t(`openDay.state.${entry.attendance}`)}
          {entry.reason === undefined && entry.attendance !== 'belum' && ` · ${t('openDay.walkInBadge')}`}
        </span>
      </a>
      {entry.attendance === 'belum' && (
        <button
          type="button"
          className="button secondary queue-checkin"
          aria-label={t('openDay.checkInLabel', { name: member.name })}
          onClick={() => onCheckIn(member.id)}
        >
          {t('openDay.checkIn')}
        </button>
      )}
    </li>
  )
})
