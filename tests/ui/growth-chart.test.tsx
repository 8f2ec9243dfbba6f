// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import GrowthChart from '../../src/ui/visits/GrowthChart'
import { historyMessages } from '../../src/ui/visits/history-messages'
import { renderScreen } from './render'

afterEach(cleanup)

const BIRTH = '2023-01-15'
const weights = [
  { date: '2023-03-15', value: 5.1 },
  { date: '2023-07-15', value: 7.4 },
  { date: '2023-12-15', value: 8.9 },
  { date: '2024-06-15', value: 10.3 },
  { date: '2025-02-20', value: 11.2 },
]

const curves = (container: HTMLElement) => container.querySelectorAll('path[data-sd]')
const points = (container: HTMLElement) => container.querySelectorAll('circle.gc-point')

describe('GrowthChart', () => {
  it('draws the five SD curves, labelled, and one dot per measurement', () => {
    const { container } = renderScreen(
      <GrowthChart sex="L" birthDate={BIRTH} indicator="wfa" points={weights} />,
    )
    expect(curves(container)).toHaveLength(5)
    expect([...curves(container)].map((c) => c.getAttribute('data-sd'))).toEqual(['-3', '-2', '0', '2', '3'])
    for (const label of ['−3 SD', '−2 SD', 'Median', '+2 SD', '+3 SD'])
      expect(within(container.querySelector('svg') as unknown as HTMLElement).getByText(label)).toBeTruthy()
    expect(points(container)).toHaveLength(5)
    expect(container.querySelectorAll('circle.gc-latest')).toHaveLength(1)
    expect(container.querySelector('path.gc-child-line')).not.toBeNull()
    // The KMS bands: red, yellow, green, yellow, red.
    expect(container.querySelectorAll('.gc-band-green')).toHaveLength(1)
    expect(container.querySelectorAll('.gc-band-yellow')).toHaveLength(2)
    expect(container.querySelectorAll('.gc-band-red')).toHaveLength(2)
  })

  it('summarises the chart for screen readers and lists every point in a table', () => {
    renderScreen(<GrowthChart sex="L" birthDate={BIRTH} indicator="wfa" points={weights} />)
    const img = screen.getByRole('img')
    expect(img.getAttribute('aria-label')).toBe(
      'Berat badan menurut umur, 5 titik, terakhir 11,2 kg pada umur 2 th 1 bl',
    )
    const table = screen.getByRole('table')
    // A header row and one row per point, newest first.
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(6)
    expect(rows[1]?.textContent).toContain('11,2 kg')
  })

  it('speaks English too', () => {
    renderScreen(<GrowthChart sex="P" birthDate={BIRTH} indicator="wfa" points={weights.slice(0, 1)} />, 'en')
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Weight-for-age, 1 point, 5.1 kg at age 2 mo',
    )
  })

  it('still draws the curves without any point', () => {
    const { container } = renderScreen(<GrowthChart sex="P" birthDate={BIRTH} indicator="lhfa" points={[]} />)
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Panjang/tinggi badan menurut umur, belum ada titik',
    )
    expect(curves(container)).toHaveLength(5)
    expect(points(container)).toHaveLength(0)
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('draws length/height in two pieces and applies the 0.7 cm rule, saying so', () => {
    const lengths = [
      { date: '2023-07-15', value: 66, position: 'standing' as const }, // < 731 d standing: +0.7
      { date: '2024-01-15', value: 75, position: 'lying' as const },
      { date: '2025-03-15', value: 90, position: 'lying' as const }, // ≥ 731 d lying: −0.7
      { date: '2025-06-15', value: 92, position: 'standing' as const },
    ]
    const { container } = renderScreen(
      <GrowthChart sex="P" birthDate={BIRTH} indicator="lhfa" points={lengths} />,
    )
    // Each curve is one path of two pieces: length (0–24 mo) and height (24–60 mo).
    for (const c of curves(container)) expect(c.getAttribute('d')?.match(/M/g)).toHaveLength(2)
    expect(points(container)).toHaveLength(4)
    expect(screen.getByText(/disesuaikan 0,7 cm .* pada 2 titik/)).toBeTruthy()
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Panjang/tinggi badan menurut umur, 4 titik, terakhir 92 cm pada umur 2 th 5 bl',
    )
    const rows = within(screen.getByRole('table')).getAllByRole('row')
    // Measured 90 lying at 2 y 2 mo, drawn as 89.3.
    expect(rows[2]?.textContent).toContain('90 cm')
    expect(rows[2]?.textContent).toContain('89,3 cm')
    expect(rows[2]?.textContent).toContain('berbaring')
  })

  it('leaves out measurements beyond 60 months (and before birth) with a note', () => {
    const { container } = renderScreen(
      <GrowthChart
        sex="L"
        birthDate="2019-01-01"
        indicator="wfa"
        points={[
          { date: '2023-06-01', value: 15 },
          { date: '2024-06-01', value: 18 },
        ]}
      />,
    )
    expect(points(container)).toHaveLength(1)
    expect(screen.getByText('1 pengukuran di luar umur 0–60 bulan tidak digambar.')).toBeTruthy()
  })

  it('places the latest point by age on the x axis (0–60 months) and by value on the y axis', () => {
    const { container } = renderScreen(
      <GrowthChart sex="L" birthDate={BIRTH} indicator="wfa" points={[{ date: '2025-01-15', value: 12 }]} />,
    )
    const dot = container.querySelector('circle.gc-latest')
    const tick24 = [...container.querySelectorAll('text.gc-tick')].find((t) => t.textContent === '24')
    expect(Number(dot?.getAttribute('cx'))).toBeCloseTo(Number(tick24?.getAttribute('x')), 0)
    const tick12kg = [...container.querySelectorAll('text.gc-tick')].find(
      (t) => t.textContent === '12' && t.getAttribute('text-anchor') === 'end',
    )
    // The y label sits 3.5 units below its line (text baseline).
    expect(Number(dot?.getAttribute('cy'))).toBeCloseTo(Number(tick12kg?.getAttribute('y')) - 3.5, 0)
  })
})

describe('history messages', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(historyMessages.en).sort()).toEqual(Object.keys(historyMessages.id).sort())
  })
})
