// "Pilih di peta": the kader moves the map until the cross sits on the house and takes that point — for when GPS
// is poor indoors, or the house is registered from elsewhere. Lazy, like the map screen: the household form loads
// Leaflet only when this opens. The recorded accuracy is the ground a fingertip covers at the zoom used.
import 'leaflet/dist/leaflet.css'
import './map.css'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useWorkArea, useWorkAreaRows } from '../../data/hooks'
import type { GpsPoint } from '../../protocol/records'
import { useT } from '../i18n'
import { useToday } from '../shared/today'
import { householdMarker, L, myLocationLayer } from './layers'
import { mapMessages } from './messages'
import { pickAccuracyM, splitByLocation } from './status'
import { useBaseMap } from './useBaseMap'
import { useMyLocation } from './useMyLocation'

const PICK_ZOOM = 18
// LocationField warns above this too: a pick coarser than it is worth a nudge to zoom in.
const POOR_ACCURACY_M = 100

export interface MapPickerProps {
  /** The point already recorded, if any: the picker opens on it. */
  value?: GpsPoint
  /** The household being edited, left out of the neighbours shown for context. */
  householdId?: string
  onPick: (point: GpsPoint) => void
  onCancel: () => void
}

export default function MapPicker({ value, householdId, onPick, onCancel }: MapPickerProps) {
  const t = useT(mapMessages)
  const titleId = useId()
  const today = useToday()
  const workArea = useWorkArea()
  const rows = useWorkAreaRows(workArea?.id, today)
  const neighbours = useMemo(
    () => splitByLocation(rows ?? []).located.filter((h) => h.household.id !== householdId),
    [rows, householdId],
  )
  const { ref, map, area } = useBaseMap()
  const { fix, status: locateStatus, locate } = useMyLocation()
  const [accuracyM, setAccuracyM] = useState<number>()
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    heading.current?.focus()
  }, [])

  // Neighbouring households, for orientation; not clickable: a tap here must not leave the form.
  useEffect(() => {
    if (!map) return
    const group = L.layerGroup(
      neighbours.map(({ household, lat, lng }) =>
        householdMarker(lat, lng, 'none', household.headName, false).setOpacity(0.7),
      ),
    ).addTo(map)
    return () => {
      group.remove()
    }
  }, [map, neighbours])

  // Frame once: on the recorded point at once, else on the neighbours (or the area map) when they are known.
  // Until then "Pakai titik ini" is off, so a quick tap cannot hand back the middle of Indonesia.
  const [framed, setFramed] = useState(false)
  useEffect(() => {
    if (!map || framed) return
    if (value) map.setView([value.lat, value.lng], PICK_ZOOM)
    else if (rows === undefined || area === undefined) return
    else if (neighbours.length > 0)
      map.fitBounds(L.latLngBounds(neighbours.map((h) => [h.lat, h.lng] as [number, number])), {
        padding: [32, 32],
        maxZoom: PICK_ZOOM,
      })
    else if (area) map.fitBounds(area.bounds)
    setFramed(true)
  }, [map, framed, value, rows, area, neighbours])

  useEffect(() => {
    if (!map) return
    const update = () => setAccuracyM(pickAccuracyM(map.getCenter().lat, map.getZoom()))
    update()
    map.on('moveend zoomend', update)
    return () => {
      map.off('moveend zoomend', update)
    }
  }, [map])

  useEffect(() => {
    if (!map || !fix) return
    const layer = myLocationLayer(
      fix.lat,
      fix.lng,
      fix.accuracyM,
      t('map.you', { accuracy: Math.round(fix.accuracyM) }),
    )
    layer.addTo(map)
    map.setView([fix.lat, fix.lng], PICK_ZOOM)
    return () => {
      layer.remove()
    }
  }, [map, fix, t])

  const pick = () => {
    if (!map) return
    const c = map.getCenter().wrap()
    onPick({
      lat: Number(c.lat.toFixed(6)),
      lng: Number(c.lng.toFixed(6)),
      accuracyM: pickAccuracyM(c.lat, map.getZoom()),
      capturedAt: new Date().toISOString(),
    })
  }

  return (
    <div
      className="map-picker"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel()
      }}
    >
      <header className="topbar">
        <h2 id={titleId} ref={heading} tabIndex={-1} className="topbar-title">
          {t('map.pick.title')}
        </h2>
      </header>
      <div className="map-wrap map-picker-map">
        <section ref={ref} className="map-view" aria-label={t('map.region')} />
        <span className="map-crosshair" aria-hidden="true" />
        <button
          type="button"
          className="button secondary map-locate"
          onClick={locate}
          disabled={locateStatus === 'locating'}
        >
          {locateStatus === 'locating' ? t('map.locating') : t('map.locate')}
        </button>
      </div>
      <div className="map-picker-footer">
        <p className="field-hint">{t('map.pick.hint')}</p>
        {locateStatus !== 'idle' && locateStatus !== 'locating' && (
          <p className="field-message" role="status">
            {t(`map.locate.${locateStatus}`)}
          </p>
        )}
        {accuracyM !== undefined && accuracyM > POOR_ACCURACY_M && (
          <p className="field-message">{t('map.pick.zoomIn', { accuracy: accuracyM })}</p>
        )}
        <div className="button-row">
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('map.pick.cancel')}
          </button>
          <button type="button" className="button primary" onClick={pick} disabled={!map || !framed}>
            {t('map.pick.use')}
          </button>
        </div>
      </div>
    </div>
  )
}
