// Stored rows that failed validation and were skipped by the reads, kept in memory for this session only so the
// settings screen can say "N catatan rusak dilewati". Only the table, id and field paths are kept or logged:
// field values are health data and never reach a log.

export interface DataIssue {
  table: string
  id: string
  /** Dotted paths of the invalid fields ('address.rt'); '' for the row as a whole. */
  paths: string[]
  at: string
}

let issues: readonly DataIssue[] = []
const listeners = new Set<() => void>()

export function reportInvalidRow(table: string, id: string, paths: string[]): void {
  // Live queries re-read the same rows after every change: a row is reported once until its problem changes.
  const known = issues.find((i) => i.table === table && i.id === id)
  if (known && known.paths.join() === paths.join()) return
  console.warn(`[data] skipped invalid ${table} row ${id}; invalid fields: ${paths.join(', ') || '(row)'}`)
  const issue = { table, id, paths, at: new Date().toISOString() }
  issues = known ? issues.map((i) => (i === known ? issue : i)) : [...issues, issue]
  for (const listener of listeners) listener()
}

/** The same array until the next report, as useSyncExternalStore requires. */
export function getDataIssues(): readonly DataIssue[] {
  return issues
}

export function subscribeDataIssues(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
