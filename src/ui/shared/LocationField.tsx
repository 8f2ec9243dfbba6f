// "Ambil lokasi": one GPS fix with its accuracy. Refusal, no GPS or a timeout never block saving the household.
import { lazy, Suspense, useState } from 'react'
import type { GpsPoint } from '../../protocol/records'
import { useT } from '../i18n'

// The map (Leaflet) loads only when the kader chooses to pick the point by hand.
const MapPicker = lazy(() => import('../map/MapPicker'))

type Status = 'idle' | 'locating' | 'denied' | 'unavailable' | 'timeout'

// A fix on a cheap phone indoors can take a while; after 30 s the kader is better off trying outside.
const GEOLOCATION_TIMEOUT_MS = 30_000

export function LocationField({
  value,
  onChange,
  householdId,
}: {
  value?: GpsPoint
  onChange: (p: GpsPoint | undefined) => void
  householdId?: string
}) {
  const t = useT()
  const [status, setStatus] = useState<Status>('idle')
  const [picking, setPicking] = useState(false)

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setStatus('unavailable')
      return
    }
    setStatus('locating')
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setStatus('idle')
        onChange({
          lat: pos.coords.latitude,
          lng: pos.coords.longitude,
          accuracyM: pos.coords.accuracy,
          capturedAt: new Date(pos.timestamp).toISOString(),
        })
      },
      (err) => {
        setStatus(
          err.code === err.PERMISSION_DENIED
            ? 'denied'
            : err.code === err.TIMEOUT
              ? 'timeout'
              : 'unavailable',
        )
      },
      // maximumAge 0: a cached fix could be the previous house's.
      { enableHighAccuracy: true, timeout: GEOLOCATION_TIMEOUT_MS, maximumAge: 0 },
    )
  }

  return (
    <fieldset className="field location">
      <legend>{t('location.title')}</legend>
      {value ? (
        <p>
          {t('location.saved', {
            lat: value.lat.toFixed(5),
            lng: value.lng.toFixed(5),
            accuracy: Math.round(value.accuracyM),
          })}
          {value.accuracyM > 100 && <span className="field-message"> {t('location.poorAccuracy')}</span>}
        </p>
      ) : (
        <p className="muted">{t('location.none')}</p>
      )}
      <div className="button-row">
        <button type="button" className="button secondary" onClick={locate} disabled={status === 'locating'}>
          {status === 'locating' ? t('location.locating') : value ? t('location.retake') : t('location.take')}
        </button>
        <button type="button" className="button secondary" onClick={() => setPicking(true)}>
          {t('location.pickOnMap')}
        </button>
        {value && (
          <button type="button" className="button secondary" onClick={() => onChange(undefined)}>
            {t('location.clear')}
          </button>
        )}
      </div>
      {picking && (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <MapPicker
            value={value}
            householdId={householdId}
            onPick={(point) => {
              onChange(point)
              setPicking(false)
            }}
            onCancel={() => setPicking(false)}
          />
        </Suspense>
      )}
      {status !== 'idle' && status !== 'locating' && (
        <p className="field-message" role="status">
          {t(`location.${status}`)}
        </p>
      )}
    </fieldset>
  )
}
