// The posyandu's monthly open day (hari buka, clinical-rules.md §1 "Hari buka Posyandu (monthly open day)") and the
// date arithmetic the schedule needs. No holiday is special-cased: the source says nothing about moving the day.
import { daysBetween, daysInMonth, normalizeDate, parseDate } from '../dates'
import type { PosyanduCalendar } from './types'

/**
 * The open day of `yearMonth` ('YYYY-MM'), 'YYYY-MM-DD'. undefined when the calendar asks for a fifth weekday the
 * month does not have: no open day is made up for it (the calendar can say 'last' instead).
 */
export function posyanduDay(calendar: PosyanduCalendar, yearMonth: string): string | undefined {
  const { year, month } = parseDate(`${yearMonth}-01`)
  const { week, weekday } = calendar.openDay
  const last = daysInMonth(year, month)
  if (week === 'last') {
    const back = (weekdayOf(year, month, last) - weekday + 7) % 7
    return normalizeDate(year, month, last - back)
  }
  const day = 1 + ((weekday - weekdayOf(year, month, 1) + 7) % 7) + 7 * (week - 1)
  return day > last ? undefined : normalizeDate(year, month, day)
}

/** Whoever missed a month's open day gets a home visit from the next day to the end of that month. */
export interface HomeVisitWindow {
  /** 'YYYY-MM' */
  month: string
  openDay: string
  dueFrom: string
  dueTo: string
}

/**
 * The home-visit window of the month `monthsFromToday` months from today's (monthly.ts, child.ts vitamin A);
 * undefined when that month has no open day, or it falls on the month's last day and leaves no day to visit.
 */
export function homeVisitWindow(
  calendar: PosyanduCalendar,
  today: string,
  monthsFromToday: number,
): HomeVisitWindow | undefined {
  const month = shiftMonth(today, monthsFromToday)
  const openDay = posyanduDay(calendar, month)
  if (openDay === undefined) return undefined
  const dueFrom = addDays(openDay, 1)
  const dueTo = monthEnd(openDay)
  return dueFrom > dueTo ? undefined : { month, openDay, dueFrom, dueTo }
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay counts. */
function weekdayOf(year: number, month: number, day: number): number {
  return ((daysBetween('1970-01-04', normalizeDate(year, month, day)) % 7) + 7) % 7 // 1970-01-04 was a Sunday
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date)
  return normalizeDate(year, month, day + days)
}

/** Same day `n` months later; a day the month lacks carries into the next (2024-02-29 + 12 → 2025-03-01). */
export function addMonths(date: string, n: number): string {
  const { year, month, day } = parseDate(date)
  return normalizeDate(year, month + n, day)
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`
}

export function monthEnd(date: string): string {
  const { year, month } = parseDate(date)
  return normalizeDate(year, month, daysInMonth(year, month))
}

/** 'YYYY-MM' of the month `n` months from `date`'s month. */
export function shiftMonth(date: string, n: number): string {
  const { year, month } = parseDate(date)
  return normalizeDate(year, month + n, 1).slice(0, 7)
}

export const later = (a: string, b: string): string => (a > b ? a : b)
