// React views of the area computations. They recompute when the area's data change: any local write (the outbox
// grows) or a finished sync (meta syncStatus) — a cheap live query stands for "the records changed".
import { useEffect, useRef, useState } from 'react'
import { type PwsMonthResult, pwsOf, scheduleOf } from '../../data/area/client'
import type { ScheduleResult } from '../../data/area/compute'
import { useDataVersion } from '../../data/hooks'

/**
 * New data while the screen is open are computed once they settle: a sync stores a page every second or so, and a
 * computation per page (11 for a first sync) made it ≈ 15 s instead of ≈ 11 s at 4× CPU with the schedule open.
 */
const SETTLE_MS = 2_000

function useComputed<T>(compute: (() => Promise<T>) | undefined, deps: unknown[]): T | undefined {
  const version = useDataVersion()
  const [result, setResult] = useState<T>()
  const shown = useRef<string>(undefined)
  const key = JSON.stringify(deps)
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps name what compute reads; version marks new data
  useEffect(() => {
    if (!compute || version === undefined) return
    let live = true
    const run = () =>
      compute().then((r) => {
        if (!live) return
        shown.current = key
        setResult(r)
      })
    // Other arguments (or the first result) at once; only new data for what is shown waits.
    const timer = setTimeout(run, shown.current === key ? SETTLE_MS : 0)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [version, ...deps])
  return result
}

/** The visit tasks of the work area (src/domain/schedule), computed off the main thread. */
export function useSchedule(workAreaId: string | undefined, today: string): ScheduleResult | undefined {
  return useComputed(workAreaId ? () => scheduleOf(workAreaId, today) : undefined, [workAreaId, today])
}

/** The month's PWS figures and indicators (src/domain/pws), computed off the main thread. */
export function usePws(workAreaId: string | undefined, month: string): PwsMonthResult | undefined {
  return useComputed(workAreaId ? () => pwsOf(workAreaId, month) : undefined, [workAreaId, month])
}
