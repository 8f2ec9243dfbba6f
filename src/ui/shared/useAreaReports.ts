// React views of the area computations. They recompute when the area's data change: any local write (the outbox
// grows) or a finished sync (meta syncStatus) — a cheap live query stands for "the records changed". A computation
// that fails (the worker died, timed out, or threw) is an error the screen shows with a retry, never an endless
// "Memuat…"; a computation the screen no longer needs is aborted.
import { useCallback, useEffect, useRef, useState } from 'react'
import { type AreaError, callArea } from '../../data/area/client'
import type { AreaArgs, AreaCall, AreaResult } from '../../data/area/protocol'
import { useDataVersion } from '../../data/hooks'

/**
 * New data while the screen is open are computed once they settle: a sync stores a page every second or so, and a
 * computation per page (11 for a first sync) made it ≈ 15 s instead of ≈ 11 s at 4× CPU with the schedule open.
 */
const SETTLE_MS = 2_000

export interface Computed<T> {
  /** The latest result (after a failure, the one before it, if any). */
  value?: T
  /** The latest attempt failed. */
  error?: AreaError
  /** Computes again now. */
  retry: () => void
}

function useComputed<C extends AreaCall>(call: C, args: AreaArgs<C> | undefined): Computed<AreaResult<C>> {
  const version = useDataVersion()
  const [state, setState] = useState<{ value?: AreaResult<C>; error?: AreaError }>({})
  const [attempt, setAttempt] = useState(0)
  const shown = useRef<string>(undefined)
  const key = args ? JSON.stringify(args) : undefined
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for args; version marks new data
  useEffect(() => {
    if (!args || version === undefined) return
    const controller = new AbortController()
    const run = () =>
      callArea(call, args, { signal: controller.signal }).then(
        (value) => {
          shown.current = key
          setState({ value })
        },
        (error: AreaError) => {
          if (error.reason === 'aborted') return
          shown.current = undefined // the next attempt runs at once
          setState((s) => ({ value: s.value, error }))
        },
      )
    // Other arguments, a retry after a failure (or the first result) at once; only new data for what is shown waits.
    const timer = setTimeout(run, shown.current === key ? SETTLE_MS : 0)
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [version, key, attempt])
  const retry = useCallback(() => {
    setState((s) => ({ value: s.value }))
    setAttempt((n) => n + 1)
  }, [])
  return { ...state, retry }
}

/** The visit tasks of the work area (src/domain/schedule), computed off the main thread. */
export function useSchedule(workAreaId: string | undefined, today: string): Computed<AreaResult<'schedule'>> {
  return useComputed('schedule', workAreaId ? { workAreaId, today } : undefined)
}

/** The month's PWS figures (src/domain/pws), computed off the main thread. */
export function usePws(workAreaId: string | undefined, month: string): Computed<AreaResult<'pws'>> {
  return useComputed('pws', workAreaId ? { workAreaId, month } : undefined)
}
