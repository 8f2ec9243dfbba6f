// @vitest-environment jsdom
// "Pilih di peta" in jsdom: Leaflet runs without layout here, which is enough to check what the picker hands back.
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import MapPicker from '../../src/ui/map/MapPicker'
import { NOW, withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(cleanup)

describe('map picker', () => {
  it('opens on the recorded point and hands back the point under the cross, with a fingertip accuracy', async () => {
    const user = userEvent.setup()
    const onPick = vi.fn()
    const onCancel = vi.fn()
    renderScreen(
      <MapPicker
        value={{ lat: -6.9175, lng: 106.927, accuracyM: 40, capturedAt: NOW.toISOString() }}
        onPick={onPick}
        onCancel={onCancel}
      />,
    )
    expect(screen.getByRole('dialog', { name: 'Pilih lokasi di peta' })).toBeTruthy()
    const use = screen.getByRole('button', { name: 'Pakai titik ini' })
    await vi.waitFor(() => expect((use as HTMLButtonElement).disabled).toBe(false))
    await user.click(use)
    expect(onPick).toHaveBeenCalledTimes(1)
    const point = onPick.mock.calls[0]?.[0]
    expect(point.lat).toBeCloseTo(-6.9175, 4)
    expect(point.lng).toBeCloseTo(106.927, 4)
    expect(point.accuracyM).toBeGreaterThan(0)
    expect(point.accuracyM).toBeLessThanOrEqual(12)
    expect(Number.isNaN(Date.parse(point.capturedAt))).toBe(false)

    await user.keyboard('{Escape}')
    expect(onCancel).toHaveBeenCalledTimes(1)
  })
})
