// Age ↔ date as the schedule counts it (age.ts's completed months): the first and last day a child is a given age.
import { ageOn } from '../age'
import { addDays, type CalendarDate, daysInMonth, normalizeDate, parseDate } from '../dates'

/** An age as completed months plus days into the next month (ageOn's calendar counting). */
export interface AgeSpec {
  months: number
  days: number
}

export const m = (months: number, days = 0): AgeSpec => ({ months, days })

const earlier = (a: string, b: string): string => (a < b ? a : b)

function compareAge(birthDate: string, date: string, spec: AgeSpec): number {
  const age = ageOn(birthDate, date)
  return age.totalMonths - spec.months || age.days - spec.days
}

/**
 * The first day on which the child is at least `spec` old: `spec.days` after the day month `spec.months` is
 * completed, unless the next month is completed first (age.ts: a month is completed on the same day of the month,
 * or on the 1st of the next month when the month has no such day). Computed, not searched day by day: the schedule
 * asks this for every dose of every child.
 */
export function firstDateAtAge(birthDate: string, spec: AgeSpec): string {
  const key = `${birthDate}|${spec.months}|${spec.days}`
  const known = firstDates.get(key)
  if (known) return known
  const first = firstDateOf(parseDate(birthDate), spec)
  // A pure function of its arguments, asked for every dose of every child on every schedule run: remember the
  // answers (bounded, so a long session does not grow without end).
  if (firstDates.size >= FIRST_DATES_KEPT) firstDates.clear()
  firstDates.set(key, first)
  return first
}

const FIRST_DATES_KEPT = 200_000
const firstDates = new Map<string, string>()

/** firstDateAtAge from the parsed birth date, unremembered: doseDates parses a birth date once for all its doses. */
export function firstDateOf(birth: CalendarDate, spec: AgeSpec): string {
  const completed = monthCompleted(birth, spec.months)
  const plusDays = spec.days === 0 ? completed : addDays(completed, spec.days)
  const nextMonth = monthCompleted(birth, spec.months + 1)
  return earlier(plusDays, nextMonth)
}

function monthCompleted(birth: CalendarDate, months: number): string {
  const monthIndex = birth.month - 1 + months // from January of the birth year
  const year = birth.year + Math.floor(monthIndex / 12)
  const month = monthIndex - Math.floor(monthIndex / 12) * 12 + 1
  return birth.day > daysInMonth(year, month)
    ? normalizeDate(year, month + 1, 1)
    : normalizeDate(year, month, birth.day)
}

/** The last day on which the child is at most `spec` old. */
export function lastDateAtAge(birthDate: string, spec: AgeSpec): string {
  const first = firstDateAtAge(birthDate, spec)
  return compareAge(birthDate, first, spec) === 0 ? first : addDays(first, -1)
}
