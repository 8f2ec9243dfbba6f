// @vitest-environment jsdom
// One Geolocation fix on request (src/ui/shared/useMyLocation.ts), for the household form, the map, the picker and
// the schedule: the fix with when it was taken, or the reason there is none.
import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useMyLocation } from '../../src/ui/shared/useMyLocation'

const CODES = { PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 }
let asked: PositionOptions | undefined

function phone(answer: { fix: GeolocationPosition } | { error: number } | 'none') {
  if (answer === 'none') {
    Reflect.deleteProperty(navigator, 'geolocation')
    return
  }
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback, options: PositionOptions) => {
        asked = options
        if ('fix' in answer) ok(answer.fix)
        else fail({ code: answer.error, message: '', ...CODES } as GeolocationPositionError)
      },
    },
  })
}
afterEach(() => {
  asked = undefined
  phone('none')
})

describe('useMyLocation', () => {
  it('gives the fix with its accuracy and time, asking no older than maximumAgeMs', async () => {
    phone({
      fix: {
        coords: { latitude: -7.2, longitude: 108.9, accuracy: 12 },
        timestamp: Date.parse('2025-06-15T03:00:00Z'),
      } as GeolocationPosition,
    })
    const { result } = renderHook(() => useMyLocation({ maximumAgeMs: 0 }))
    let fix: unknown
    await act(async () => {
      fix = await result.current.locate()
    })
    const expected = { lat: -7.2, lng: 108.9, accuracyM: 12, capturedAt: '2025-06-15T03:00:00.000Z' }
    expect(fix).toEqual(expected)
    expect([result.current.fix, result.current.status]).toEqual([expected, 'idle'])
    expect(asked).toEqual({ enableHighAccuracy: true, timeout: 30_000, maximumAge: 0 })
  })

  it.each([
    [CODES.PERMISSION_DENIED, 'denied'],
    [CODES.TIMEOUT, 'timeout'],
    [CODES.POSITION_UNAVAILABLE, 'unavailable'],
  ] as const)('names error %i %s and resolves with no fix', async (code, status) => {
    phone({ error: code })
    const { result } = renderHook(() => useMyLocation({ maximumAgeMs: 60_000 }))
    let fix: unknown = 'not called'
    await act(async () => {
      fix = await result.current.locate()
    })
    expect([fix, result.current.fix, result.current.status]).toEqual([undefined, undefined, status])
  })

  it('says unavailable on a phone without Geolocation', async () => {
    phone('none')
    const { result } = renderHook(() => useMyLocation({ maximumAgeMs: 0 }))
    await act(async () => {
      await result.current.locate()
    })
    expect(result.current.status).toBe('unavailable')
  })
})
