// The open day's reads and writes. A check-in, a measurement, a service are visits at the posyandu (visits.ts),
// so they sync like any visit and several kaders' phones recording the same day converge; a person's later step
// on the same phone supersedes the earlier visit of the day it completes. A walk-in is registered — household (new
// or existing), member and check-in — in ONE transaction.
import { REGULAR_MONTHS } from '../domain/openday/expected'
import { shiftMonth } from '../domain/schedule/calendar'
import { type Visit, visit } from '../protocol/visits'
import { getDb, guardQuota } from './db'
import { validRows } from './read'
import { saveVisit, type VisitRow } from './visits'
import { type FieldErrors, saveHousehold, saveMember, type WriteResult } from './write'

/** The first day whose visits the open day of `date` reads: REGULAR_MONTHS whole months before its month. */
export const openDayFrom = (date: string): string => `${shiftMonth(date, -REGULAR_MONTHS)}-01`

/**
 * The area's visits from openDayFrom(date) to `date` — the day itself and the months that make a regular — each
 * marked when superseded (by index [workAreaId+date]: a day of the area, not the area's whole history).
 */
export async function openDayVisits(workAreaId: string, date: string): Promise<VisitRow[]> {
  const rows = await getDb()
    .visits.where('[workAreaId+date]')
    .between([workAreaId, openDayFrom(date)], [workAreaId, date], true, true)
    .toArray()
  const visits = validRows(visit, 'visits', rows)
  const supersededBy = new Map(visits.flatMap((v) => (v.supersedes ? [[v.supersedes, v.id] as const] : [])))
  return visits.map((v) => {
    const by = supersededBy.get(v.id)
    return by ? { ...v, supersededBy: by } : v
  })
}

/** Langkah 1: the member came. `saveId` makes a repeated tap store one check-in. */
export function checkIn(
  memberId: string,
  date: string,
  opts: { now: Date; today: string; saveId?: string },
): Promise<WriteResult<Visit>> {
  return saveVisit({ memberId, date, place: 'posyandu', parts: {}, checkedIn: true }, opts)
}

export interface WalkIn {
  /** An existing household, or the new one's input (head's name and RT; the rest from the work area). */
  household: { id: string } | { input: unknown }
  /** The member's input without householdId. */
  member: Record<string, unknown>
  date: string
}

/** Ids made when the walk-in form opened: a repeated save stores each record once. */
export interface WalkInIds {
  household: string
  member: string
  visit: string
}

export type WalkInResult =
  | { ok: true; memberId: string; householdId: string }
  | { ok: false; errors: FieldErrors }

/**
 * Registers a walk-in and checks them in — one user action, one transaction over every table it touches: a
 * refused part (an invalid member, a full phone) stores nothing, and the form keeps what was typed.
 */
export async function saveWalkIn(
  walkIn: WalkIn,
  opts: { now: Date; today: string; ids: WalkInIds; draftId?: string },
): Promise<WalkInResult> {
  const db = getDb()
  const tables = [db.households, db.members, db.visits, db.outbox, db.meta, db.clocks, db.drafts]
  let refused: FieldErrors | undefined
  try {
    return await guardQuota(() =>
      db.transaction('rw', tables, async (): Promise<WalkInResult> => {
        let householdId: string
        if ('id' in walkIn.household) householdId = walkIn.household.id
        else {
          const home = await saveHousehold(walkIn.household.input, {
            saveId: opts.ids.household,
            now: opts.now,
          })
          if (!home.ok) throw new Refused(prefixed('household', home.errors))
          householdId = home.record.id
        }
        const person = await saveMember(
          { ...walkIn.member, householdId },
          { saveId: opts.ids.member, now: opts.now, today: opts.today },
        )
        if (!person.ok) throw new Refused(person.errors)
        const came = await checkIn(person.record.id, walkIn.date, { ...opts, saveId: opts.ids.visit })
        if (!came.ok) throw new Refused(came.errors)
        if (opts.draftId !== undefined) await db.drafts.delete(opts.draftId)
        return { ok: true, memberId: person.record.id, householdId }
      }),
    )
  } catch (error) {
    if (!(error instanceof Refused)) throw error
    refused = error.errors
  }
  return { ok: false, errors: refused }
}

/** Thrown inside the transaction to roll it back with the field errors. */
class Refused extends Error {
  constructor(readonly errors: FieldErrors) {
    super('refused')
  }
}

const prefixed = (prefix: string, errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([path, e]) => [`${prefix}.${path}`, e]))
