// The device's half of the field-level merge (the server applies src/protocol/merge.ts): a record from the server — pulled,
// or returned for a pushed change — is merged into the local one field by field, each field keeping the value
// with the greater HLC, equal stamps keeping the greater value by canonical JSON, exactly as the server does. So
// a device never loses an unsent local edit to an older server state, and every replica ends with the same record.
// Pure: no Dexie, no clock.

import type { FieldClocks } from '../data/schemas'
import { compareHlc } from '../protocol/hlc'
import { canonical } from '../protocol/merge'
import { householdFields, type MergedEntity, memberFields } from '../protocol/records'

/** The fields merged and stamped per entity: the record's own fields and the tombstone. */
export const MERGED_FIELDS: Record<MergedEntity, readonly string[]> = {
  households: [...Object.keys(householdFields), 'deleted'],
  members: [...Object.keys(memberFields), 'deleted'],
}

export interface FieldConflict {
  field: string
  localHlc: string
  remoteHlc: string
  winner: 'local' | 'remote'
}

export interface MergeResult {
  record: Record<string, unknown>
  clocks: FieldClocks
  /** Fields that had an unacknowledged local edit and a stamp from elsewhere that this device had not seen. */
  conflicts: FieldConflict[]
}

type Row = Record<string, unknown>

export function mergeRecord(
  key: string,
  local: Row | undefined,
  localClocks: FieldClocks | undefined,
  remote: Row,
  remoteHlcs: Record<string, string>,
): MergeResult {
  const data: Row = { ...(local ?? {}) }
  const hlcs = { ...localClocks?.hlcs }
  const base = { ...localClocks?.base }
  const conflicts: FieldConflict[] = []
  for (const [field, r] of Object.entries(remoteHlcs)) {
    const l = hlcs[field]
    const order = l === undefined ? 1 : compareHlc(r, l)
    const remoteWins =
      order > 0 || (order === 0 && canonical(remote[field]) > canonical(local?.[field] ?? null))
    if (Object.hasOwn(base, field)) {
      const seen = base[field] ?? null
      // A stamp neither ours nor the one our edit replaced, and newer than that: an edit made without seeing ours.
      if (l !== undefined && r !== l && (seen === null || compareHlc(r, seen) > 0)) {
        conflicts.push({ field, localHlc: l, remoteHlc: r, winner: remoteWins ? 'remote' : 'local' })
        base[field] = r
      }
    }
    if (!remoteWins) continue
    hlcs[field] = r
    if (remote[field] === undefined) delete data[field]
    else data[field] = remote[field]
  }
  const clocks: FieldClocks = { key, hlcs }
  if (Object.keys(base).length > 0) clocks.base = base
  // Nothing of ours is newer than the server's: take its record whole, meta included, so that every device ends
  // with the very same record (createdAt, updatedAt, deviceId and version are the server's derivation).
  if (sameStamps(hlcs, remoteHlcs) || !local) return { record: { ...remote }, clocks, conflicts }
  const newer = String(remote.updatedAt) > String(local.updatedAt) ? remote : local
  const record: Row = {
    ...data,
    createdAt: String(remote.createdAt) < String(local.createdAt) ? remote.createdAt : local.createdAt,
    updatedAt: newer.updatedAt,
    deviceId: newer.deviceId,
    version: Math.max(Number(local.version) || 1, Number(remote.version) || 1),
    deleted: data.deleted === true,
  }
  return { record, clocks, conflicts }
}

function sameStamps(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}
