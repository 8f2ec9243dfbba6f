// The visit screens' live views of IndexedDB (visits.ts). Apart from hooks.ts so that the first screen does not
// load the visit schemas. `undefined` always means "still loading".
import { useLiveQuery } from 'dexie-react-hooks'
import type { FollowUp, Visit } from '../protocol/visits'
import { onLockChange } from './crypto/session'
import { openDayVisits } from './openday'
import { followUpsOf, getVisit, type VisitRow, visitsOf, workAreaVisits } from './visits'

/** A member's visits, newest first (visits.ts). */
export function useMemberVisits(memberId: string): VisitRow[] | undefined {
  return useLiveQuery(() => visitsOf(memberId), [memberId])
}

/** A member's follow-ups, oldest first. */
export function useMemberFollowUps(memberId: string): FollowUp[] | undefined {
  return useLiveQuery(() => followUpsOf(memberId), [memberId])
}

/** Every visit and follow-up of the work area, for the referral list. */
export function useWorkAreaVisits(
  workAreaId: string | undefined,
): { visits: VisitRow[]; followUps: FollowUp[] } | undefined {
  return useLiveQuery(
    async () => (workAreaId === undefined ? undefined : workAreaVisits(workAreaId)),
    [workAreaId],
  )
}

/** null: not found. */
export function useVisit(id: string | undefined): Visit | undefined | null {
  return useLiveQuery(async () => (id === undefined ? null : ((await getVisit(id)) ?? null)), [id])
}

// The open day's visits last read, shown at once when its screen opens again (the live query corrects them within a
// read): going back and forth between the queue and a person's screen costs no "loading" each time.
let lastOpenDay: { key: string; rows: VisitRow[] } | undefined
// Another kader may unlock next ("Ganti kader"): nothing read for this one is shown first to her.
onLockChange((unlocked) => {
  if (!unlocked) lastOpenDay = undefined
})

/** Reads the open day's visits ahead (the app does it when idle on the open day): its screen opens with them. */
export async function readOpenDayAhead(workAreaId: string, date: string): Promise<void> {
  lastOpenDay = { key: `${workAreaId}:${date}`, rows: await openDayVisits(workAreaId, date) }
}

/** The area's visits of an open day and the months before it (openday.ts); undefined while loading. */
export function useOpenDayVisits(workAreaId: string | undefined, date: string): VisitRow[] | undefined {
  const key = `${workAreaId}:${date}`
  return useLiveQuery(
    async () => {
      if (workAreaId === undefined) return undefined
      const rows = await openDayVisits(workAreaId, date)
      lastOpenDay = { key, rows }
      return rows
    },
    [workAreaId, date],
    lastOpenDay?.key === key ? lastOpenDay.rows : undefined,
  )
}
