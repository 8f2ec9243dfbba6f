// "Lokasi saya" / "Ambil lokasi": one Geolocation fix on request, for the household form, the map, the map picker
// and the schedule's walking order. Refusal, no GPS or a timeout are a status the screen words; they never block
// anything (a household saves without a location, the map works without the kader's position).
import { useCallback, useState } from 'react'

export type LocateStatus = 'idle' | 'locating' | 'denied' | 'unavailable' | 'timeout'

export interface Fix {
  lat: number
  lng: number
  accuracyM: number
  /** When the phone took the fix (ISO instant). */
  capturedAt: string
}

// A fix on a cheap phone indoors can take a while; after 30 s the kader is better off trying outside.
const GEOLOCATION_TIMEOUT_MS = 30_000

export interface MyLocation {
  /** The latest fix, if any. */
  fix: Fix | undefined
  status: LocateStatus
  /** Asks for a fix; resolves with it, or undefined when there is none (the status says why). */
  locate: () => Promise<Fix | undefined>
}

/**
 * `maximumAgeMs`: how old a fix the phone may answer with. 0 for a household's point (a cached fix could be the
 * previous house's); a minute for "where am I" on the map.
 */
export function useMyLocation({ maximumAgeMs }: { maximumAgeMs: number }): MyLocation {
  const [fix, setFix] = useState<Fix>()
  const [status, setStatus] = useState<LocateStatus>('idle')
  const locate = useCallback(
    () =>
      new Promise<Fix | undefined>((resolve) => {
        if (!('geolocation' in navigator)) {
          setStatus('unavailable')
          resolve(undefined)
          return
        }
        setStatus('locating')
        navigator.geolocation.getCurrentPosition(
          (pos) => {
            const next = {
              lat: pos.coords.latitude,
              lng: pos.coords.longitude,
              accuracyM: pos.coords.accuracy,
              capturedAt: new Date(pos.timestamp).toISOString(),
            }
            setStatus('idle')
            setFix(next)
            resolve(next)
          },
          (err) => {
            setStatus(
              err.code === err.PERMISSION_DENIED
                ? 'denied'
                : err.code === err.TIMEOUT
                  ? 'timeout'
                  : 'unavailable',
            )
            resolve(undefined)
          },
          { enableHighAccuracy: true, timeout: GEOLOCATION_TIMEOUT_MS, maximumAge: maximumAgeMs },
        )
      }),
    [maximumAgeMs],
  )
  return { fix, status, locate }
}
