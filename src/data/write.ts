// The one way records are written. A save validates and normalises the input, then in ONE rw transaction stores
// the record in households/members, stamps every changed field with the device's hybrid logical clock (clocks
// table, src/sync/clock.ts) and appends its change to the outbox (db.ts), stamped with the device id from meta;
// if any step fails, nothing is stored. Nothing is ever removed: a deletion is a soft delete. A change the server
// rejected is superseded by the record's next edit: the new outbox entry takes over its fields.
import type { Table } from 'dexie'
import { checkMember } from '../domain/member-checks'
import { checkKk } from '../domain/nik'
import { type AreaBounds, outsideWorkArea } from '../domain/work-area'
import {
  type CaseClosure,
  type Entity,
  type Household,
  type HouseholdInput,
  householdFields,
  householdInput,
  type Member,
  type MemberInput,
  memberFields,
  memberInput,
  padRtRw,
  type syncMeta,
} from '../protocol/records'
import { visit } from '../protocol/visits'
import { stampFields } from '../sync/clock'
import { getDb, guardQuota } from './db'
import { uuidv7 } from './ids'
import { getDeviceId, getWorkArea } from './meta'
import { entriesOfRecords } from './outbox'
import { findHousehold, findMember, membersOf, validRows } from './read'
import {
  add,
  type FieldError,
  type FieldErrors,
  field,
  isPlainObject,
  parse,
  settle,
  type Validation,
} from './validation'

export type { FieldError, FieldErrors, Validation } from './validation'
export type WriteResult<T> =
  | { ok: true; record: T; warnings: FieldErrors }
  | { ok: false; errors: FieldErrors; warnings: FieldErrors }
type IsKnownKecamatan = (code: string) => boolean
type SyncedRecord = Household | Member
type SyncMetaKey = keyof typeof syncMeta

/** The checks that need no database; the form runs them as the kader types. */
export function validateHousehold(
  input: unknown,
  isKnownKecamatan?: IsKnownKecamatan,
  area?: AreaBounds,
): Validation<HouseholdInput> {
  const result = parse(householdInput, input)
  const address = result.data?.address
  const outside = address && area ? outsideWorkArea(address, area) : undefined
  // Households outside the kader's work area are not offered: the server would refuse them anyway.
  if (outside)
    add(result.errors, `address.${outside}`, 'err.address.outsideArea', { value: area?.[outside] ?? '' })
  const noKk = field(result.input, 'noKk')
  if (noKk) {
    for (const issue of checkKk(noKk, isKnownKecamatan)) {
      add(
        issue.severity === 'warning' ? result.warnings : result.errors,
        'noKk',
        `err.kk.${issue.code}`,
        issue.params,
      )
    }
  }
  return settle(result, (h) => ({
    ...h,
    address: { ...h.address, rt: padRtRw(h.address.rt), rw: padRtRw(h.address.rw) },
  }))
}

/** The checks that need no database, including the NIK, date and pregnancy rules of src/domain. */
export function validateMember(
  input: unknown,
  today: string,
  isKnownKecamatan?: IsKnownKecamatan,
): Validation<MemberInput> {
  const result = parse(memberInput, input)
  const sex = field(result.input, 'sex')
  const problems = checkMember(
    {
      birthDate: field(result.input, 'birthDate'),
      sex: sex === 'L' || sex === 'P' ? sex : undefined,
      nik: field(result.input, 'nik'),
      nikMismatchConfirmed: result.input.nikMismatchConfirmed === true,
      hpht: field(result.input, 'hpht'),
      deliveryDate: field(result.input, 'deliveryDate'),
    },
    today,
    isKnownKecamatan,
  )
  for (const p of problems)
    add(p.severity === 'warning' ? result.warnings : result.errors, p.field, `err.${p.code}`, p.params)
  // Unconfirmed is the same as never asked: storing `false` would only make edits look like changes.
  return settle(result, ({ nikMismatchConfirmed, ...m }) =>
    nikMismatchConfirmed ? { ...m, nikMismatchConfirmed } : m,
  )
}

/**
 * How a form saves. `id`: the record edited. `saveId`: the id a new record gets, made when the form opened — a
 * save repeated with it (a double tap, a retry after a reload) finds the record there and applies as an edit of
 * it, which changes nothing when the input is the same: one record whatever the number of taps. `draftId`: the
 * form's draft (drafts.ts), deleted in the same transaction as the save.
 */
export interface SaveOptions {
  id?: string
  saveId?: string
  draftId?: string
  now: Date
}

