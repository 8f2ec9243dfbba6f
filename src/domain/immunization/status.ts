// What is due for a child on a given day: each scheduled dose's state from the doses given, and the findings the
// visit and the schedule show for them.
import { addDays, daysBetween, parseDate } from '../dates'
import type { Finding } from '../findings'
import { type AgeSpec, firstDateOf, lastDateAtAge } from './age-dates'
import { type Antigen, IMMUNIZATION_SCHEDULE, type ScheduledDose } from './schedule'

export interface DoseGiven {
  antigen: Antigen
  dose: number
  /** 'YYYY-MM-DD' */
  date: string
}

export type DoseState = 'done' | 'due' | 'overdue' | 'not_yet_due' | 'too_late'
export type DoseWarning = 'after_latest_age' | 'interval_too_short'

export interface DoseStatus {
  antigen: Antigen
  dose: number
  state: DoseState
  /** 'YYYY-MM-DD' from which the schedule wants it. */
  dueDate: string
  /** 'YYYY-MM-DD' from which it is late. */
  overdueDate: string
  /** Last day it may be given, when the schedule sets one. */
  lastDate?: string
  /** Not done and still possible: the first day it can be given (today or later, waiting for an interval). */
  earliestDate?: string
  givenDate?: string
  /** For a done dose given outside the rules. */
  warnings?: DoseWarning[]
}

/**
 * Each scheduled dose's state on `today`. A dose not yet given is placed as early as it could now be given (not
 * before today, its due date, or the minimum interval after the previous dose — itself placed the same way when not
 * given), so an RV series that can no longer finish by 6 months 29 days shows too_late.
 */
export function immunizationStatus(
  birthDate: string,
  given: readonly DoseGiven[],
  today: string,
  options: { jeEndemic?: boolean } = {},
): DoseStatus[] {
  const scheduleDates = doseDates(birthDate)
  const givenOn = earliestGiven(given)
  const previous = new Map<Antigen, { date: string; given: boolean }>()
  const statuses: (DoseStatus | undefined)[] = IMMUNIZATION_SCHEDULE.map(() => undefined)
  for (const i of SERIES_ORDER) {
    const dose = IMMUNIZATION_SCHEDULE[i] as ScheduledDose
    if (dose.endemicOnly && !options.jeEndemic) continue
    const dates = scheduleDates[i] as DoseDates
    const { dueDate, lastDate } = dates
    const before = previous.get(dose.antigen)
    const gap = dose.minDaysAfterPrevious ?? 0
    const givenDate = givenOn.get(SCHEDULE_KEYS[i] as string)
    if (givenDate !== undefined) {
      const warnings: DoseWarning[] = []
      if (lastDate && givenDate > lastDate) warnings.push('after_latest_age')
      if (before?.given && gap > 0 && daysBetween(before.date, givenDate) < gap)
        warnings.push('interval_too_short')
      const done = doseStatus(dose, dates, 'done')
      done.givenDate = givenDate
      if (warnings.length) done.warnings = warnings
      statuses[i] = done
      previous.set(dose.antigen, { date: givenDate, given: true })
      continue
    }
    const afterPrevious = before ? addDays(before.date, gap) : dueDate
    const earliest = later(later(dueDate, today), afterPrevious)
    previous.set(dose.antigen, { date: earliest, given: false })
    if (lastDate && earliest > lastDate) {
      statuses[i] = doseStatus(dose, dates, 'too_late')
    } else {
      const state: DoseState =
        earliest > today ? 'not_yet_due' : today >= dates.overdueDate ? 'overdue' : 'due'
      const open = doseStatus(dose, dates, state)
      open.earliestDate = earliest
      statuses[i] = open
    }
  }
  return statuses.filter((s) => s !== undefined)
}

/**
 * A dose's status without the state's own fields, in DoseStatus's field order. Written out rather than spread from
 * a shared base: object spread made this the schedule's slowest step (every dose of every child).
 */
function doseStatus(dose: ScheduledDose, dates: DoseDates, state: DoseState): DoseStatus {
  const { dueDate, overdueDate, lastDate } = dates
  return lastDate
    ? { antigen: dose.antigen, dose: dose.dose, dueDate, overdueDate, lastDate, state }
    : { antigen: dose.antigen, dose: dose.dose, dueDate, overdueDate, state }
}

// ISO dates order as strings.
const later = (a: string, b: string): string => (a > b ? a : b)

/** Schedule indices in series order: every antigen's first doses before its second (a stable sort by dose). */
const SERIES_ORDER: readonly number[] = IMMUNIZATION_SCHEDULE.map((_, i) => i).sort(
  (a, b) =>
    (IMMUNIZATION_SCHEDULE[a] as ScheduledDose).dose - (IMMUNIZATION_SCHEDULE[b] as ScheduledDose).dose,
)

