import { describe, expect, it } from 'vitest'
import { posyanduDay } from '../../../src/domain/schedule'
import { SECOND_TUESDAY } from './builders'

describe('posyanduDay', () => {
  it('finds the second Tuesday of a month', () => {
    expect(posyanduDay(SECOND_TUESDAY, '2024-06')).toBe('2024-06-11')
  })

  it('is the 8th when the month starts on a Tuesday, the 14th when it starts on a Wednesday', () => {
    expect(posyanduDay(SECOND_TUESDAY, '2024-10')).toBe('2024-10-08') // 2024-10-01 is a Tuesday
    expect(posyanduDay(SECOND_TUESDAY, '2025-01')).toBe('2025-01-14') // 2025-01-01 is a Wednesday
  })

  it('counts the first week from the 1st, Sunday = 0', () => {
    expect(posyanduDay({ openDay: { week: 1, weekday: 6 } }, '2024-06')).toBe('2024-06-01') // Saturday the 1st
    expect(posyanduDay({ openDay: { week: 1, weekday: 0 } }, '2024-06')).toBe('2024-06-02')
    expect(posyanduDay({ openDay: { week: 1, weekday: 5 } }, '2024-06')).toBe('2024-06-07')
  })

  it('finds the last weekday of the month, also on the month’s last day and in a leap February', () => {
    expect(posyanduDay({ openDay: { week: 'last', weekday: 5 } }, '2024-05')).toBe('2024-05-31') // a Friday
    expect(posyanduDay({ openDay: { week: 'last', weekday: 4 } }, '2024-02')).toBe('2024-02-29')
    expect(posyanduDay({ openDay: { week: 'last', weekday: 1 } }, '2024-06')).toBe('2024-06-24')
  })

  it('gives a fifth weekday where the month has one, and no open day where it has not', () => {
    expect(posyanduDay({ openDay: { week: 5, weekday: 5 } }, '2024-05')).toBe('2024-05-31')
    expect(posyanduDay({ openDay: { week: 5, weekday: 2 } }, '2024-06')).toBeUndefined()
  })
})
