// The kader's own position on a map (MapScreen, MapPicker): the "Lokasi saya" button, the dot with its accuracy
// circle once a fix arrives, and the status when there is none.
import { useEffect } from 'react'
import { useT } from '../i18n'
import { type LocateStatus, useMyLocation } from '../shared/useMyLocation'
import { type L, myLocationLayer } from './layers'
import { mapMessages } from './messages'

// On the map a fix up to a minute old is still where the kader stands.
const MAP_FIX_MAX_AGE_MS = 60_000

/** Draws each new fix on `map` and moves the view to it, at the zoom `zoomFor` gives. */
export function useMyLocationLayer(
  map: L.Map | null | undefined,
  zoomFor: (map: L.Map) => number,
): { status: LocateStatus; locate: () => void } {
  const t = useT(mapMessages)
  const { fix, status, locate } = useMyLocation({ maximumAgeMs: MAP_FIX_MAX_AGE_MS })
  // biome-ignore lint/correctness/useExhaustiveDependencies: zoomFor is read when a fix arrives, not a trigger
  useEffect(() => {
    if (!map || !fix) return
    const layer = myLocationLayer(
      fix.lat,
      fix.lng,
      fix.accuracyM,
      t('map.you', { accuracy: Math.round(fix.accuracyM) }),
    )
    layer.addTo(map)
    map.setView([fix.lat, fix.lng], zoomFor(map))
    return () => {
      layer.remove()
    }
  }, [map, fix, t])
  return { status, locate: () => void locate() }
}

export function LocateButton({ status, onLocate }: { status: LocateStatus; onLocate: () => void }) {
  const t = useT(mapMessages)
  return (
    <button
      type="button"
      className="button secondary map-locate"
      onClick={onLocate}
      disabled={status === 'locating'}
    >
      {status === 'locating' ? t('map.locating') : t('map.locate')}
    </button>
  )
}

/** Why there is no position (refused, no GPS, timed out); nothing while idle or locating. */
export function LocateStatusNote({ status, className }: { status: LocateStatus; className: string }) {
  const t = useT(mapMessages)
  if (status === 'idle' || status === 'locating') return null
  return (
    <p className={className} role="status">
      {t(`map.locate.${status}`)}
    </p>
  )
}
