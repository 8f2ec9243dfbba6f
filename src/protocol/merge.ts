// Field-by-field merge of a pushed change into the stored record, last writer wins per field by HLC
// (hlc.ts). Pure: the same changes give the same fields and stamps whatever order they arrive in, and a change
// applied twice changes nothing the second time.
import { compareHlc } from './hlc'
import type { FieldChange } from './wire'

/** A record as merged so far: every field ever set (null = cleared) with its stamp. */
export interface MergeState {
  data: Record<string, unknown>
  hlcs: Record<string, string>
  /** The smallest stamp of the change that created the record; its time is the record's createdAt. */
  createdHlc: string
  /** How many changes set at least one field. */
  version: number
}

export interface MergeOutcome {
  state: MergeState
  /** The fields whose value or stamp this change replaced. */
  applied: string[]
}

/**
 * Applies each field whose stamp is newer than the stored one; equal stamps keep the greater value (JSON order).
 * A stored record's createdHlc never moves: only stamps that win change a record, and an old stamp that wins a
 * field never set (a stale change) must not make the record older than its creation.
 */
export function mergeChange(
  stored: MergeState | undefined,
  fields: Record<string, FieldChange>,
): MergeOutcome {
  const data = { ...stored?.data }
  const hlcs = { ...stored?.hlcs }
  let createdHlc = stored?.createdHlc
  const applied: string[] = []
  for (const [name, { value, hlc }] of Object.entries(fields)) {
    if (!stored && (createdHlc === undefined || compareHlc(hlc, createdHlc) < 0)) createdHlc = hlc
    const current = hlcs[name]
    const order = current === undefined ? 1 : compareHlc(hlc, current)
    // Two edits with the same stamp can only come from one device reusing a stamp; ordering by value keeps even
    // that deterministic, so every replica still ends up with the same record.
    if (order > 0 || (order === 0 && canonical(value) > canonical(data[name]))) {
      data[name] = value ?? null
      hlcs[name] = hlc
      applied.push(name)
    }
  }
  if (createdHlc === undefined) throw new Error('mergeChange: a change needs at least one field')
  const version = (stored?.version ?? 0) + (applied.length > 0 ? 1 : 0)
  return { state: { data, hlcs, createdHlc, version }, applied }
}

/** JSON with sorted keys, so that equal values compare equal whatever order their keys were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/** The greatest stamp of the record: its updatedAt and the device that made the last change. */
export function latestHlc(hlcs: Record<string, string>): string | undefined {
  let latest: string | undefined
  for (const h of Object.values(hlcs)) if (latest === undefined || compareHlc(h, latest) > 0) latest = h
  return latest
}
