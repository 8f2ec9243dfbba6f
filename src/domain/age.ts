import { type CalendarDate, daysBetween, daysInMonth, parseDate } from './dates'
import type { Lang } from './text'

export interface Age {
  years: number
  months: number
  days: number
  totalDays: number
  totalMonths: number
}

/** Completed years/months/days between birth and today (calendar, like a person counts). Throws RangeError if today < birth. */
export function ageOn(birthDate: string, today: string): Age {
  const totalDays = daysBetween(birthDate, today)
  if (totalDays < 0) throw new RangeError(`today (${today}) is before the birth date (${birthDate})`)
  const birth = parseDate(birthDate)
  const now = parseDate(today)
  const sameDayMonths = (now.year - birth.year) * 12 + now.month - birth.month
  // This month's month of life is complete on the birth day — or, when the month is too short for it, not before
  // the next month: either way not yet when today's day of the month is smaller.
  const totalMonths = now.day < birth.day ? sameDayMonths - 1 : sameDayMonths
  return {
    years: Math.floor(totalMonths / 12),
    months: totalMonths % 12,
    days: daysSinceMonthCompleted(birth.day, now, totalMonths < sameDayMonths),
    totalDays,
    totalMonths,
  }
}

/**
 * Days since the last month of life was completed — on the same day of the month as the birth, or, when the month
 * is too short for it (born on the 31st, or on 29 February in a common year), on the 1st of the next month: the
 * month is only complete once its last day has passed. So born 2024-01-31 is 0 months 29 days on 2024-02-29 and
 * 1 month on 2024-03-01; born 2024-02-29 turns 1 year on 2025-03-01. Plain arithmetic on the day of the month, no
 * date strings: ageOn runs for every weighing of every child in the schedule.
 */
function daysSinceMonthCompleted(birthDay: number, now: CalendarDate, inLastMonth: boolean): number {
  if (!inLastMonth) return now.day - birthDay
  // Completed in the previous month on the birth day, or — too short a month — on the 1st of this one.
  const previousMonthDays = daysInMonth(now.year, now.month - 1)
  return birthDay <= previousMonthDays ? previousMonthDays - birthDay + now.day : now.day - 1
}

const UNITS = {
  id: { day: 'hr', month: 'bl', year: 'th' },
  en: { day: 'd', month: 'mo', year: 'y' },
}

/** As a kader says it: under 29 days "12 hr"; under 12 months "5 bl"; under 18 years "2 th 3 bl" (months omitted when 0: "7 th"); 18+ "45 th". English: "12 d", "5 mo", "2 y 3 mo", "45 y". */
export function formatAge(age: Age, lang: Lang): string {
  const unit = UNITS[lang]
  // Days also until the first month is complete: "0 bl" would tell a kader nothing.
  if (age.totalDays < 29 || age.totalMonths === 0) return `${age.totalDays} ${unit.day}`
  if (age.totalMonths < 12) return `${age.totalMonths} ${unit.month}`
  if (age.years < 18 && age.months > 0) return `${age.years} ${unit.year} ${age.months} ${unit.month}`
  return `${age.years} ${unit.year}`
}