const doseKey = (d: { antigen: Antigen; dose: number }): string => `${d.antigen} ${d.dose}`
/** doseKey of each scheduled dose, made once rather than for every dose of every child. */
const SCHEDULE_KEYS: readonly string[] = IMMUNIZATION_SCHEDULE.map(doseKey)

/** The first date each dose was given (a dose recorded twice counts from its first record). */
function earliestGiven(given: readonly DoseGiven[]): Map<string, string> {
  const first = new Map<string, string>()
  for (const g of given) {
    const key = doseKey(g)
    const known = first.get(key)
    if (known === undefined || g.date < known) first.set(key, g.date)
  }
  return first
}

interface DoseDates {
  dueDate: string
  overdueDate: string
  lastDate?: string
}

/**
 * Each scheduled dose's dates for a child (IMMUNIZATION_SCHEDULE order). They depend on the birth date alone and
 * the schedule and the visit findings ask for them about every child, visit after visit: worked out once per
 * birth date and remembered (bounded, so a long session does not grow without end).
 */
function doseDates(birthDate: string): readonly DoseDates[] {
  const known = doseDatesByBirth.get(birthDate)
  if (known) return known
  const birth = parseDate(birthDate)
  // The 42 dose dates name a dozen distinct ages (doses given together, one dose late when the next is due).
  const byAge = new Map<string, string>()
  const at = (spec: AgeSpec): string => {
    const key = `${spec.months}|${spec.days}`
    let date = byAge.get(key)
    if (date === undefined) {
      date = firstDateOf(birth, spec)
      byAge.set(key, date)
    }
    return date
  }
  const dates = IMMUNIZATION_SCHEDULE.map((d): DoseDates => {
    const dueDate = at(d.dueFrom)
    const overdueDate = at(d.overdueFrom)
    return d.latest
      ? { dueDate, overdueDate, lastDate: lastDateAtAge(birthDate, d.latest) }
      : { dueDate, overdueDate }
  })
  if (doseDatesByBirth.size >= DOSE_DATES_KEPT) doseDatesByBirth.clear()
  doseDatesByBirth.set(birthDate, dates)
  return dates
}

const DOSE_DATES_KEPT = 50_000
const doseDatesByBirth = new Map<string, readonly DoseDates[]>()

const SRC_IMM = 'Program imunisasi rutin (clinical-rules.md §2.1)'

// A child registered at two years with no dose recorded would otherwise get a dozen "terlambat" lines: the first
// thing to do is to copy the doses from the Buku KIA, so that is what the kader is told, once.
const UNRECORDED_SUMMARY_FROM = 3

/**
 * due, overdue and too_late → perhatian: each is something to do (bring the child, ask a nakes; a kunjungan khusus
 * trigger when late, clinical-rules.md §3.1), as a vitamin A round due is — never "Normal: … jatuh tempo".
 */
export function immunizationFindings(statuses: readonly DoseStatus[]): Finding[] {
  const unrecorded = unrecordedFinding(statuses)
  if (unrecorded) return [unrecorded]
  return statuses.flatMap((s): Finding[] => {
    const name = `${s.antigen} ${s.dose}`
    const code = `imunisasi.${s.antigen.toLowerCase()}_${s.dose}`
    switch (s.state) {
      case 'due':
        return [
          {
            code: `${code}.jatuh_tempo`,
            level: 'perhatian',
            message: { id: `Imunisasi ${name} jatuh tempo`, en: `${name} vaccination due` },
            source: SRC_IMM,
          },
        ]
      case 'overdue':
        return [
          {
            code: `${code}.terlambat`,
            level: 'perhatian',
            message: {
              id: `Imunisasi ${name} terlambat — ajak ke posyandu/pustu`,
              en: `${name} vaccination overdue`,
            },
            source: SRC_IMM,
          },
        ]
      case 'too_late':
        return [
          {
            code: `${code}.lewat_batas`,
            level: 'perhatian',
            message: {
              id: `Imunisasi ${name} sudah lewat batas umur — konsultasikan ke nakes`,
              en: `${name} vaccination past its age limit — ask a health worker`,
            },
            source: SRC_IMM,
          },
        ]
      default:
        return []
    }
  })
}

/** immunizationFindings' one finding for a child with nothing recorded yet, or undefined. */
export function unrecordedFinding(statuses: readonly DoseStatus[]): Finding | undefined {
  let missed = 0
  for (const s of statuses) {
    if (s.state === 'done') return undefined
    if (s.state === 'overdue' || s.state === 'too_late') missed += 1
  }
  if (missed < UNRECORDED_SUMMARY_FROM) return undefined
  return {
    code: 'imunisasi.belum_tercatat',
    level: 'perhatian',
    message: {
      id: `Lengkapi dari Buku KIA: ${missed} dosis imunisasi belum tercatat`,
      en: `Copy from the Buku KIA: ${missed} vaccine doses not recorded yet`,
    },
    source: SRC_IMM,
  }
}
