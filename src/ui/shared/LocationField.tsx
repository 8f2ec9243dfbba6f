// "Ambil lokasi": one GPS fix with its accuracy. Refusal, no GPS or a timeout never block saving the household.
import { lazy, Suspense, useState } from 'react'
import type { GpsPoint } from '../../protocol/records'
import { useT } from '../i18n'
import { useMyLocation } from './useMyLocation'

// The map (Leaflet) loads only when the kader chooses to pick the point by hand.
const MapPicker = lazy(() => import('../map/MapPicker'))

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
  // maximumAge 0: a cached fix could be the previous house's.
  const { status, locate: askFix } = useMyLocation({ maximumAgeMs: 0 })
  const [picking, setPicking] = useState(false)

  const locate = async () => {
    const fix = await askFix()
    if (fix) onChange(fix)
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
