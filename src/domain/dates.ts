// Calendar dates as 'YYYY-MM-DD' strings. All arithmetic is done on day numbers (days since 1970-01-01 in the
// proleptic Gregorian calendar), so the result never depends on the device's time zone or daylight saving, and no
// Date object is made: the schedule and the PWS figures do this millions of times for a pustu's 20,000 people —
// which is also why dates are read character by character (no RegExp, no match array) and a date inside its month
// is written directly, without the round trip through a day number.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const DASH = 45 // '-'
const ZERO = 48 // '0'
/** '00' … '31': the month and day fields as written. */
const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'))

export interface CalendarDate {
  year: number
  /** 1–12 */
  month: number
  day: number
}

export function isIsoDate(iso: string): boolean {
  return toCalendarDate(iso) !== undefined
}

/** The parts of an ISO date. Throws RangeError for anything that is not a real calendar date. */
export function parseDate(iso: string): CalendarDate {
  const date = toCalendarDate(iso)
  if (!date) throw new RangeError(`Not a calendar date: '${iso}'`)
  return date
}

export function daysInMonth(year: number, month: number): number {
  const y = year + Math.floor((month - 1) / 12)
  const m = (((month - 1) % 12) + 12) % 12 // 0 = January
  return m === 1 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m] as number)
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const start = dayNumberOf(from)
  return dayNumberOf(to) - start
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date)
  return normalizeDate(year, month, day + days)
}

/** Builds a date from parts that may overflow (month 14, day 38) by carrying into the next month or year. */
export function normalizeDate(year: number, month: number, day: number): string {
  if (Number.isInteger(month) && (month < 1 || month > 12)) {
    // Carry whole years out of the month first (as dayNumber does): month sums — addMonths, ages — then need no
    // day-number round trip.
    return normalizeDate(year + Math.floor((month - 1) / 12), ((((month - 1) % 12) + 12) % 12) + 1, day)
  }
  if (isPlainDate(year, month, day)) return format(year, month, day)
  const date = fromDayNumber(dayNumber(year, month, day))
  return format(date.year, date.month, date.day)
}

/** Whole numbers that already name a day of years 0–9999: nothing to carry. */
function isPlainDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 0 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

function format(year: number, month: number, day: number): string {
  const y = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0')
  return `${y}-${twoDigits(month)}-${twoDigits(day)}`
}

const twoDigits = (n: number): string => TWO_DIGITS[n] ?? String(n).padStart(2, '0')

/** 'DD-MM-YYYY', the order Indonesians write dates in. */
export function toDayMonthYear(iso: string): string {
  return iso.split('-').reverse().join('-')
}

function toCalendarDate(iso: string): CalendarDate | undefined {
  const packed = packedDate(iso)
  if (packed < 0) return undefined
  return { year: Math.floor(packed / 10_000), month: Math.floor(packed / 100) % 100, day: packed % 100 }
}

/** The day number of an ISO date (parseDate without making the parts object). */
function dayNumberOf(iso: string): number {
  const packed = packedDate(iso)
  if (packed < 0) throw new RangeError(`Not a calendar date: '${iso}'`)
  return dayNumber(Math.floor(packed / 10_000), Math.floor(packed / 100) % 100, packed % 100)
}

/** year × 10,000 + month × 100 + day when `iso` is a real calendar date 'YYYY-MM-DD', else -1. */
function packedDate(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH) return -1
  const year = digits(iso, 0, 4)
  const month = digits(iso, 5, 2)
  const day = digits(iso, 8, 2)
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1
  return year * 10_000 + month * 100 + day
}

/** The number written by `count` ASCII digits from `from`; -1 when one of them is not a digit. */
function digits(s: string, from: number, count: number): number {
  let n = 0
  for (let i = from; i < from + count; i += 1) {
    const d = s.charCodeAt(i) - ZERO
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

// Day numbers by the era method for the proleptic Gregorian calendar (400-year eras of 146,097 days, years counted
// from March so that the leap day falls at a year's end). Months and days may overflow either way.
const DAYS_PER_ERA = 146_097
const EPOCH_SHIFT = 719_468 // days from 0000-03-01 to 1970-01-01

function dayNumber(year: number, month: number, day: number): number {
  const y0 = year + Math.floor((month - 1) / 12)
  const m = ((((month - 1) % 12) + 12) % 12) + 1
  const y = m <= 2 ? y0 - 1 : y0
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5)
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT + day - 1
}

function fromDayNumber(n: number): CalendarDate {
  const z = n + EPOCH_SHIFT
  const era = Math.floor(z / DAYS_PER_ERA)
  const dayOfEra = z - era * DAYS_PER_ERA
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const month = mp < 10 ? mp + 3 : mp - 9
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1,
  }
}
