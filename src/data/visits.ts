// Visits and referral follow-ups (db.ts tables visits, followUps). Both are immutable: a save inserts the new records
// and one outbox row for them (outbox.ts) in one transaction; a correction is a new visit that `supersedes` the old one, which
// stays stored and is marked superseded on read. So two devices can never edit the same visit.

import { checkFollowUp, checkVisit } from '../domain/visit-checks'
import {
  type FollowUp,
  type FollowUpInput,
  followUp,
  followUpInput,
  type Visit,
  type VisitInput,
  visit,
  visitInput,
} from '../protocol/visits'
import { getDb, guardQuota } from './db'
import { uuidv7, uuidv7s } from './ids'
import { getDeviceId, getKaderName } from './meta'
import { insertsRow } from './outbox'
import { findHouseholds, findMembers, validRows } from './read'
import type { OutboxInserts } from './schemas'
import { add, type FieldErrors, isPlainObject, parse, settle, type Validation } from './validation'
import type { WriteResult } from './write'

/** A stored visit as screens read it: `supersededBy` is set when a later correction replaced it. */
export type VisitRow = Visit & { supersededBy?: string }

/** The checks that need no database: the form runs them as the kader types. */
export function validateVisit(input: unknown, today: string, birthDate?: string): Validation<VisitInput> {
  const result = parse(visitInput, input)
  for (const p of checkVisit(result.input, today, birthDate)) add(result.errors, p.field, `err.${p.code}`)
  return settle(result, (v) => v)
}

/**
 * `saveId`: the new visit's id, made when the form opened: the same save repeated (a double tap, a retry after a
 * reload) finds its visit stored and returns it, writing nothing — visits are immutable. `draftId`: the form's
 * draft (drafts.ts), deleted in the save's transaction when the visit is stored.
 */
export async function saveVisit(
  input: unknown,
  opts: { now: Date; today: string; saveId?: string; draftId?: string },
): Promise<WriteResult<Visit>> {
  const [result] = await saveVisits([input], {
    ...opts,
    saveIds: [opts.saveId],
    draftIds: [opts.draftId],
  })
  return result as WriteResult<Visit> // one input, one result
}

/**
 * Several visits in ONE transaction — a posyandu day's screenings, an import: members, households and corrected
 * visits are read once per table (read.ts findMembers), the visits and their outbox entries written with bulkAdd.
 * Each input is checked as a single save would be and gets its own result, in order; a refused input writes
 * nothing, the others are saved. `saveIds` and `draftIds`, by input, as in saveVisit.
 */
export async function saveVisits(
  inputs: readonly unknown[],
  opts: {
    now: Date
    today: string
    saveIds?: readonly (string | undefined)[]
    draftIds?: readonly (string | undefined)[]
  },
): Promise<WriteResult<Visit>[]> {
  const db = getDb()
  const tables = [db.visits, db.members, db.households, db.outbox, db.meta, db.drafts]
  return guardQuota(() =>
    db.transaction('rw', tables, async () => {
      const saveIds = opts.saveIds ?? []
      const savedBefore = await savedVisits(saveIds)
      const members = await findMembers(inputs.flatMap((i) => stringAt(i, 'memberId') ?? []))
      const checked = inputs.map((input) => {
        const memberId = stringAt(input, 'memberId')
        const member = memberId === undefined ? undefined : members.get(memberId)
        return { member, ...validateVisit(input, opts.today, member?.birthDate) }
      })
      const [households, corrected, deviceId, kader] = await Promise.all([
        findHouseholds(checked.flatMap((c) => c.member?.householdId ?? [])),
        db.visits.bulkGet(checked.flatMap((c) => c.value?.supersedes ?? [])),
        getDeviceId(),
        getKaderName(),
      ])
      const memberOf = new Map(corrected.flatMap((v) => (v ? [[v.id, v.memberId]] : [])))
      // One draw of random bits and one timestamp string for the whole batch; the ids ascend in input order.
      const ids = uuidv7s(checked.length, opts.now.getTime())
      const at = opts.now.toISOString()
      const results = checked.map(({ member, value, errors, warnings }, i): WriteResult<Visit> => {
        const before = savedBefore.get(saveIds[i] ?? '')
        if (before) return { ok: true, record: before, warnings: {} }
        if (!value) return { ok: false, errors, warnings }
        const refused: FieldErrors = {}
        const household = member ? households.get(member.householdId) : undefined
        if (!member || member.deleted || !household || household.deleted)
          add(refused, 'memberId', 'err.visit.memberMissing')
        if (value.supersedes && memberOf.get(value.supersedes) !== value.memberId)
          add(refused, 'supersedes', 'err.visit.supersedes')
        if (!household || Object.keys(refused).length > 0) return { ok: false, errors: refused, warnings }
        const record: Visit = {
          ...value,
          householdId: household.id,
          workAreaId: household.workAreaId,
          kader,
          ...stamp(saveIds[i] ?? (ids[i] as string), at, deviceId),
        }
        return { ok: true, record, warnings }
      })
      const records = results.flatMap((r, i) =>
        r.ok && !savedBefore.has(saveIds[i] ?? '') ? [r.record] : [],
      )
      const waiting = insertsRow('visits', records)
      const drafts = (opts.draftIds ?? []).flatMap((d, i) => (d !== undefined && results[i]?.ok ? [d] : []))
      await Promise.all([
        db.visits.bulkAdd(records),
        waiting && db.outbox.add(waiting),
        drafts.length > 0 && db.drafts.bulkDelete(drafts),
      ])
      return results
    }),
  )
}

