// The rekap hari buka: at the end of the open day, per group, who came and who did not, who is well and who has a
// problem, who was referred — from the same queue and findings the tables used. Everyone expected who did not come
// is listed: the schedule gives each a home visit from the next day (schedule/monthly.ts, clinical-rules.md §3.1).
import { type Finding, worstLevel } from '../findings'
import type { QueueEntry } from './day'
import { OPEN_DAY_GROUPS, type OpenDayGroup } from './expected'

export interface RekapRow {
  group: OpenDayGroup
  expected: number
  came: number
  /** Expected and not come. */
  absent: number
  /** Came, measured, every finding normal. */
  normal: number
  /** Came, measured, a finding to watch or refer. */
  problem: number
  /** Came without being measured (served only, or still waiting). */
  unmeasured: number
  referred: number
}

export interface Rekap {
  date: string
  rows: RekapRow[]
  total: Omit<RekapRow, 'group'>
  /** Expected and not come, by group order. */
  absent: QueueEntry[]
  /** Came and have a 'rujuk' finding. */
  referred: QueueEntry[]
}

/** `findingsOf`: the findings of a member's visits of the day (visit-findings.ts), empty when not measured. */
export function openDayRekap(
  date: string,
  queue: readonly QueueEntry[],
  findingsOf: (entry: QueueEntry) => readonly Finding[],
): Rekap {
  const rows = OPEN_DAY_GROUPS.map(
    (group): RekapRow => ({
      group,
      expected: 0,
      came: 0,
      absent: 0,
      normal: 0,
      problem: 0,
      unmeasured: 0,
      referred: 0,
    }),
  )
  const absent: QueueEntry[] = []
  const referred: QueueEntry[] = []
  for (const entry of queue) {
    const row = rows[OPEN_DAY_GROUPS.indexOf(entry.group)] as RekapRow
    if (entry.reason !== undefined) row.expected += 1
    if (entry.attendance === 'belum') {
      row.absent += 1
      absent.push(entry)
      continue
    }
    row.came += 1
    const findings = findingsOf(entry)
    if (entry.attendance === 'hadir' || findings.length === 0) row.unmeasured += 1
    else if (worstLevel(findings) === 'normal') row.normal += 1
    else row.problem += 1
    if (findings.some((f) => f.level === 'rujuk')) {
      row.referred += 1
      referred.push(entry)
    }
  }
  const total = rows.reduce(
    (sum, r) => ({
      expected: sum.expected + r.expected,
      came: sum.came + r.came,
      absent: sum.absent + r.absent,
      normal: sum.normal + r.normal,
      problem: sum.problem + r.problem,
      unmeasured: sum.unmeasured + r.unmeasured,
      referred: sum.referred + r.referred,
    }),
    { expected: 0, came: 0, absent: 0, normal: 0, problem: 0, unmeasured: 0, referred: 0 },
  )
  return { date, rows, total, absent, referred }
}
