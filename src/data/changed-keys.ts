// What a committed write changed, from Dexie's storagemutated parts (an ObservabilitySet of IntervalTrees, Dexie's
// own types): the primary keys of a table. Kept views of the area (area/store.ts, work-area-rows.ts) read those rows
// again instead of the whole area. Anything this module does not recognise — a range, a key that is not a string, a
// shape a future Dexie may send — answers 'all': read everything again, never miss a change.
import type { EmptyRange, IntervalTreeNode, ObservabilitySet } from 'dexie'
import type { KaderDb } from './db'

/** The changed primary keys, or 'all' when the change cannot be told key by key. */
export type ChangedKeys = Set<string> | 'all'

/**
 * Adds the primary keys of `table` that `parts` (as Dexie fires it, or as a structured clone posted to a worker)
 * names to `into`; 'all' when it names a range (a clear, a delete by range, a new database) or anything else this
 * code does not know; `into` unchanged when the table is not named.
 */
export function changedKeys(
  parts: Readonly<ObservabilitySet>,
  db: KaderDb,
  table: string,
  into: ChangedKeys,
): ChangedKeys {
  const part: unknown = parts.all ?? parts[`idb://${db.name}/${table}/`]
  if (part === undefined || into === 'all') return into
  return pointKeys(part, into) ? into : 'all'
}

/** Adds the keys of an IntervalTree made only of single string keys to `into`; false for anything else. */
function pointKeys(tree: unknown, into: Set<string>): boolean {
  if (isEmptyRange(tree)) return true
  if (!isNode(tree) || typeof tree.from !== 'string' || tree.from !== tree.to) return false
  into.add(tree.from)
  return (tree.l == null || pointKeys(tree.l, into)) && (tree.r == null || pointKeys(tree.r, into))
}

/** Dexie's empty set: `{ d: 0 }` and nothing else of a node. */
function isEmptyRange(tree: unknown): tree is EmptyRange {
  return isObject(tree) && tree.d === 0 && !('from' in tree) && !('to' in tree)
}

function isNode(tree: unknown): tree is IntervalTreeNode {
  return isObject(tree) && 'from' in tree && 'to' in tree && typeof tree.d === 'number'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
