// "Lokasi saya": one Geolocation fix on request. Refusal, no GPS or a timeout leave the map usable, with a message.
import { useCallback, useState } from 'react'

export type LocateStatus = 'idle' | 'locating' | 'denied' | 'unavailable' | 'timeout'

export interface Fix {
  lat: number
  lng: number
  accuracyM: number
}

// As in the household form: a cheap phone indoors can take a while to get a fix.
const GEOLOCATION_TIMEOUT_MS = 30_000

export function useMyLocation(): { fix: Fix | undefined; status: LocateStatus; locate: () => void } {
  const [fix, setFix] = useState<Fix>()
  const [status, setStatus] = useState<LocateStatus>('idle')
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setStatus('unavailable')
      return
    }
    setStatus('locating')
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setStatus('idle')
        setFix({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracyM: pos.coords.accuracy })
      },
      (err) =>
        setStatus(
          err.code === err.PERMISSION_DENIED
            ? 'denied'
            : err.code === err.TIMEOUT
              ? 'timeout'
              : 'unavailable',
        ),
      { enableHighAccuracy: true, timeout: GEOLOCATION_TIMEOUT_MS, maximumAge: 60_000 },
    )
  }, [])
  return { fix, status, locate }
}
