import { describe, expect, it } from 'vitest'
import { daysBetween, isIsoDate, normalizeDate, toDayMonthYear } from '../../src/domain/dates'

describe('dates', () => {
  it('accepts only real YYYY-MM-DD calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2024-13-01')).toBe(false)
    expect(isIsoDate('2024-1-01')).toBe(false)
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false)
  })

  it('counts whole days, across leap days and daylight-saving changes of any zone', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2024-03-01', '2024-11-30')).toBe(274)
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2)
  })

  it('carries overflowing months and days, and keeps years below 100 as written', () => {
    expect(normalizeDate(2024, 2, 32)).toBe('2024-03-03')
    expect(normalizeDate(2025, -2, 8)).toBe('2024-10-08')
    expect(normalizeDate(90, 1, 1)).toBe('0090-01-01')
  })

  it('writes a date day first', () => {
    expect(toDayMonthYear('1990-04-12')).toBe('12-04-1990')
  })
})