export async function saveHousehold(
  input: unknown,
  opts: SaveOptions & { isKnownKecamatan?: IsKnownKecamatan },
): Promise<WriteResult<Household>> {
  const { value, errors, warnings } = validateHousehold(input, opts.isKnownKecamatan, await getWorkArea())
  if (!value) return { ok: false, errors, warnings }
  const db = getDb()
  return guardQuota(() =>
    db.transaction('rw', [db.households, db.outbox, db.meta, db.clocks, db.drafts], async () => {
      const { stored, refused } = await target(opts, findHousehold)
      if (refused) return { ok: false as const, errors: { id: refused }, warnings }
      const record = await store(db.households, 'households', householdFields, value, stored, opts)
      if (opts.draftId !== undefined) await db.drafts.delete(opts.draftId)
      return { ok: true as const, record, warnings }
    }),
  )
}

export async function saveMember(
  input: unknown,
  opts: SaveOptions & { today: string; isKnownKecamatan?: IsKnownKecamatan },
): Promise<WriteResult<Member>> {
  const { value, errors, warnings } = validateMember(input, opts.today, opts.isKnownKecamatan)
  if (!value) return { ok: false, errors, warnings }
  const db = getDb()
  const tables = [db.members, db.households, db.visits, db.outbox, db.meta, db.clocks, db.drafts]
  return guardQuota(() =>
    db.transaction('rw', tables, async () => {
      const { stored, refused: recordError } = await target(opts, findMember)
      const refused: FieldErrors = {}
      if (recordError) refused.id = recordError
      const home = await findHousehold(value.householdId)
      if (!home || home.deleted) refused.householdId = { key: 'err.household.missing' }
      if (value.nik && (await nikTaken(value.nik, stored?.id))) refused.nik = { key: 'err.nik.duplicate' }
      // A birth date after a recorded visit would leave that visit with no age to read it by.
      if (stored && (await visitedBefore(stored.id, value.birthDate)))
        refused.birthDate = { key: 'err.member.birthAfterVisit' }
      if (Object.keys(refused).length > 0) return { ok: false as const, errors: refused, warnings }
      // Closing a case and recording a delivery are their own actions (setMemberClosure, recordDelivery): the
      // member form neither sets nor clears them.
      const { closure: _closure, delivery: _delivery, ...fields } = value
      const data = {
        ...fields,
        ...(stored?.closure ? { closure: stored.closure } : {}),
        ...(stored?.delivery ? { delivery: stored.delivery } : {}),
      }
      const record = await store(db.members, 'members', memberFields, data, stored, opts)
      if (opts.draftId !== undefined) await db.drafts.delete(opts.draftId)
      return { ok: true as const, record, warnings }
    }),
  )
}

/** Soft-deletes the household and its members; already deleted or missing records are left as they are. */
export async function deleteHousehold(id: string, opts: { now: Date }): Promise<void> {
  const db = getDb()
  await guardQuota(() =>
    db.transaction('rw', [db.households, db.members, db.outbox, db.meta, db.clocks], async () => {
      const stored = await findHousehold(id)
      if (!stored || stored.deleted) return
      await softDelete(db.households, 'households', stored, opts.now)
      for (const m of await membersOf(id)) await softDelete(db.members, 'members', m, opts.now)
    }),
  )
}

export async function deleteMember(id: string, opts: { now: Date }): Promise<void> {
  const db = getDb()
  await guardQuota(() =>
    db.transaction('rw', [db.members, db.outbox, db.meta, db.clocks], async () => {
      const stored = await findMember(id)
      if (stored && !stored.deleted) await softDelete(db.members, 'members', stored, opts.now)
    }),
  )
}

/**
 * Closes a member's case (pindah, meninggal, tidak ditemukan) or, with `closure` undefined, reopens it: one change
 * of the member's `closure` field, never a delete — the history stays and syncs. A closure dated in the future or
 * before the birth is refused.
 */
export async function setMemberClosure(
  id: string,
  closure: CaseClosure | undefined,
  opts: { now: Date; today: string },
): Promise<WriteResult<Member>> {
  if (closure && closure.date > opts.today) return refuse({ date: { key: 'err.closure.future' } })
  return patchMember(
    id,
    { closure },
    opts,
    (stored): FieldErrors =>
      closure && closure.date < stored.birthDate ? { date: { key: 'err.closure.beforeBirth' } } : {},
  )
}

const refuse = (errors: FieldErrors) => ({ ok: false as const, errors, warnings: {} })

/**
 * Changes some fields of a stored member (undefined clears one) in one rw transaction, checked as a member-form
 * save is, plus `check`. For the actions that are not the member form: closing a case, recording a delivery.
 */
