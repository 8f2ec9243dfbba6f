// Cumulative coverage from January against an annual target, as a PWS chart draws it (clinical-rules.md §3.2;
// Pedoman PWS-KIA, Kemenkes): for each month of the year so far, the people reached that month (bars), the
// cumulative coverage (line) and the target to date (line: the annual target × months / 12), and the area's status
// from two questions — is the cumulative coverage at or above the target to date, and did this month reach at
// least as many people as the month before?
//   above, not falling → baik (green)      above, falling → kurang (yellow)
//   below, rising → cukup (yellow)         below, not rising → jelek (red)
// A person counts once a year per indicator, in the month of their first qualifying event of that year; the year
// starts again in January (a December event counts for its own year only). January's trend compares with the
// December before.

export type PwsStatus = 'baik' | 'kurang' | 'cukup' | 'jelek'
export type TrafficLight = 'green' | 'yellow' | 'red'

export const STATUS_LIGHT: Record<PwsStatus, TrafficLight> = {
  baik: 'green',
  kurang: 'yellow',
  cukup: 'yellow',
  jelek: 'red',
}

/** What the puskesmas enters per area and indicator for a year; either may be left out. */
export interface AnnualTarget {
  /** Sasaran proyeksi: the people the indicator should reach in the year. Default: the registered count. */
  sasaran?: number
  /** Programme target in percent of the sasaran. Default 100 (SPM, Permenkes 4/2019: every sasaran is served). */
  percent?: number
}

export const DEFAULT_TARGET_PERCENT = 100

export interface MonthPoint {
  /** 'YYYY-MM' */
  month: string
  /** People whose first event of the year fell in this month, sorted. */
  memberIds: string[]
  /** Reached from January to this month. */
  cumulative: number
  /** This month's people / sasaran; null when the sasaran is 0. */
  coverage: number | null
  /** cumulative / sasaran; null when the sasaran is 0. */
  cumulativeCoverage: number | null
  /** The target to date as a fraction of the sasaran: percent / 100 × months / 12. */
  expected: number
}

export interface CumulativeSeries {
  year: number
  sasaran: { value: number; source: 'proyeksi' | 'terdaftar' }
  /** Target percent for the year. */
  targetPercent: number
  /** January to the reported month. */
  months: MonthPoint[]
  /** People reached in the month before the reported one (December of the year before for January). */
  previousMonthCount: number
  /** null when there is no sasaran to measure against. */
  status: PwsStatus | null
}

export interface CumulativeInput {
  /** 'YYYY-MM': the reported month; the series runs from January of its year. */
  month: string
  /** Each person's qualifying event dates ('YYYY-MM-DD'), any order, any year. */
  events: ReadonlyMap<string, readonly string[]>
  /** The registered count, used when no sasaran proyeksi is entered. */
  registered: number
  target?: AnnualTarget
}

export function cumulativeSeries(input: CumulativeInput): CumulativeSeries {
  const year = Number(input.month.slice(0, 4))
  const last = Number(input.month.slice(5, 7))
  if (!/^\d{4}-\d{2}$/.test(input.month) || last < 1 || last > 12)
    throw new RangeError(`Not a month: '${input.month}' (expected YYYY-MM)`)
  // Month index (1–12) of each person's first event this year, and of their first event last year.
  const thisYear = Array.from({ length: 13 }, () => [] as string[])
  let previousDecember = 0
  for (const [memberId, dates] of input.events) {
    const first = firstIn(dates, year)
    if (first !== undefined) thisYear[monthOf(first)]?.push(memberId)
    if (last === 1 && monthOf(firstIn(dates, year - 1) ?? '') === 12) previousDecember += 1
  }

  const months: MonthPoint[] = []
  let cumulative = 0
  for (let m = 1; m <= last; m += 1) {
    const memberIds = (thisYear[m] as string[]).sort()
    cumulative += memberIds.length
    months.push({
      month: `${year}-${String(m).padStart(2, '0')}`,
      memberIds,
      cumulative,
      coverage: null,
      cumulativeCoverage: null,
      expected: 0,
    })
  }
  const previousMonthCount = last === 1 ? previousDecember : (months[last - 2] as MonthPoint).memberIds.length
  return withTarget(year, months, previousMonthCount, input.registered, input.target)
}

/**
 * The series' coverage, target to date and status from its counts — each month's `cumulative` and the month before's
 * count — against the target: what cumulativeSeries gives, and what the sum of several areas' or households' series
 * (server/supervisor) is finished with.
 */
export function withTarget(
  year: number,
  counted: readonly MonthPoint[],
  previousMonthCount: number,
  registered: number,
  target: AnnualTarget | undefined,
): CumulativeSeries {
  const projected = target?.sasaran
  const sasaran = projected ?? registered
  const targetPercent = target?.percent ?? DEFAULT_TARGET_PERCENT
  const share = (n: number) => (sasaran > 0 ? n / sasaran : null)
  const months = counted.map((point, i): MonthPoint => {
    const count = point.cumulative - (counted[i - 1]?.cumulative ?? 0)
    return {
      ...point,
      coverage: share(count),
      cumulativeCoverage: share(point.cumulative),
      expected: ((targetPercent / 100) * (i + 1)) / 12,
    }
  })
  const reported = months.at(-1) as MonthPoint
  const count = reported.cumulative - (months.at(-2)?.cumulative ?? 0)
  return {
    year,
    sasaran: { value: sasaran, source: projected === undefined ? 'terdaftar' : 'proyeksi' },
    targetPercent,
    months,
    previousMonthCount,
    status: status(reported, count, previousMonthCount),
  }
}

function status(point: MonthPoint, count: number, previousMonthCount: number): PwsStatus | null {
  if (point.cumulativeCoverage === null) return null
  // "Tetap" (as many as last month) keeps an area above its target good, but does not close the gap of one below
  // it — project choice: the Pedoman's table names naik and turun only, and "cukup" for 0 people after 0 hid areas
  // where nothing was done.
  if (point.cumulativeCoverage >= point.expected) return count >= previousMonthCount ? 'baik' : 'kurang'
  return count > previousMonthCount ? 'cukup' : 'jelek'
}

/** The earliest date of `year` among the dates, or undefined. ISO dates order as strings. */
function firstIn(dates: readonly string[], year: number): string | undefined {
  const prefix = `${year}-`
  let first: string | undefined
  for (const d of dates) if (d.startsWith(prefix) && (first === undefined || d < first)) first = d
  return first
}

function monthOf(date: string): number {
  return Number(date.slice(5, 7))
}
