import { describe, expect, it } from 'vitest'
import { sinceText } from '../../../src/ui/sync/since'

const NOW = new Date('2026-12-02T11:00:00Z')

describe('sinceText: how long ago the last sync went through', () => {
  it('words whole days, hours and seconds in Bahasa Indonesia and English', () => {
    expect(sinceText('2026-11-29T10:00:00Z', NOW, 'id')).toBe('3 hari yang lalu')
    expect(sinceText('2026-11-29T10:00:00Z', NOW, 'en')).toBe('3 days ago')
    expect(sinceText('2026-12-02T08:30:00Z', NOW, 'id')).toBe('2 jam yang lalu')
    expect(sinceText(new Date(NOW.getTime() - 90_000), NOW, 'en')).toBe('1 minute ago')
  })

  it('leaves the last minute to the caller ("baru saja")', () => {
    expect(sinceText(new Date(NOW.getTime() - 59_000), NOW, 'id')).toBeUndefined()
  })

  it('says a day only once a whole day has passed', () => {
    expect(sinceText('2026-12-01T11:30:00Z', NOW, 'id')).toBe('23 jam yang lalu')
    expect(sinceText('2026-12-01T11:00:00Z', NOW, 'id')).toBe('1 hari yang lalu')
  })
})
