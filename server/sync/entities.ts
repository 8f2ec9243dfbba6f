// What the server knows of each synced entity, as data: adding an entity type is one entry here (its schemas live
// in src/protocol). Households and members are merged field by field; visits and follow-ups are inserted once and
// never change (a correction is a new visit that `supersedes` the old one).
import * as z from 'zod/mini'
import { checkMember } from '../../src/domain/member-checks'
import { checkFollowUp, checkVisit, type RecordProblem } from '../../src/domain/visit-checks'
import type { ErrorKey } from '../../src/protocol/error-messages'
import {
  household,
  householdFields,
  type Member,
  member,
  memberFields,
  syncMeta,
} from '../../src/protocol/records'
import { followUp, visit } from '../../src/protocol/visits'
import type { SyncedEntity, SyncedRecord } from '../../src/protocol/wire'
import type { RecordRow } from './rows'

/** The record another one hangs off, named by one of its fields; a household has none (its address scopes it). */
export interface Parent {
  entity: SyncedEntity
  /** The field naming the parent's id. */
  field: string
  /** The issue when the parent is not on the server (push it first, in the same or an earlier batch). */
  missing: ErrorKey
  /** The issue when a live record names a deleted parent (for parents that can be deleted). */
  deleted?: ErrorKey
  /** Fields that must equal the parent's, read from the parent's row. */
  sameAs?: Record<string, (parent: RecordRow) => unknown>
}

export interface EntityRules {
  /** The fields a change may set; ids and meta are the server's. */
  fields: Record<string, z.ZodMiniType>
  /** The whole record, as every replica stores it. */
  record: z.ZodMiniType<SyncedRecord>
  parent?: Parent
  /**
   * The shared domain rules of a live record (src/domain: the phone runs the same), on the day `today`; the
   * parent's row when the entity has one. Problems the phone shows as warnings are not refused.
   */
  check?: (record: Record<string, unknown>, today: string, parent: RecordRow | undefined) => DomainProblem[]
}

/** A problem a domain rule found, as the wire says it: the field and the error key. */
export interface DomainProblem {
  field: string
  key: ErrorKey
}

const worded = (problems: RecordProblem[]): DomainProblem[] =>
  problems.map((p) => ({ field: p.field, key: `err.${p.code}` as const }))

/** A record schema's own fields: everything but the sync meta, which the server derives from the stamps. */
const ownFields = (shape: Record<string, z.ZodMiniType>): Record<string, z.ZodMiniType> =>
  Object.fromEntries(Object.entries(shape).filter(([name]) => !Object.hasOwn(syncMeta, name)))

export const ENTITY_RULES: Record<SyncedEntity, EntityRules> = {
  households: { fields: { ...householdFields, deleted: z.boolean() }, record: household },
  members: {
    fields: { ...memberFields, deleted: z.boolean() },
    record: member,
    parent: {
      entity: 'households',
      field: 'householdId',
      missing: 'err.household.missing',
      deleted: 'err.household.deleted',
    },
    check: (record, today) => {
      const m = record as Member
      return checkMember({ ...m, nikMismatchConfirmed: m.nikMismatchConfirmed === true }, today).flatMap(
        (p) => (p.severity === 'warning' ? [] : [{ field: p.field, key: `err.${p.code}` as const }]),
      )
    },
  },
  visits: {
    fields: ownFields(visit.shape),
    record: visit,
    parent: {
      entity: 'members',
      field: 'memberId',
      missing: 'err.member.missing',
      deleted: 'err.member.deleted',
      sameAs: { householdId: (m) => m.household_id },
    },
    check: (record, today, m) => worded(checkVisit(record, today, m?.data.birthDate as string | undefined)),
  },
  followUps: {
    fields: ownFields(followUp.shape),
    record: followUp,
    parent: {
      entity: 'visits',
      field: 'visitId',
      missing: 'err.visit.missing',
      sameAs: { householdId: (v) => v.household_id, memberId: (v) => v.data.memberId },
    },
    check: (record, today) => worded(checkFollowUp(record, today)),
  },
}
