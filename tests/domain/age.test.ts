import { describe, expect, it } from 'vitest'
import { ageOn, formatAge } from '../../src/domain/age'

describe('ageOn', () => {
  it('counts completed years, months and days', () => {
    expect(ageOn('1990-04-12', '2024-06-15')).toEqual({
      years: 34,
      months: 2,
      days: 3,
      totalDays: 12483,
      totalMonths: 410,
    })
  })

  it('is zero on the birth day and counts across a year end', () => {
    expect(ageOn('2024-06-15', '2024-06-15')).toMatchObject({ years: 0, months: 0, days: 0, totalDays: 0 })
    expect(ageOn('2023-12-31', '2024-01-01')).toMatchObject({ months: 0, days: 1, totalDays: 1 })
  })

  it.each([
    // A month is completed on the same day of the month ...
    ['2024-03-15', '2024-04-14', 0, 30],
    ['2024-03-15', '2024-04-15', 1, 0],
    // ... or, when the month is too short for that day, once its last day has passed (the 1st of the next month).
    ['2024-01-31', '2024-02-29', 0, 29],
    ['2024-01-31', '2024-03-01', 1, 0],
    ['2024-01-31', '2024-03-30', 1, 29],
    ['2024-01-31', '2024-03-31', 2, 0],
    ['2024-01-31', '2024-04-30', 2, 30],
    ['2024-01-31', '2024-05-01', 3, 0],
    ['2023-01-29', '2023-02-28', 0, 30],
    ['2023-01-29', '2023-03-01', 1, 0],
    ['2023-01-29', '2023-03-28', 1, 27],
    ['2023-01-29', '2023-03-29', 2, 0],
  ])('born %s, on %s: %i months %i days', (birth, today, totalMonths, days) => {
    expect(ageOn(birth, today)).toMatchObject({ totalMonths, days })
  })

  it('gives a 29 February birthday its years on 1 March in common years', () => {
    expect(ageOn('2024-02-29', '2025-02-28')).toMatchObject({ years: 0, months: 11, days: 30 })
    expect(ageOn('2024-02-29', '2025-03-01')).toMatchObject({ years: 1, months: 0, days: 0 })
    expect(ageOn('2024-02-29', '2028-02-29')).toMatchObject({ years: 4, months: 0, days: 0 })
  })

  it('throws RangeError when today is before the birth date or a date is not a calendar date', () => {
    expect(() => ageOn('2024-06-15', '2024-06-14')).toThrow(RangeError)
    expect(() => ageOn('2023-02-29', '2024-06-14')).toThrow(RangeError)
    expect(() => ageOn('15-06-2024', '2024-06-14')).toThrow(RangeError)
  })
})

describe('formatAge', () => {
  it.each([
    ['2024-06-15', '2024-06-27', '12 hr', '12 d'],
    ['2024-06-15', '2024-07-13', '28 hr', '28 d'],
    // 29 days but no month completed yet: still in days, "0 bl" would say nothing.
    ['2024-01-31', '2024-02-29', '29 hr', '29 d'],
    ['2024-06-15', '2024-07-15', '1 bl', '1 mo'],
    ['2024-01-15', '2024-06-20', '5 bl', '5 mo'],
    ['2023-06-15', '2024-06-14', '11 bl', '11 mo'],
    ['2023-06-15', '2024-06-15', '1 th', '1 y'],
    ['2022-03-15', '2024-06-20', '2 th 3 bl', '2 y 3 mo'],
    ['2017-06-15', '2024-06-20', '7 th', '7 y'],
    ['2006-06-16', '2024-06-15', '17 th 11 bl', '17 y 11 mo'],
    ['2006-01-15', '2024-06-15', '18 th', '18 y'],
    ['1979-01-15', '2024-06-15', '45 th', '45 y'],
  ])('born %s, on %s: "%s" / "%s"', (birth, today, id, en) => {
    const age = ageOn(birth, today)
    expect(formatAge(age, 'id')).toBe(id)
    expect(formatAge(age, 'en')).toBe(en)
  })
})
