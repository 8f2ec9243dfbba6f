// The growth chart's geometry (src/domain/growth/chart.ts), by coordinates: where the axes, curves and points land,
// and the 0.7 cm rule applied once, by the same function the z-scores use.
import { describe, expect, it } from 'vitest'
import { growthChart, LABEL_GAP } from '../../../src/domain/growth/chart'
import { growthCurves } from '../../../src/domain/growth/curves'
import { adjustedLength } from '../../../src/domain/growth/length'
import { zScore } from '../../../src/domain/growth/zscore'

const BIRTH = '2022-01-10'
// Plot area: x 34–314 for 0–60 months, y 22–264.
const X0 = 34
const X60 = 314
const TOP = 22
const BOTTOM = 264

describe('growthChart', () => {
  const empty = growthChart({ sex: 'L', birthDate: BIRTH, indicator: 'wfa', points: [] })

  it('lays out a 360 × 300 drawing with 0–60 months across the plot', () => {
    expect([empty.width, empty.height]).toEqual([360, 300])
    expect(empty.plot).toEqual({ left: X0, right: X60, top: TOP, bottom: BOTTOM })
    expect(empty.xTicks).toHaveLength(61)
    expect(empty.xTicks[0]).toEqual({ month: 0, x: X0, grid: true, year: true })
    expect(empty.xTicks[6]).toEqual({ month: 6, x: 62, grid: true, year: false })
    expect(empty.xTicks[60]).toEqual({ month: 60, x: X60, grid: true, year: true })
    expect(empty.xTicks.filter((t) => t.grid).map((t) => t.month)).toEqual([
      0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60,
    ])
  })

  it('spans the value axis over the curves in whole labelled steps (kg every 1, labels every 2)', () => {
    // Boys' weight-for-age: −3 SD at birth 2.1 kg, +3 SD at 60 months 27.9 kg → 2 … 28 kg.
    expect(empty.unit).toBe('kg')
    const first = empty.yTicks[0]
    const last = empty.yTicks.at(-1)
    expect([first?.value, first?.y, last?.value, last?.y]).toEqual([2, BOTTOM, 28, TOP])
    expect(empty.yTicks.filter((t) => t.labelled).map((t) => t.value)).toEqual([
      2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28,
    ])
  })

  it('draws each SD curve through the WHO values: the median at birth and at 60 months', () => {
    const median = empty.curves.find((c) => c.sd === '0')?.d ?? ''
    const [birth] = growthCurves('wfa', 'L', 0, 0, 1)
    const [end] = growthCurves('wfa', 'L', 1826, 1826, 1)
    const y = (kg: number) => Math.round((TOP + ((28 - kg) / 26) * (BOTTOM - TOP)) * 10) / 10
    expect(median.startsWith(`M${X0},${y(birth?.sd['0'] as number)}L`)).toBe(true)
    expect(median.endsWith(`L${X60},${y(end?.sd['0'] as number)}`)).toBe(true)
    expect(empty.bands.map((b) => b.tone)).toEqual(['red', 'yellow', 'green', 'yellow', 'red'])
    expect(empty.bands.every((b) => /^M[\d.,L]+Z$/.test(b.d))).toBe(true)
  })

  it('keeps the curve labels apart and inside the plot', () => {
    const ys = empty.curveLabels.map((l) => l.y)
    for (let i = 1; i < ys.length; i++)
      expect((ys[i] as number) - (ys[i - 1] as number)).toBeGreaterThanOrEqual(LABEL_GAP - 0.1)
    expect(Math.max(...ys)).toBeLessThanOrEqual(BOTTOM)
    expect(empty.curveLabels.every((l) => l.x === X60 + 4)).toBe(true)
  })

  it('plots a measurement at its age and value, oldest first, the latest labelled towards the middle', () => {
    const g = growthChart({
      sex: 'P',
      birthDate: BIRTH,
      indicator: 'wfa',
      points: [
        { date: '2024-01-10', value: 11.5 }, // 730 days
        { date: '2022-07-10', value: 7.3 }, // 181 days
      ],
    })
    expect(g.points.map((p) => [p.date, p.ageDays, p.x])).toEqual([
      ['2022-07-10', 181, 61.8], // 34 + 181 / 30.4375 / 60 × 280 = 61.75
      ['2024-01-10', 730, 145.9],
    ])
    const [first, latest] = g.points
    expect(latest?.y).toBeLessThan(first?.y as number) // heavier is higher
    expect(g.childPath).toBe(`M${first?.x},${first?.y}L${latest?.x},${latest?.y}`)
    expect(g.latestLabel).toEqual({ x: 152.9, y: (latest?.y as number) - 7, anchor: 'start', value: 11.5 })
  })

  it('puts the latest label left of a point past 30 months, and leaves out points beyond 60 months', () => {
    const g = growthChart({
      sex: 'L',
      birthDate: BIRTH,
      indicator: 'wfa',
      points: [
        { date: '2025-01-10', value: 14 },
        { date: '2027-06-01', value: 20 },
        { date: '2021-12-31', value: 3 },
        { date: '2024-01-01', value: 0 },
      ],
    })
    expect(g.points.map((p) => p.date)).toEqual(['2025-01-10'])
    expect([g.outside, g.childPath, g.latestLabel?.anchor]).toEqual([2, undefined, 'end'])
    expect(g.latestLabel?.x).toBe((g.points[0]?.x as number) - 7)
  })

  it('draws a mistyped value at the edge instead of stretching the axis', () => {
    const g = growthChart({
      sex: 'L',
      birthDate: BIRTH,
      indicator: 'wfa',
      points: [{ date: '2023-01-10', value: 95 }],
    })
    expect(g.yTicks.at(-1)?.value).toBe(28)
    expect(g.points[0]?.y).toBe(TOP)
  })
})