/** The visits some saves stored already, by save id (valid rows only). */
async function savedVisits(saveIds: readonly (string | undefined)[]): Promise<Map<string, Visit>> {
  const wanted = saveIds.filter((id): id is string => id !== undefined)
  if (wanted.length === 0) return new Map()
  const rows = (await getDb().visits.bulkGet(wanted)).filter((r) => r !== undefined)
  return new Map(validRows(visit, 'visits', rows).map((v) => [v.id, v]))
}

/** A string field of a not yet validated input, for the reads that come before validation. */
function stringAt(input: unknown, name: string): string | undefined {
  const value = isPlainObject(input) ? input[name] : undefined
  return typeof value === 'string' ? value : undefined
}

/** `saveId`: the follow-up's id, made when its form opened: a repeated save returns the stored one, writing nothing. */
export async function saveFollowUp(
  input: unknown,
  opts: { now: Date; today: string; saveId?: string },
): Promise<WriteResult<FollowUp>> {
  const result = settle(parse(followUpInput, input), (f: FollowUpInput) => f)
  const { value, warnings } = result
  const errors = { ...result.errors }
  for (const p of value ? checkFollowUp(value, opts.today) : []) add(errors, p.field, `err.${p.code}`)
  if (!value || Object.keys(errors).length > 0) return { ok: false, errors, warnings }
  const db = getDb()
  return guardQuota(() =>
    db.transaction('rw', [db.followUps, db.visits, db.outbox, db.meta], async () => {
      const before = opts.saveId === undefined ? undefined : await db.followUps.get(opts.saveId)
      const stored = before && validRows(followUp, 'followUps', [before])[0]
      if (stored) return { ok: true as const, record: stored, warnings: {} }
      const referred = await db.visits.get(value.visitId)
      if (!referred)
        return { ok: false as const, errors: { visitId: { key: 'err.record.missing' } }, warnings }
      const record: FollowUp = {
        ...value,
        memberId: referred.memberId,
        householdId: referred.householdId,
        workAreaId: referred.workAreaId,
        ...stamp(opts.saveId ?? uuidv7(opts.now.getTime()), opts.now.toISOString(), await getDeviceId()),
      }
      await db.followUps.add(record)
      await db.outbox.add(insertsRow('followUps', [record]) as OutboxInserts)
      return { ok: true as const, record, warnings }
    }),
  )
}

/** One visit, superseded or not; undefined when missing or unreadable. */
export async function getVisit(id: string): Promise<Visit | undefined> {
  const row = await getDb().visits.get(id)
  return row === undefined ? undefined : validRows(visit, 'visits', [row])[0]
}

/** A member's visits, newest first, each marked when a later correction superseded it. */
export async function visitsOf(memberId: string): Promise<VisitRow[]> {
  const rows = await getDb().visits.where('memberId').equals(memberId).toArray()
  return markSuperseded(validRows(visit, 'visits', rows))
}

/** A member's follow-ups, oldest first. */
export async function followUpsOf(memberId: string): Promise<FollowUp[]> {
  const rows = await getDb().followUps.where('memberId').equals(memberId).toArray()
  return validRows(followUp, 'followUps', rows).sort((a, b) =>
    a.date === b.date ? a.id.localeCompare(b.id) : a.date.localeCompare(b.date),
  )
}

/** Every visit and follow-up of a work area (for the referral list). */
export async function workAreaVisits(
  workAreaId: string,
): Promise<{ visits: VisitRow[]; followUps: FollowUp[] }> {
  const db = getDb()
  return db.transaction('r', [db.visits, db.followUps], async () => {
    const visits = validRows(
      visit,
      'visits',
      await db.visits.where('workAreaId').equals(workAreaId).toArray(),
    )
    const followUps = validRows(
      followUp,
      'followUps',
      await db.followUps.where('workAreaId').equals(workAreaId).toArray(),
    )
    return { visits: markSuperseded(visits), followUps }
  })
}

function markSuperseded(visits: Visit[]): VisitRow[] {
  const supersededBy = new Map<string, string>()
  for (const v of visits) if (v.supersedes) supersededBy.set(v.supersedes, v.id)
  return visits
    .map((v) => {
      const by = supersededBy.get(v.id)
      return by ? { ...v, supersededBy: by } : v
    })
    .sort((a, b) =>
      a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date),
    )
}

function stamp(id: string, at: string, deviceId: string) {
  return { id, createdAt: at, updatedAt: at, deviceId, version: 1, deleted: false }
}
