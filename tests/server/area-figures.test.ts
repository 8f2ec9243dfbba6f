import { describe, expect, it } from 'vitest'
import { AreaFigures } from '../../server/supervisor/compute'
import { AreaRecords } from '../../server/supervisor/store'

const area = { id: 'bolang-rw2', kabupaten: 'Cilacap', kecamatan: 'Dayeuhluhur', desa: 'Bolang', rw: '2' }
const months = Array.from({ length: 300 }, (_, i) => {
  const m = new Date(Date.UTC(2001, i, 1))
  return m.toISOString().slice(0, 7)
})

describe("an area's kept figures", () => {
  it('keeps a month until the records change, and forgets the least recently used beyond 256', () => {
    const records = new AreaRecords(area)
    const figures = new AreaFigures()
    const day = '2030-01-01'
    const target = { 'kia.k1': { sasaran: 3 } }
    const first = figures.month(records, months[0] as string, {}, day)
    expect(figures.month(records, months[0] as string, {}, day)).toBe(first)
    // Another target: computed again (and kept in place of the first).
    const targeted = figures.month(records, months[0] as string, target, day)
    expect(targeted).not.toBe(first)
    const kept = figures.month(records, months[1] as string, {}, day)
    for (const m of months.slice(2, 258)) {
      figures.month(records, m, {}, day)
      // Looked at all along: never the least recently used.
      expect(figures.month(records, months[1] as string, {}, day)).toBe(kept)
    }
    // 258 months looked at: the one not looked at since the start was forgotten.
    expect(figures.month(records, months[0] as string, target, day)).not.toBe(targeted)
    // A changed record makes every month of the area new.
    records.apply([], ['no-such-household'])
    expect(figures.month(records, months[1] as string, {}, '2030-01-01')).not.toBe(kept)
  })
})
