// What the server knows of each synced entity, as data: adding an entity type is one entry here (its schemas live
// in src/protocol). Households and members are merged field by field; visits and follow-ups are inserted once and
// never change (a correction is a new visit that `supersedes` the old one).
import * as z from 'zod/mini'
import { household, householdFields, member, memberFields, syncMeta } from '../../src/protocol/records'
import { followUp, visit } from '../../src/protocol/visits'
import type { SyncedEntity, SyncedRecord } from '../../src/protocol/wire'
import type { RecordRow } from './rows'

/** The record another one hangs off, named by one of its fields; a household has none (its address scopes it). */
export interface Parent {
  entity: SyncedEntity
  /** The field naming the parent's id. */
  field: string
  /** The issue when the parent is not on the server (push it first, in the same or an earlier batch). */
  missing: string
  /** Fields that must equal the parent's, read from the parent's row. */
  sameAs?: Record<string, (parent: RecordRow) => unknown>
}

export interface EntityRules {
  /** The fields a change may set; ids and meta are the server's. */
  fields: Record<string, z.ZodMiniType>
  /** The whole record, as every replica stores it. */
  record: z.ZodMiniType<SyncedRecord>
  parent?: Parent
}

/** A record schema's own fields: everything but the sync meta, which the server derives from the stamps. */
const ownFields = (shape: Record<string, z.ZodMiniType>): Record<string, z.ZodMiniType> =>
  Object.fromEntries(Object.entries(shape).filter(([name]) => !Object.hasOwn(syncMeta, name)))

export const ENTITY_RULES: Record<SyncedEntity, EntityRules> = {
  households: { fields: { ...householdFields, deleted: z.boolean() }, record: household },
  members: {
    fields: { ...memberFields, deleted: z.boolean() },
    record: member,
    parent: { entity: 'households', field: 'householdId', missing: 'err.household.missing' },
  },
  visits: {
    fields: ownFields(visit.shape),
    record: visit,
    parent: {
      entity: 'members',
      field: 'memberId',
      missing: 'err.member.missing',
      sameAs: { householdId: (m) => m.household_id },
    },
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
  },
}
