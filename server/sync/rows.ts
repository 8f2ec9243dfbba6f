// How the server stores a synced record (table `records`, server/migrations) and how it goes back on the wire: the
// record as the shared schema describes it, its meta derived from the field stamps.
import type * as z from 'zod/mini'
import { isErrorKey } from '../../src/protocol/error-messages'
import { latestHlc, type MergeState } from '../../src/protocol/merge'
import type { Issue, RecordState, SyncedEntity, SyncedRecord } from '../../src/protocol/wire'

export interface RecordRow {
  /** The desa the record lies in (a household's address, any other record's household): its sequence's key. */
  desa_key: string
  entity: SyncedEntity
  id: string
  seq: number | string
  /** Scopes the record: a household's own id, every other record's household. */
  household_id: string
  /** A household's address, normalised (scope.ts): what a pull compares with the work area. Null for others. */
  kabupaten: string | null
  kecamatan: string | null
  desa: string | null
  dusun: string | null
  rw: string | null
  rt: string | null
  data: Record<string, unknown>
  hlcs: Record<string, string>
  created_hlc: string
  version: number
  /** The token whose push inserted a visit or follow-up: that device's pulls leave it out. */
  origin_token?: string | null
  /** When a deleted record's data was forgotten (retention.ts): only its tombstone is left. */
  purged_at?: Date | string | null
}

export function stateOf(row: RecordRow): MergeState {
  return { data: row.data, hlcs: row.hlcs, createdHlc: row.created_hlc, version: row.version }
}

export function toState(row: RecordRow): RecordState {
  const state = {
    entity: row.entity,
    record: buildRecord(row.id, stateOf(row)) as SyncedRecord,
    hlcs: row.hlcs,
  }
  return row.purged_at ? { ...state, purged: true } : state
}

/**
 * A stamp's parts by position: the format has a fixed-width time and counter (src/protocol/hlc.ts). Only for stamps
 * already checked (parseHlc, in prepare.ts) — a pull builds two per record, and parsing them again cost more than
 * the rest of building it.
 */
const stampIso = (hlc: string) => hlc.slice(0, 24)
export const stampNode = (hlc: string) => hlc.slice(30)

/**
 * The record as the shared schema describes it. Its meta comes from the stamps, so every replica derives the
 * same: createdAt from the creating change, updatedAt and deviceId from the latest stamp, version from the merge.
 */
export function buildRecord(id: string, state: MergeState): Record<string, unknown> {
  const latest = latestHlc(state.hlcs) ?? state.createdHlc
  const record: Record<string, unknown> = {
    id,
    createdAt: stampIso(state.createdHlc),
    updatedAt: stampIso(latest),
    deviceId: stampNode(latest),
    version: Math.max(state.version, 1),
    deleted: false,
  }
  for (const [k, v] of Object.entries(state.data)) if (v !== null) record[k] = v
  return record
}

/** A stored record as a pull reads it: data and stamps as the database's JSON text, unparsed. */
export interface WireRow {
  entity: SyncedEntity
  id: string
  data: string
  hlcs: string
  created_hlc: string
  version: number
  purged: boolean
  origin_token: string | null
}

/** Data that may go out as it is: no null to leave out, no field named like the meta (at any depth, to be simple). */
const NEEDS_BUILD = /null|"(?:id|createdAt|updatedAt|deviceId|version|deleted)"\s*:/

/**
 * toState's JSON for a row read as text: the meta written in front of the data's own text, so most records are
 * never parsed and stringified again (a pull page's largest cost). Data that holds a null or a meta name takes the
 * parse and buildRecord; either way the record parses to the same value.
 */
export function wireOf(row: WireRow): string {
  if (NEEDS_BUILD.test(row.data)) {
    const hlcs = JSON.parse(row.hlcs) as Record<string, string>
    const state = { data: JSON.parse(row.data), hlcs, createdHlc: row.created_hlc, version: row.version }
    return JSON.stringify({
      entity: row.entity,
      record: buildRecord(row.id, state),
      hlcs,
      ...(row.purged ? { purged: true } : {}),
    })
  }
  const latest = latestStampIn(row.hlcs) ?? row.created_hlc
  const meta = `{"id":${JSON.stringify(row.id)},"createdAt":"${stampIso(row.created_hlc)}","updatedAt":"${stampIso(latest)}","deviceId":${JSON.stringify(stampNode(latest))},"version":${Math.max(row.version, 1)},"deleted":false`
  const data = row.data === '{}' ? '}' : `,${row.data.slice(1)}`
  return `{"entity":"${row.entity}","record":${meta}${data},"hlcs":${row.hlcs}${row.purged ? ',"purged":true' : ''}}`
}

/**
 * The greatest stamp of a record's stamps as the database writes them (`{"name": "stamp", …}`), read without
 * parsing: with no backslash in the text every quote delimits a string, and every `": "` starts a value — a stamp.
 * Text with a backslash is parsed.
 */
export function latestStampIn(hlcs: string): string | undefined {
  if (hlcs.includes('\\')) return latestHlc(JSON.parse(hlcs) as Record<string, string>)
  let latest: string | undefined
  for (let at = hlcs.indexOf('": "'); at >= 0; ) {
    const end = hlcs.indexOf('"', at + 4)
    const stamp = hlcs.slice(at + 4, end)
    if (latest === undefined || stamp > latest) latest = stamp
    at = hlcs.indexOf('": "', end + 1)
  }
  return latest
}

/** zod issues as the wire's: a dotted path under `prefix` and the message (a UI dictionary key). */
export function issuesOf(error: z.core.$ZodError, prefix?: string): Issue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((s) => s !== undefined).join('.'),
    message: isErrorKey(i.message) ? i.message : 'err.invalid',
  }))
}