describe('growthChart, length/height: the 0.7 cm rule', () => {
  const g = growthChart({
    sex: 'L',
    birthDate: BIRTH,
    indicator: 'lhfa',
    points: [
      { date: '2022-11-01', value: 70, position: 'standing' }, // 295 days: +0.7
      { date: '2024-03-01', value: 88, position: 'lying' }, // 781 days: −0.7
      { date: '2023-06-01', value: 80, position: 'lying' }, // 507 days: as measured
      { date: '2024-06-01', value: 90 }, // no position: as measured
    ],
  })

  it('draws the adjusted value and keeps the measured one, and counts the adjusted points', () => {
    expect(g.unit).toBe('cm')
    expect(g.points.map((p) => [p.ageDays, p.measured, p.value, p.adjusted])).toEqual([
      [295, 70, 70.7, true],
      [507, 80, 80, false],
      [781, 88, 87.3, true],
      [873, 90, 90, false],
    ])
    expect(g.adjustedCount).toBe(2)
  })

  it('adjusts exactly as the z-score does: a point sits where its z-score says', () => {
    for (const p of g.points) {
      expect(p.value).toBe(adjustedLength(p.measured, p.position, p.ageDays))
      const z = zScore({
        indicator: 'lhfa',
        sex: 'L',
        ageDays: p.ageDays,
        lengthCm: p.measured,
        position: p.position,
      })
      const asDrawn = zScore({
        indicator: 'lhfa',
        sex: 'L',
        ageDays: p.ageDays,
        lengthCm: p.value,
        position: p.ageDays < 731 ? 'lying' : 'standing',
      })
      expect(z).toEqual(asDrawn)
    }
  })

  it('draws length and height as two pieces of each curve (the step at 731 days)', () => {
    const median = g.curves.find((c) => c.sd === '0')?.d ?? ''
    expect(median.match(/M/g)).toHaveLength(2)
    // Labels every 10 cm, grid every 5.
    expect(g.yTicks.filter((t) => t.labelled).every((t) => t.value % 10 === 0)).toBe(true)
    expect(g.yTicks[1]?.value).toBe((g.yTicks[0]?.value as number) + 5)
  })
})
