import { describe, expect, it } from 'vitest'
import { cumulativeSeries } from '../../src/domain/pws'
import { chartGeometry, linePath } from '../../src/ui/pws/pws-chart'

// Plot area: x 34–312 (278 px, 12 slots of 23.1667), y 10–158 (148 px). Numbers worked out by hand below.
const series = cumulativeSeries({
  month: '2024-03',
  // 2 people in January, 1 in March, of 10.
  events: new Map([
    ['a', ['2024-01-05']],
    ['b', ['2024-01-20']],
    ['c', ['2024-03-02']],
  ]),
  registered: 10,
})

describe('PWS chart geometry', () => {
  const g = chartGeometry(series)
  if (!g) throw new Error('no geometry')

  it('y runs 0–100 % in steps of 20', () => {
    expect(g.yMax).toBe(100)
    expect(g.yTicks.map((t) => [t.value, t.y])).toEqual([
      [0, 158],
      [20, 128.4],
      [40, 98.8],
      [60, 69.2],
      [80, 39.6],
      [100, 10],
    ])
  })

  it('a bar per reported month: its coverage, centred in the month’s slot', () => {
    // January 20 % → top at 158 − 0.2 × 148 = 128.4; slot centre 34 + 23.1667 × 0.5 = 45.58; width 0.6 slot = 13.9.
    expect(g.bars.map((b) => [b.month, b.percent, b.x, b.y, b.width, b.height])).toEqual([
      ['2024-01', 20, 38.63, 128.4, 13.9, 29.6],
      ['2024-02', 0, 61.8, 158, 13.9, 0],
      ['2024-03', 10, 84.97, 143.2, 13.9, 14.8],
    ])
  })

  it('the cumulative line to the reported month, the target line over the year', () => {
    expect(g.cumulative.map((p) => p.y)).toEqual([128.4, 128.4, 113.6])
    expect(g.target).toHaveLength(12)
    // 100 % × 1/12 → y 145.67; December 100 % → y 10.
    expect(g.target[0]).toEqual({ x: 45.58, y: 145.67 })
    expect(g.target[11]).toEqual({ x: 300.42, y: 10 })
    expect(linePath(g.cumulative)).toBe('M45.58 128.4 L68.75 128.4 L91.92 113.6')
  })

  it('raises the y axis when coverage passes 100 % (a projection lower than those reached)', () => {
    const events = new Map([
      ['a', ['2024-01-05']],
      ['b', ['2024-02-05']],
    ])
    // 2 reached of a sasaran of 1: 200 %.
    expect(chartGeometry(cumulativeSeries({ month: '2024-03', events, registered: 1 }))?.yMax).toBe(200)
  })

  it('draws nothing without a sasaran', () => {
    expect(
      chartGeometry(cumulativeSeries({ month: '2024-03', events: new Map(), registered: 0 })),
    ).toBeUndefined()
  })
})
