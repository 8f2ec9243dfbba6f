// What a committed write changed, from Dexie's storagemutated parts: the primary keys of a table. Kept views of the
// area (area/store.ts, work-area-rows.ts) read those rows again instead of the whole area.
import type { KaderDb } from './db'

/**
 * Adds the primary keys of `table` that `parts` (a Dexie ObservabilitySet, also as a structured clone) names to
 * `into`; 'all' when it names a range (a clear, a delete by range, a new database); `into` unchanged when the
 * table is not named.
 */
export function changedKeys(
  parts: Readonly<Record<string, unknown>>,
  db: KaderDb,
  table: string,
  into: Set<string> | 'all',
): Set<string> | 'all' {
  const part = parts.all ?? parts[`idb://${db.name}/${table}/`]
  if (part === undefined || into === 'all') return into
  return pointKeys(part, into) ? into : 'all'
}

/** Adds the keys of a RangeSet tree ({ from, to, l, r } nodes) to `into`; false when it holds a range. */
function pointKeys(node: unknown, into: Set<string>): boolean {
  if (typeof node !== 'object' || node === null) return false
  const { from, to, l, r } = node as { from?: unknown; to?: unknown; l?: unknown; r?: unknown }
  if (from === undefined) return true // the empty set
  if (typeof from !== 'string' || from !== to) return false
  into.add(from)
  return (l == null || pointKeys(l, into)) && (r == null || pointKeys(r, into))
}
