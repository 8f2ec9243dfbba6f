// "Jadwal kunjungan": urgent referral follow-ups first (the person should be at the facility today), then what is
// overdue, due today and due this week, grouped by household in walking order (nearest next from where the kader
// stands, when the phone knows it). One tap on a task opens the visit form (the Buku KIA copy for that task).
import { useMemo } from 'react'
import { useWorkArea, useWorkAreaRows } from '../../data/hooks'
import type { HouseholdRow } from '../../data/household-rows'
import { addDays } from '../../domain/dates'
import { urgentFirst } from '../../domain/schedule/task'
import type { Task } from '../../domain/schedule/types'
import { walkingOrder } from '../../domain/walking-order'
import { formatDate, formatSpan, useI18n } from '../i18n'
import { paths } from '../router'
import { ComputeFailed } from '../shared/ComputeFailed'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { useSchedule } from '../shared/useAreaReports'
import { useMyLocation } from '../shared/useMyLocation'
import { scheduleMessages } from './messages'

const WEEK_DAYS = 7
type Section = 'urgent' | 'overdue' | 'today' | 'week'

function sectionOf(task: Task, today: string): Section | undefined {
  if (urgentFirst(task) === 0) return 'urgent'
  if (task.state === 'overdue') return 'overdue'
  if (task.state === 'due') return 'today'
  if (task.state === 'upcoming' && task.dueFrom <= addDays(today, WEEK_DAYS)) return 'week'
  return undefined
}

export default function ScheduleScreen() {
  const { t } = useI18n(scheduleMessages)
  const today = useToday()
  const workArea = useWorkArea()
  const rows = useWorkAreaRows(workArea?.id, today)
  const { value: schedule, error, retry } = useSchedule(workArea?.id, today)
  // A fresh fix: the walking order starts where the kader stands now.
  const { fix: here, status: locateStatus, locate: askFix } = useMyLocation({ maximumAgeMs: 0 })
  const locating = locateStatus === 'locating'

  const sections = useMemo(() => {
    if (!schedule || !rows) return undefined
    const byId = new Map(rows.map((r) => [r.household.id, r]))
    const grouped: Record<Section, Map<string, Task[]>> = {
      urgent: new Map(),
      overdue: new Map(),
      today: new Map(),
      week: new Map(),
    }
    for (const task of schedule.tasks) {
      const section = sectionOf(task, today)
      if (!section || !byId.has(task.householdId)) continue
      const list = grouped[section].get(task.householdId) ?? []
      list.push(task)
      grouped[section].set(task.householdId, list)
    }
    const ordered = (tasks: Map<string, Task[]>) => {
      const homes = [...tasks.keys()].map((id) => byId.get(id) as HouseholdRow)
      const located = homes.flatMap((r) =>
        r.household.location ? [{ id: r.household.id, point: r.household.location, row: r }] : [],
      )
      const unlocated = homes.filter((r) => !r.household.location)
      return [...walkingOrder(located, here).map((p) => p.row), ...unlocated].map((row) => ({
        row,
        tasks: (tasks.get(row.household.id) ?? []).sort((a, b) => a.priority - b.priority),
      }))
    }
    return (['urgent', 'overdue', 'today', 'week'] as const).map((s) => ({
      section: s,
      homes: ordered(grouped[s]),
    }))
  }, [schedule, rows, today, here])

  const locate = () => void askFix()

  return (
    <main className="screen">
      <TopBar title={t('schedule.title')} />
      {schedule?.openDayAssumed && (
        <p className="notice">
          {t('schedule.openDayAssumed')} <a href={paths.settings()}>{t('settings.title')}</a>
        </p>
      )}
      <div className="screen-actions">
        <button type="button" className="button secondary" onClick={locate} disabled={locating}>
          {locating ? t('location.locating') : here ? t('schedule.reorder') : t('schedule.orderFromHere')}
        </button>
      </div>
      {error ? (
        <ComputeFailed what="schedule" onRetry={retry} />
      ) : !sections ? (
        <p className="loading">{t('common.loading')}</p>
      ) : sections.every((s) => s.homes.length === 0) ? (
        <p className="empty">{t('schedule.nothing')}</p>
      ) : (
        sections.map(({ section, homes }) =>
          homes.length === 0 ? null : (
            <section key={section} aria-label={t(`schedule.${section}`)}>
              <h2 className="section-title">
                {t(`schedule.${section}`)} ({homes.reduce((n, h) => n + h.tasks.length, 0)})
              </h2>
              {homes.map(({ row, tasks }) => (
                <HomeTasks key={row.household.id} row={row} tasks={tasks} />
              ))}
            </section>
          ),
        )
      )}
    </main>
  )
}

function HomeTasks({ row, tasks }: { row: HouseholdRow; tasks: Task[] }) {
  const { t, lang } = useI18n(scheduleMessages)
  const names = new Map(row.members.map((m) => [m.id, m.name]))
  const a = row.household.address
  return (
    <div className="card schedule-home">
      <a className="row-title" href={paths.household(row.household.id)}>
        {row.household.headName}
      </a>
      <p className="muted">
        {a.dusun} · RT {a.rt}/RW {a.rw}
      </p>
      <ul className="task-list">
        {tasks.map((task) => (
          <li key={task.id} className={`task task-p${task.priority}`}>
            <div>
              <strong>{names.get(task.memberId)}</strong> — {task.reason[lang]}
              <br />
              <span className="muted">
                {task.dueFrom === task.dueTo
                  ? formatDate(task.dueFrom, lang)
                  : formatSpan(task.dueFrom, task.dueTo, lang)}{' '}
                · {t(`schedule.priority.${task.priority}`)}
              </span>
            </div>
            {task.rule === 'buku_kia' ? (
              <a className="button secondary small" href={paths.bukuKia(task.memberId)}>
                {t('schedule.copyBukuKia')}
              </a>
            ) : task.rule === 'lapor_kematian' ? (
              // A death is reported, not visited: the member screen marks it reported.
              <a className="button secondary small" href={paths.member(task.memberId)}>
                {t('schedule.report')}
              </a>
            ) : (
              <a className="button secondary small" href={paths.visitNew(task.memberId)}>
                {t('schedule.record')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
