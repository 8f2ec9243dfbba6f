// @vitest-environment jsdom
// The map's pure parts, without Leaflet: what a marker says about a household (not by colour alone), which
// households can be placed, and the map source settings. The map itself is tested in real Chromium
// (tests/e2e/map-offline.test.ts).
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { getMapTileSettings, OSM_TILES, saveMapTileSettings } from '../../src/data/map-settings'
import { MapSettingsForm } from '../../src/ui/map/MapSettingsForm'
import { MarkerBadge } from '../../src/ui/map/MarkerBadge'
import {
  countByStatus,
  MARKER_STYLE,
  markerHtml,
  mostUrgentStatus,
  pickAccuracyM,
  STATUSES,
  splitByLocation,
} from '../../src/ui/map/status'
import { makeHousehold, NOW, withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(cleanup)

const at = (lat: number, lng: number) => ({ lat, lng, accuracyM: 8, capturedAt: NOW.toISOString() })

describe('marker status', () => {
  it('tells every status apart by shape and glyph, not by colour alone', () => {
    const shapes = STATUSES.map((s) => MARKER_STYLE[s].shape)
    const glyphs = STATUSES.map((s) => MARKER_STYLE[s].glyph)
    expect(new Set(shapes).size).toBe(STATUSES.length)
    expect(new Set(glyphs).size).toBe(STATUSES.length)
    expect(markerHtml('overdue')).toContain('hh-diamond')
    expect(markerHtml('overdue')).toContain('!!')
    expect(markerHtml('done')).toContain('✓')
  })

  it('names each status in the legend language', () => {
    renderScreen(
      <ul>
        {STATUSES.map((s) => (
          <li key={s}>
            <MarkerBadge status={s} />
          </li>
        ))}
      </ul>,
    )
    expect(document.querySelectorAll('.hh-marker[aria-hidden="true"]')).toHaveLength(4)
    expect(STATUSES.map((s) => MARKER_STYLE[s].label)).toEqual([
      'map.status.overdue',
      'map.status.due',
      'map.status.done',
      'map.status.none',
    ])
  })

  it('takes the most urgent of the household tasks', () => {
    expect(mostUrgentStatus(['done', 'due', 'overdue', 'upcoming'])).toBe('overdue')
    expect(mostUrgentStatus(['done', 'upcoming', 'due'])).toBe('due')
    expect(mostUrgentStatus(['upcoming', 'done', 'expired'])).toBe('done')
    expect(mostUrgentStatus(['upcoming', 'expired'])).toBe('none')
    expect(mostUrgentStatus([])).toBe('none')
  })
})

describe('households on the map', () => {
  it('places households with a GPS point and counts the ones without', () => {
    const budi = makeHousehold({ headName: 'Budi', location: at(-6.9, 106.9) })
    const siti = makeHousehold({ headName: 'Siti' })
    const joko = makeHousehold({ headName: 'Joko' })
    const gone = makeHousehold({ headName: 'Pindah', location: at(-6.91, 106.91), deleted: true })
    const { located, unlocated } = splitByLocation(
      [budi, siti, joko, gone].map((household) => ({ household })),
    )
    expect(located.map((h) => [h.household.headName, h.lat, h.lng])).toEqual([['Budi', -6.9, 106.9]])
    expect(unlocated.map((h) => h.headName)).toEqual(['Siti', 'Joko'])
  })

  it('counts located households per status for the legend, none by default', () => {
    const a = makeHousehold({ location: at(-6.9, 106.9) })
    const b = makeHousehold({ location: at(-6.8, 106.8) })
    const { located } = splitByLocation([{ household: a }, { household: b }])
    expect(countByStatus(located, () => 'none')).toEqual({ overdue: 0, due: 0, done: 0, none: 2 })
    expect(countByStatus(located, (id) => (id === a.id ? 'overdue' : 'done'))).toEqual({
      overdue: 1,
      due: 0,
      done: 1,
      none: 0,
    })
  })

  it('records a picked point as precise as a fingertip at the zoom used', () => {
    expect(pickAccuracyM(-6.9, 19)).toBeLessThanOrEqual(6)
    expect(pickAccuracyM(-6.9, 18)).toBeLessThanOrEqual(12)
    expect(pickAccuracyM(-6.9, 12)).toBeGreaterThan(100)
  })
})

describe('map source settings', () => {
  it('defaults to OpenStreetMap and refuses a template without {z}/{x}/{y}', async () => {
    expect(await getMapTileSettings()).toEqual(OSM_TILES)
    const bad = await saveMapTileSettings({
      urlTemplate: 'https://tiles.example.org/map.png',
      attribution: '',
    })
    expect(bad).toEqual({ ok: false, errors: { urlTemplate: { key: 'err.map.template' } } })
    const ftp = await saveMapTileSettings({ urlTemplate: 'ftp://x/{z}/{x}/{y}.png', attribution: '' })
    expect(ftp.ok).toBe(false)
    const good = { urlTemplate: 'http://127.0.0.1:8080/{z}/{x}/{y}.png', attribution: 'Puskesmas' }
    expect(await saveMapTileSettings(good)).toEqual({ ok: true })
    expect(await getMapTileSettings()).toEqual(good)
  })

  it('says the app never bulk-downloads OSM tiles, and saves a tile server typed in', async () => {
    const user = userEvent.setup()
    renderScreen(<MapSettingsForm />)
    const url = await screen.findByLabelText('Alamat server peta (URL petak)')
    expect(screen.getByText(/tidak pernah mengunduh peta OpenStreetMap secara massal/)).toBeTruthy()
    await user.clear(url)
    await user.type(url, 'https://tiles.example.org/peta.png')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    expect((await screen.findByRole('alert')).textContent).toContain('{z}, {x} dan {y}')
    await user.clear(url)
    await user.type(url, 'https://tiles.example.org/{{z}/{{x}/{{y}.png')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await screen.findByText('Tersimpan')
    expect((await getMapTileSettings()).urlTemplate).toBe('https://tiles.example.org/{z}/{x}/{y}.png')
  })
})
