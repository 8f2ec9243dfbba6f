// Which of an area's records make up each household's share of its PWS figures (area-sum.ts): what
// supervisionPart must read for one household so that the households' figures add up to the area's. indexMonth
// (month.ts) counts a member when her household is live, a visit through its member, a follow-up through its
// visit's member — so a visit belongs to its member's household (whatever household it was recorded in) and a
// follow-up to its visit's. A correction supersedes a visit of the same member (the server checks it,
// err.visit.supersedes), so it lies in the same share.
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

/** Every household's share of the area's records (households with none of their own are absent). */
export function areaShares(area: AreaRecordsInput): Map<string, ShareInput> {
  const shares = new Map<string, ShareInput>()
  const shareOf = (householdId: string) => {
    let share = shares.get(householdId)
    if (!share) {
      share = { households: [], members: [], visits: [], followUps: [] }
      shares.set(householdId, share)
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

/** One household's share, found by going through the area's records once. */
export function householdShare(area: AreaRecordsInput, householdId: string): ShareInput {
  const household = area.households.get(householdId)
  const members = [...area.members.values()].filter((m) => m.householdId === householdId)
  const memberIds = new Set(members.map((m) => m.id))
  const visits = [...area.visits.values()].filter((v) => memberIds.has(v.memberId))
  const own = new Set(visits.map((v) => v.id))
  return {
    households: household ? [household] : [],
    members,
    visits,
    followUps: [...area.followUps.values()].filter((f) => own.has(f.visitId)),
  }
}
