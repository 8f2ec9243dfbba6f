// React views of the area computations. They recompute when the area's data change: any local write (the outbox
// grows) or a finished sync (meta syncStatus) — a cheap live query stands for "the records changed".
import { useEffect, useState } from 'react'
import { pwsOf, scheduleOf } from '../../data/area/client'
import type { ScheduleResult } from '../../data/area/compute'
import { useDataVersion } from '../../data/hooks'
import type { PwsReport } from '../../domain/pws'

function useComputed<T>(compute: (() => Promise<T>) | undefined, deps: unknown[]): T | undefined {
  const version = useDataVersion()
  const [result, setResult] = useState<T>()
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps name what compute reads; version marks new data
  useEffect(() => {
    if (!compute || version === undefined) return
    let live = true
    compute().then((r) => live && setResult(r))
    return () => {
      live = false
    }
  }, [version, ...deps])
  return result
}

/** The visit tasks of the work area (src/domain/schedule), computed off the main thread. */
export function useSchedule(workAreaId: string | undefined, today: string): ScheduleResult | undefined {
  return useComputed(workAreaId ? () => scheduleOf(workAreaId, today) : undefined, [workAreaId, today])
}

/** The month's PWS figures (src/domain/pws), computed off the main thread. */
export function usePws(workAreaId: string | undefined, month: string): PwsReport | undefined {
  return useComputed(workAreaId ? () => pwsOf(workAreaId, month) : undefined, [workAreaId, month])
}
