// Calendar dates as 'YYYY-MM-DD' strings. All arithmetic is done on UTC day numbers, so the result never
// depends on the device's time zone or on daylight-saving changes.

const MS_PER_DAY = 86_400_000
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

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
  return new Date(utc(year, month + 1, 0)).getUTCDate()
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseDate(from)
  const b = parseDate(to)
  return (utc(b.year, b.month, b.day) - utc(a.year, a.month, a.day)) / MS_PER_DAY
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date)
  return normalizeDate(year, month, day + days)
}

/** Builds a date from parts that may overflow (month 14, day 38) by carrying into the next month or year. */
export function normalizeDate(year: number, month: number, day: number): string {
  const date = new Date(utc(year, month, day))
  const pad = (n: number, width: number) => String(n).padStart(width, '0')
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`
}

/** 'DD-MM-YYYY', the order Indonesians write dates in. */
export function toDayMonthYear(iso: string): string {
  return iso.split('-').reverse().join('-')
}

function toCalendarDate(iso: string): CalendarDate | undefined {
  const match = ISO_DATE_RE.exec(iso)
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return { year, month, day }
}

// Date.UTC would read years 0–99 as 1900–1999; setUTCFullYear takes them as written.
function utc(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day)
}
