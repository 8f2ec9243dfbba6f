// The open day as the screens read it: the queue (domain/openday) over the area's members and the day's visits.
import { useMemo } from 'react'
import { useWorkArea, useWorkAreaRows } from '../../data/hooks'
import { useOpenDayVisits } from '../../data/visit-hooks'
import type { VisitRow } from '../../data/visits'
import { openDayQueue, type QueueEntry } from '../../domain/openday'
import type { Household, Member } from '../../protocol/records'
import { useToday } from '../shared/today'

export interface Person {
  member: Member
  household: Household
}

export interface OpenDay {
  queue: QueueEntry[]
  /** Every member of the area, for search and names. */
  people: Map<string, Person>
  /** Current visits by member, from the open day's range (openday.ts openDayVisits). */
  visitsOf: (memberId: string) => VisitRow[]
}

/** undefined while the area or the visits load. */
export function useOpenDay(date: string): OpenDay | undefined {
  const today = useToday()
  const workArea = useWorkArea()
  const rows = useWorkAreaRows(workArea?.id, today)
  const visits = useOpenDayVisits(workArea?.id, date)
  return useMemo(() => {
    if (!rows || !visits) return undefined
    const people = new Map<string, Person>()
    for (const row of rows)
      for (const m of row.members) people.set(m.id, { member: m, household: row.household })
    const byMember = new Map<string, VisitRow[]>()
    for (const v of visits) {
      if (v.supersededBy || v.deleted) continue
      const list = byMember.get(v.memberId)
      if (list) list.push(v)
      else byMember.set(v.memberId, [v])
    }
    const visitsOf = (id: string) => byMember.get(id) ?? []
    const members = [...people.values()].map((p) => p.member)
    return { queue: openDayQueue(members, visitsOf, date), people, visitsOf }
  }, [rows, visits, date])
}
