// The checks of a visit and of a referral follow-up that need no database, run by the visit form, the write
// module and the sync server (server/sync/entities.ts), so the server refuses exactly what the phone refuses.
// Dates that are not valid 'YYYY-MM-DD' are skipped here: the record schema reports them (err.date).
import { isIsoDate } from './dates'

export type VisitProblemCode =
  | 'visit.dateFuture'
  | 'visit.beforeBirth'
  | 'visit.empty'
  | 'visit.checkInAtHome'

export interface RecordProblem {
  /** The field the problem is shown at. */
  field: 'date' | 'parts' | 'checkedIn'
  /** What is wrong; the app and the server word it as the error key `err.<code>`. */
  code: VisitProblemCode
}

export interface VisitFacts {
  date?: unknown
  place?: unknown
  parts?: unknown
  note?: unknown
  checkedIn?: unknown
  services?: unknown
  topics?: unknown
}

/**
 * A visit is on or before today, not before the member's birth, and records something: a part, a note, a service
 * or penyuluhan topic of the open day, or — at the posyandu only — the check-in alone, which records that the
 * person came (clinical-rules.md §1.1).
 */
export function checkVisit(v: VisitFacts, today: string, birthDate?: string): RecordProblem[] {
  const problems: RecordProblem[] = []
  if (typeof v.date === 'string' && isIsoDate(v.date)) {
    if (v.date > today) problems.push({ field: 'date', code: 'visit.dateFuture' })
    else if (birthDate && v.date < birthDate) problems.push({ field: 'date', code: 'visit.beforeBirth' })
  }
  const filled = v.parts && typeof v.parts === 'object' ? Object.keys(v.parts).length : 0
  const given = [v.services, v.topics].some((list) => Array.isArray(list) && list.length > 0)
  const cameToPosyandu = v.checkedIn === true && v.place === 'posyandu'
  if (filled === 0 && v.note === undefined && !given && !cameToPosyandu)
    problems.push({ field: 'parts', code: 'visit.empty' })
  if (v.checkedIn === true && v.place !== 'posyandu')
    problems.push({ field: 'checkedIn', code: 'visit.checkInAtHome' })
  return problems
}

/** A follow-up is recorded on or before today. */
export function checkFollowUp(f: { date?: unknown }, today: string): RecordProblem[] {
  return typeof f.date === 'string' && isIsoDate(f.date) && f.date > today
    ? [{ field: 'date', code: 'visit.dateFuture' }]
    : []
}