export async function patchMember(
  id: string,
  patch: Partial<MemberInput>,
  opts: { now: Date; today: string },
  check: (stored: Member) => FieldErrors = () => ({}),
): Promise<WriteResult<Member>> {
  const db = getDb()
  return guardQuota(() =>
    db.transaction(
      'rw',
      [db.members, db.outbox, db.meta, db.clocks],
      async (): Promise<WriteResult<Member>> => {
        const stored = await findMember(id)
        if (!stored || stored.deleted) return refuse({ id: { key: 'err.record.missing' } })
        const refused = check(stored)
        if (Object.keys(refused).length > 0) return refuse(refused)
        const { id: _id, createdAt, updatedAt, deviceId, version, deleted, ...fields } = stored
        const merged: Record<string, unknown> = { ...fields, ...patch }
        for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k]
        const { value, errors, warnings } = validateMember(merged, opts.today)
        if (!value) return { ok: false, errors, warnings }
        const record = await store(db.members, 'members', memberFields, value, stored, opts)
        return { ok: true, record, warnings }
      },
    ),
  )
}

/** Edits are refused for a record that is not there (or unreadable) and for a soft-deleted one alike. */
function recordProblem(stored: SyncedRecord | undefined): FieldError | undefined {
  return !stored || stored.deleted ? { key: 'err.record.missing' } : undefined
}

/**
 * The stored record a save applies to: the edited one (`id`), or the one an earlier run of the same new-record
 * save made (`saveId`); a repeat of a save whose record was deleted since is refused like an edit of it.
 */
async function target<T extends SyncedRecord>(
  opts: SaveOptions,
  find: (id: string) => Promise<T | undefined>,
): Promise<{ stored?: T; refused?: FieldError }> {
  if (opts.id !== undefined) {
    const stored = await find(opts.id)
    return { stored, refused: recordProblem(stored) }
  }
  const again = opts.saveId === undefined ? undefined : await find(opts.saveId)
  return again ? { stored: again, refused: recordProblem(again) } : {}
}

async function nikTaken(nik: string, ownId: string | undefined): Promise<boolean> {
  const count = await getDb()
    .members.where('nik')
    .equals(nik)
    .filter((m) => !m.deleted && m.id !== ownId)
    .count()
  return count > 0
}

/** Whether the member has a visit that counts (not corrected by another) dated before `birthDate`. */
async function visitedBefore(memberId: string, birthDate: string): Promise<boolean> {
  const rows = await getDb().visits.where('memberId').equals(memberId).toArray()
  const visits = validRows(visit, 'visits', rows)
  const superseded = new Set(visits.flatMap((v) => v.supersedes ?? []))
  return visits.some((v) => !superseded.has(v.id) && v.date < birthDate)
}

/** Stores a created or edited record with its outbox entry; an edit that changes nothing writes nothing. */
async function store<T extends SyncedRecord>(
  table: Table<T, string>,
  entity: Entity,
  fields: Record<string, unknown>,
  data: Omit<T, SyncMetaKey>,
  stored: T | undefined,
  opts: { now: Date; saveId?: string },
): Promise<T> {
  const { now } = opts
  const next = data as Record<string, unknown>
  const previous = stored as Record<string, unknown> | undefined
  const changed = Object.keys(fields).filter((k) =>
    previous ? !same(previous[k], next[k]) : next[k] !== undefined,
  )
  if (stored && changed.length === 0) return stored
  const at = now.toISOString()
  const record = {
    id: stored?.id ?? opts.saveId ?? uuidv7(now.getTime()),
    ...data,
    createdAt: stored?.createdAt ?? at,
    updatedAt: at,
    deviceId: await getDeviceId(),
    version: (stored?.version ?? 0) + 1,
    deleted: false,
  } as T
  await append(table, entity, record, changed)
  return record
}

async function softDelete<T extends SyncedRecord>(
  table: Table<T, string>,
  entity: Entity,
  stored: T,
  now: Date,
) {
  const record = {
    ...stored,
    updatedAt: now.toISOString(),
    deviceId: await getDeviceId(),
    version: stored.version + 1,
    deleted: true,
  }
  await append(table, entity, record, ['deleted'])
}

async function append<T extends SyncedRecord>(
  table: Table<T, string>,
  entity: Entity,
  record: T,
  changed: string[],
) {
  const db = getDb()
  await table.put(record)
  const at = Date.parse(record.updatedAt)
  await stampFields(db, entity, record.id, changed, record.deviceId, at)
  // Changes the server refused stay until this edit supersedes them: it carries their fields too, so that a
  // rejected new record is sent whole again (the server needs every required field of a record it does not have).
  const rejected = (await entriesOfRecords(db, [record.id])).filter((e) => e.rejected !== undefined)
  const fields = new Set([...rejected.flatMap((e) => e.changedFields), ...changed])
  await db.outbox.bulkDelete(rejected.flatMap((e) => (e.seq === undefined ? [] : [e.seq])))
  await db.outbox.add({
    changeId: uuidv7(at),
    entity,
    recordId: record.id,
    version: record.version,
    changedFields: [...fields],
    at: record.updatedAt,
    deviceId: record.deviceId,
  })
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (!isPlainObject(a) || !isPlainObject(b)) return false
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((k) => same(a[k], b[k]))
}
