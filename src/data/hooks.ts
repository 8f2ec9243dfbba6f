// The UI's live views of IndexedDB (db.ts): each hook re-runs its read (read.ts, meta.ts) whenever a table it read
// changes, in this tab or another. `undefined` always means "still loading".
import { useLiveQuery } from 'dexie-react-hooks'
import type { ClinicalSettings } from '../domain/clinical-settings'
import { getClinicalSettings } from './clinical-settings'
import { buildHouseholdRows, type HouseholdRow } from './household-rows'
import { getWorkArea } from './meta'
import { getHousehold, getMember, loadWorkArea, membersOf, outboxCount } from './read'
import type { FollowUp, Household, Member, Visit, WorkArea } from './schemas'
import { getVisit, type VisitRow, visitsOf, workAreaVisits } from './visits'

/** Stays undefined while the work area itself is still loading. */
export function useWorkAreaRows(workAreaId: string | undefined, today: string): HouseholdRow[] | undefined {
  return useLiveQuery(async () => {
    if (workAreaId === undefined) return undefined
    const { households, members } = await loadWorkArea(workAreaId)
    return buildHouseholdRows(households, members, today)
  }, [workAreaId, today])
}

/** `household` is undefined when it does not exist or was deleted. */
export function useHousehold(
  id: string,
): { household: Household | undefined; members: Member[] } | undefined {
  return useLiveQuery(async () => {
    const household = await getHousehold(id)
    return { household, members: household ? await membersOf(id) : [] }
  }, [id])
}

/** null: not found or deleted. */
export function useMember(id: string): Member | undefined | null {
  return useLiveQuery(async () => (await getMember(id)) ?? null, [id])
}

export function useWorkArea(): WorkArea | undefined {
  return useLiveQuery(getWorkArea)
}

export function useOutboxCount(): number | undefined {
  return useLiveQuery(outboxCount)
}

/** A member's visits, newest first (visits.ts). */
export function useMemberVisits(memberId: string): VisitRow[] | undefined {
  return useLiveQuery(() => visitsOf(memberId), [memberId])
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

export function useClinicalSettings(): ClinicalSettings | undefined {
  return useLiveQuery(getClinicalSettings)
}

/** null: not found. */
export function useVisit(id: string | undefined): Visit | undefined | null {
  return useLiveQuery(async () => (id === undefined ? null : ((await getVisit(id)) ?? null)), [id])
}
