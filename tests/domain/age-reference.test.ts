import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ageOn } from '../../src/domain/age'
import { type CalendarDate, daysBetween, daysInMonth, normalizeDate, parseDate } from '../../src/domain/dates'

// ageOn counts by plain arithmetic on the day of the month. This is the implementation it replaced, which built the
// date each month of life is completed on and compared strings — the reference the new one must match everywhere.
function referenceAgeOn(birthDate: string, today: string) {
  const totalDays = daysBetween(birthDate, today)
  if (totalDays < 0) throw new RangeError(`today (${today}) is before the birth date (${birthDate})`)
  const birth = parseDate(birthDate)
  const now = parseDate(today)
  let totalMonths = (now.year - birth.year) * 12 + now.month - birth.month
  if (monthCompletedOn(birth, totalMonths) > today) totalMonths -= 1
  return {
    years: Math.floor(totalMonths / 12),
    months: totalMonths % 12,
    days: daysBetween(monthCompletedOn(birth, totalMonths), today),
    totalDays,
    totalMonths,
  }
}

function monthCompletedOn(birth: CalendarDate, n: number): string {
  const { year, month } = parseDate(normalizeDate(birth.year, birth.month + n, 1))
  return birth.day > daysInMonth(year, month)
    ? normalizeDate(year, month + 1, 1)
    : normalizeDate(year, month, birth.day)
}

const outcome = (read: () => unknown) => {
  try {
    return read()
  } catch (error) {
    return String(error)
  }
}

// Days from 1899-12-01 to 2101-01-31: century years that are and are not leap years, every month end.
const FIRST = '1899-12-01'
const SPAN = daysBetween(FIRST, '2101-01-31')
const date = (offset: number) => normalizeDate(1899, 12, 1 + offset)

describe('ageOn matches the reference implementation', () => {
  it('on random date pairs, today before the birth included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SPAN }), fc.integer({ min: -40, max: 30_000 }), (b, age) => {
        const birthDate = date(b)
        const today = date(b + age)
        expect(outcome(() => ageOn(birthDate, today))).toEqual(
          outcome(() => referenceAgeOn(birthDate, today)),
        )
      }),
      { numRuns: 20_000 },
    )
  })

  it('for every birth day of 2023–2024 on every day of the following three years', () => {
    // Exhaustive around two month-end-heavy years (leap day, 31sts): about 800,000 pairs.
    for (let b = daysBetween(FIRST, '2023-01-01'); b <= daysBetween(FIRST, '2024-12-31'); b += 1) {
      const birthDate = date(b)
      for (let age = 0; age <= 1100; age += 1) {
        const today = date(b + age)
        const got = ageOn(birthDate, today)
        const want = referenceAgeOn(birthDate, today)
        if (got.totalMonths !== want.totalMonths || got.days !== want.days)
          expect([birthDate, today, got]).toEqual([birthDate, today, want])
      }
    }
  })

  it('throws the same for dates that are not dates', () => {
    for (const [birthDate, today] of [
      ['2024-02-30', '2024-03-01'],
      ['2024-01-01', '2023-02-29'],
      ['x', '2024-01-01'],
    ] as const) {
      expect(outcome(() => ageOn(birthDate, today))).toEqual(outcome(() => referenceAgeOn(birthDate, today)))
    }
  })
})
