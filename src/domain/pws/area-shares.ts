// Which of an area's records make up each household's share of its PWS figures (area-sum.ts): what
// supervisionPart must read for one household so that the households' figures add up to the area's. indexMonth
// (month.ts) counts a member when her household is live, a visit through its member, a follow-up through its
// visit's member — so a visit belongs to its member's household (whatever household it was recorded in) and a
// follow-up to its visit's. A correction supersedes a visit of the same member (the server checks it,
// err.visit.supersedes), so it lies in the same share. Households can be grouped into one share (compute.ts groups
// a few: a share's figures cost ≈ 2 ms however small it is).
import type { PwsFollowUp, PwsHousehold, PwsMember, PwsVisit } from './types'

export interface AreaRecordsInput {
  households: ReadonlyMap<string, PwsHousehold>
  members: ReadonlyMap<string, PwsMember>
  visits: ReadonlyMap<string, PwsVisit>
  followUps: ReadonlyMap<string, PwsFollowUp>
}

export interface ShareInput {
  households: PwsHousehold[]
  members: PwsMember[]
  visits: PwsVisit[]
  followUps: PwsFollowUp[]
}

/** The households whose share a record (as it is in `area`, or was) counts in. */
export function sharesOf(
  area: Pick<AreaRecordsInput, 'members' | 'visits'>,
  entity: 'households' | 'members' | 'visits' | 'followUps',
  record: Record<string, unknown>,
): string[] {
  const ofMember = (id: unknown) => area.members.get(String(id))?.householdId
  const ofVisit = (id: unknown) => ofMember(area.visits.get(String(id))?.memberId)
  const found =
    entity === 'households'
      ? [String(record.id)]
      : entity === 'members'
        ? [String(record.householdId)]
        : entity === 'visits'
          ? [ofMember(record.memberId)]
          : [ofVisit(record.visitId)]
  return found.filter((h): h is string => h !== undefined)
}

/** Which share a household's records go to: the household itself, or a group of households. */
export type ShareKey = (householdId: string) => string

/** Every share of the area's records (shares with no record are absent). */
export function areaShares(area: AreaRecordsInput, keyOf: ShareKey): Map<string, ShareInput> {
  const shares = new Map<string, ShareInput>()
  const shareOf = (householdId: string) => {
    const key = keyOf(householdId)
    let share = shares.get(key)
    if (!share) {
      share = { households: [], members: [], visits: [], followUps: [] }
      shares.set(key, share)
    }
    return share
  }
  for (const h of area.households.values()) shareOf(h.id).households.push(h)
  for (const m of area.members.values()) shareOf(m.householdId).members.push(m)
  for (const v of area.visits.values())
    for (const h of sharesOf(area, 'visits', v as never)) shareOf(h).visits.push(v)
  for (const f of area.followUps.values())
    for (const h of sharesOf(area, 'followUps', f as never)) shareOf(h).followUps.push(f)
  return shares
}

/** One share, found by going through the area's records once. */
export function shareOf(area: AreaRecordsInput, keyOf: ShareKey, key: string): ShareInput {
  const households = [...area.households.values()].filter((h) => keyOf(h.id) === key)
  const members = [...area.members.values()].filter((m) => keyOf(m.householdId) === key)
  const memberIds = new Set(members.map((m) => m.id))
  const visits = [...area.visits.values()].filter((v) => memberIds.has(v.memberId))
  const own = new Set(visits.map((v) => v.id))
  return {
    households,
    members,
    visits,
    followUps: [...area.followUps.values()].filter((f) => own.has(f.visitId)),
  }
}
