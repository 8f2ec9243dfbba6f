// The household map (#/peta): every located household of the work area as a marker showing its most urgent task
// by colour, shape and glyph, with a legend; tap a marker to open the household. Leaflet and this module load only
// when the screen opens. With no tiles at all (offline, never viewed, no area map) the markers still show on a
// plain background with a scale.
import 'leaflet/dist/leaflet.css'
import './map.css'
import { useEffect, useMemo, useRef } from 'react'
import { useWorkArea, useWorkAreaRows } from '../../data/hooks'
import { useT } from '../i18n'
import { navigate, paths } from '../router'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { householdMarker, L, myLocationLayer } from './layers'
import { MapSettingsForm } from './MapSettingsForm'
import { MarkerBadge } from './MarkerBadge'
import { mapMessages } from './messages'
import { countByStatus, MARKER_STYLE, noStatus, STATUSES, type StatusOf, splitByLocation } from './status'
import { useBaseMap } from './useBaseMap'
import { useMyLocation } from './useMyLocation'

// Close enough to tell neighbouring houses apart, not so close that a single household fills the screen.
const FIT_MAX_ZOOM = 17
const MY_LOCATION_ZOOM = 16

export default function MapScreen({ statusOf = noStatus }: { statusOf?: StatusOf }) {
  const t = useT(mapMessages)
  const today = useToday()
  const workArea = useWorkArea()
  const rows = useWorkAreaRows(workArea?.id, today)
  const { located, unlocated } = useMemo(() => splitByLocation(rows ?? []), [rows])
  const counts = useMemo(() => countByStatus(located, statusOf), [located, statusOf])
  const { ref, map, area, tilesMissing } = useBaseMap()
  const { fix, status: locateStatus, locate } = useMyLocation()

  useEffect(() => {
    if (!map) return
    const group = L.layerGroup(
      located.map(({ household, lat, lng }) => {
        const status = statusOf(household.id)
        const title = t('map.marker', { name: household.headName, status: t(MARKER_STYLE[status].label) })
        return householdMarker(lat, lng, status, title).on('click', () =>
          navigate(paths.household(household.id)),
        )
      }),
    ).addTo(map)
    return () => {
      group.remove()
    }
  }, [map, located, statusOf, t])

  // Frame the households once, when they and the area map are known; later changes must not move the map.
  const framed = useRef(false)
  useEffect(() => {
    if (!map || framed.current || rows === undefined || area === undefined) return
    framed.current = true
    if (located.length > 0)
      map.fitBounds(L.latLngBounds(located.map((h) => [h.lat, h.lng] as [number, number])), {
        padding: [32, 32],
        maxZoom: FIT_MAX_ZOOM,
      })
    else if (area) map.fitBounds(area.bounds)
  }, [map, rows, area, located])

  useEffect(() => {
    if (!map || !fix) return
    const layer = myLocationLayer(
      fix.lat,
      fix.lng,
      fix.accuracyM,
      t('map.you', { accuracy: Math.round(fix.accuracyM) }),
    )
    layer.addTo(map)
    map.setView([fix.lat, fix.lng], Math.max(map.getZoom(), MY_LOCATION_ZOOM))
    return () => {
      layer.remove()
    }
  }, [map, fix, t])

  return (
    <main className="screen map-screen">
      <TopBar title={t('map.title')} />
      <div className="map-wrap">
        <section ref={ref} className="map-view" aria-label={t('map.region')} />
        <button
          type="button"
          className="button secondary map-locate"
          onClick={locate}
          disabled={locateStatus === 'locating'}
        >
          {locateStatus === 'locating' ? t('map.locating') : t('map.locate')}
        </button>
      </div>
      {locateStatus !== 'idle' && locateStatus !== 'locating' && (
        <p className="map-note" role="status">
          {t(`map.locate.${locateStatus}`)}
        </p>
      )}
      {tilesMissing && (
        <p className="map-note" role="status">
          {t('map.tilesMissing')}
        </p>
      )}
      {rows !== undefined && located.length === 0 && <p className="map-note">{t('map.empty')}</p>}
      <section className="card map-legend" aria-labelledby="map-legend-title">
        <h2 id="map-legend-title" className="section-title">
          {t('map.legend')}
        </h2>
        <ul>
          {STATUSES.map((s) => (
            <li key={s}>
              <MarkerBadge status={s} />
              <span>{t(MARKER_STYLE[s].label)}</span>
              <span className="count">{counts[s]}</span>
            </li>
          ))}
        </ul>
      </section>
      {unlocated.length > 0 && (
        <details className="card map-unlocated">
          <summary>{t('map.noLocation', { n: unlocated.length })}</summary>
          <p className="muted">{t('map.noLocationHint')}</p>
          <ul>
            {unlocated.map((h) => (
              <li key={h.id}>
                <a href={paths.household(h.id)}>{h.headName}</a>{' '}
                <span className="muted">
                  {h.address.dusun} RT {h.address.rt}/RW {h.address.rw}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <details className="card">
        <summary>{t('map.settings')}</summary>
        <MapSettingsForm />
      </details>
    </main>
  )
}
