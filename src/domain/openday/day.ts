// One open day as the posyandu's tables see it: who is expected and who came, each person's step (langkah 1–5),
// and the order of the queue. Several kaders' phones record the same day; every visit is immutable and a person's
// day is the union of their current posyandu visits of that date, so the phones agree once they have synced.
import { type ExpectedReason, expectedReason, type OpenDayGroup, openDayGroup } from './expected'
import { isMeasured } from './measures'
import type { OpenDayMember, OpenDayVisit } from './types'

/** belum: not here (yet); hadir: checked in (langkah 1); diukur: measured (2–3); selesai: served (4–5). */
export type Attendance = 'belum' | 'hadir' | 'diukur' | 'selesai'

export interface QueueEntry {
  memberId: string
  group: OpenDayGroup
  /** Undefined: came without being expected (a walk-in, or found by search). */
  reason?: ExpectedReason
  attendance: Attendance
  /** When the first posyandu visit of the day was recorded: the queue's order. */
  arrivedAt?: string
  /** The day's current posyandu visits, oldest first. */
  visits: OpenDayVisit[]
}

/** A person's step on the day, from their current posyandu visits of that date. */
export function attendanceOf(dayVisits: readonly OpenDayVisit[]): Attendance {
  if (dayVisits.length === 0) return 'belum'
  if (dayVisits.some((v) => (v.services?.length ?? 0) > 0 || (v.topics?.length ?? 0) > 0)) return 'selesai'
  return dayVisits.some(isMeasured) ? 'diukur' : 'hadir'
}

/**
 * Everyone expected on `date` and everyone who came, by group order then arrival. `visitsOf`: a member's current
 * visits (not deleted, not superseded) — at least those from REGULAR_MONTHS before `date` to `date`.
 */
export function openDayQueue(
  members: Iterable<OpenDayMember>,
  visitsOf: (memberId: string) => readonly OpenDayVisit[],
  date: string,
): QueueEntry[] {
  const entries: QueueEntry[] = []
  for (const member of members) {
    if (member.deleted || (member.closure && member.closure.date <= date)) continue
    const visits = visitsOf(member.id)
    const today = visits
      .filter((v) => v.date === date && v.place === 'posyandu')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    const reason = expectedReason(member, visits, date)
    if (reason === undefined && today.length === 0) continue
    const group = openDayGroup(member, date)
    if (group === undefined) continue
    entries.push({
      memberId: member.id,
      group,
      ...(reason ? { reason } : {}),
      attendance: attendanceOf(today),
      ...(today[0] ? { arrivedAt: today[0].createdAt } : {}),
      visits: today,
    })
  }
  return entries
}

/**
 * The visits that count: not deleted and not superseded by another (a correction, or a later step of the same
 * person's day recorded on the same phone).
 */
export function currentVisits<V extends OpenDayVisit & { supersedes?: string; deleted?: boolean }>(
  visits: readonly V[],
): V[] {
  const replaced = new Set(visits.flatMap((v) => (v.deleted || !v.supersedes ? [] : [v.supersedes])))
  return visits.filter((v) => !v.deleted && !replaced.has(v.id))
}

/**
 * "Berikutnya": who the measuring table takes after `current` — the next person checked in and not yet measured,
 * in order of arrival; undefined when nobody waits.
 */
export function nextInQueue(queue: readonly QueueEntry[], current?: string): QueueEntry | undefined {
  return queue
    .filter((e) => e.attendance === 'hadir' && e.memberId !== current && e.arrivedAt !== undefined)
    .sort((a, b) => (a.arrivedAt as string).localeCompare(b.arrivedAt as string))[0]
}
