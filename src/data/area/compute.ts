// The work-area computations that read every record of the area: the visit schedule and the month's PWS figures.
// They run in a Web Worker (worker.ts) so that 20,000 members never freeze the screen; tests call them directly.
// The records come from the area store (store.ts), which keeps them between calls and reads only what changed.
import type { PosyanduCalendar as ScheduleCalendar, Task } from '../../domain/schedule/types'
import { getClinicalSettings } from '../clinical-settings'
import { getWorkArea } from '../meta'
import type { PosyanduCalendar } from '../schemas'
import type { AreaArgs, AreaCall, AreaResult } from './protocol'
import { areaStore } from './store'

/**
 * Until the kader sets the posyandu's open day, the schedule counts from the second Tuesday — a common choice — and
 * the screen says so (the setting is in Pengaturan).
 */
export const FALLBACK_OPEN_DAY: PosyanduCalendar['openDay'] = { week: 2, weekday: 2 }

export interface ScheduleResult {
  tasks: Task[]
  /** True when FALLBACK_OPEN_DAY was used. */
  openDayAssumed: boolean
}

export async function computeSchedule(workAreaId: string, today: string): Promise<ScheduleResult> {
  const [store, settings, area] = await Promise.all([
    areaStore(workAreaId),
    getClinicalSettings(),
    getWorkArea(),
  ])
  const openDay = area.posyandu?.openDay
  const tasks = store.keeper.tasks({
    // The schema bounds week to 1–5 or 'last' and weekday to 0–6: exactly the domain's calendar.
    calendar: { openDay: (openDay ?? FALLBACK_OPEN_DAY) as ScheduleCalendar['openDay'] },
    settings,
    today,
  })
  return { tasks, openDayAssumed: openDay === undefined }
}

export async function computePws(workAreaId: string, month: string) {
  const { pwsMonth } = await import('../../domain/pws')
  const [store, settings] = await Promise.all([areaStore(workAreaId), getClinicalSettings()])
  return pwsMonth({
    households: [...store.households.values()],
    members: [...store.members.values()],
    visits: [...store.visits.values()],
    followUps: [...store.followUps.values()],
    month,
    settings,
  })
}

/** Each call the area worker answers (protocol.ts), by name: the worker and the page's fallback both use this. */
export const AREA_CALLS: { [C in AreaCall]: (args: AreaArgs<C>) => Promise<AreaResult<C>> } = {
  schedule: ({ workAreaId, today }) => computeSchedule(workAreaId, today),
  pws: ({ workAreaId, month }) => computePws(workAreaId, month),
}

/** Runs one call by name. */
export function runAreaCall<C extends AreaCall>(call: C, args: AreaArgs<C>): Promise<AreaResult<C>> {
  return (AREA_CALLS[call] as (a: AreaArgs<C>) => Promise<AreaResult<C>>)(args)
}
