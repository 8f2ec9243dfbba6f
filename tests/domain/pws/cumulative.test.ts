import { describe, expect, it } from 'vitest'
import { cumulativeSeries, STATUS_LIGHT } from '../../../src/domain/pws/cumulative'

// Every figure below is counted by hand from the events written next to it.
const events = (entries: Record<string, string[]>) => new Map(Object.entries(entries))

describe('cumulativeSeries: coverage from January against the annual target', () => {
  // a: December 2023 only. b: November 2023, then January 2024. c: twice in January 2024 (counts once).
  // d: twice in December 2023. e: February 2024 — after the reported month.
  const AROUND_NEW_YEAR = events({
    a: ['2023-12-05'],
    b: ['2024-01-15', '2023-11-02'],
    c: ['2024-01-20', '2024-01-03'],
    d: ['2023-12-20', '2023-12-01'],
    e: ['2024-02-01'],
  })

  it('January starts the year again: December events count for their own year only', () => {
    const jan = cumulativeSeries({ month: '2024-01', events: AROUND_NEW_YEAR, registered: 10 })
    expect(jan.year).toBe(2024)
    expect(jan.months.map((m) => [m.month, m.memberIds, m.cumulative])).toEqual([['2024-01', ['b', 'c'], 2]])
    expect(jan.months[0]?.coverage).toBe(0.2)
    expect(jan.months[0]?.expected).toBeCloseTo(1 / 12)
    // January's trend against December 2023: a and d (b's 2023 was November).
    expect(jan.previousMonthCount).toBe(2)
    // 0.2 ≥ 1/12 and 2 ≥ 2 (above the target, "tetap" is not falling).
    expect(jan.status).toBe('baik')
    expect(jan.sasaran).toEqual({ value: 10, source: 'terdaftar' })
    expect(jan.targetPercent).toBe(100)
  })

  it('the same events read in December 2023: a full year, below target, rising', () => {
    const dec = cumulativeSeries({ month: '2023-12', events: AROUND_NEW_YEAR, registered: 10 })
    expect(dec.months).toHaveLength(12)
    expect(dec.months.filter((m) => m.memberIds.length > 0).map((m) => [m.month, m.memberIds])).toEqual([
      ['2023-11', ['b']],
      ['2023-12', ['a', 'd']],
    ])
    expect(dec.months.map((m) => m.cumulative)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3])
    expect(dec.months[11]?.cumulativeCoverage).toBe(0.3)
    expect(dec.months[11]?.expected).toBe(1)
    expect(dec.previousMonthCount).toBe(1)
    // 0.3 < 1, but 2 ≥ 1.
    expect(dec.status).toBe('cukup')
  })

  // p, q in January; r, t in February; s in March.
  const QUARTER = events({
    p: ['2024-01-10'],
    q: ['2024-01-11'],
    r: ['2024-02-02'],
    t: ['2024-02-29'],
    s: ['2024-03-31'],
  })

  it('a sasaran proyeksi and a target percent replace the defaults; the target line is target × m / 12', () => {
    const series = cumulativeSeries({
      month: '2024-03',
      events: QUARTER,
      registered: 99,
      target: { sasaran: 40, percent: 80 },
    })
    expect(series.sasaran).toEqual({ value: 40, source: 'proyeksi' })
    expect(series.months.map((m) => [m.memberIds.length, m.cumulative, m.cumulativeCoverage])).toEqual([
      [2, 2, 0.05],
      [2, 4, 0.1],
      [1, 5, 0.125],
    ])
    expect(series.months.map((m) => m.expected)).toEqual([0.8 / 12, (0.8 * 2) / 12, (0.8 * 3) / 12])
    // 0.125 < 0.2 and March's 1 < February's 2.
    expect(series.status).toBe('jelek')
  })

  it('below the target, as many as last month is jelek: it does not close the gap', () => {
    // 0 of 10 in February after 0 in January.
    expect(cumulativeSeries({ month: '2024-02', events: new Map(), registered: 10 }).status).toBe('jelek')
  })

  it('above the target to date but falling is kurang; above and rising is baik', () => {
    expect(cumulativeSeries({ month: '2024-03', events: QUARTER, registered: 10 }).status).toBe('kurang')
    expect(cumulativeSeries({ month: '2024-02', events: QUARTER, registered: 10 }).status).toBe('baik')
  })

  it('the traffic light: baik green, kurang and cukup yellow, jelek red', () => {
    expect(STATUS_LIGHT).toEqual({ baik: 'green', kurang: 'yellow', cukup: 'yellow', jelek: 'red' })
  })

  it('no sasaran: no coverage and no status', () => {
    const series = cumulativeSeries({ month: '2024-02', events: QUARTER, registered: 0 })
    expect(series.months[1]?.cumulative).toBe(4)
    expect(series.months[1]?.cumulativeCoverage).toBeNull()
    expect(series.status).toBeNull()
  })

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => cumulativeSeries({ month: '2024-13', events: QUARTER, registered: 1 })).toThrow(RangeError)
    expect(() => cumulativeSeries({ month: '2024-3', events: QUARTER, registered: 1 })).toThrow(RangeError)
  })
})
