import { describe, expect, it } from 'vitest'
import { formatDate } from '../../src/ui/i18n'

describe('formatDate', () => {
  it('writes a calendar date the same in every time zone', () => {
    expect(formatDate('2027-03-12', 'id')).toBe('12 Mar 2027')
    expect(formatDate('2027-08-01', 'id')).toBe('1 Agu 2027')
    expect(formatDate('2027-08-01', 'en')).toBe('1 Aug 2027')
  })
})
