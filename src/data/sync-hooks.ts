// The UI's live views of sync (sync-state.ts): each hook re-runs when the meta, outbox or conflict rows it read
// change, in this tab or another — so progress, counts and statuses update while a run is going.
// `undefined` always means "still loading".
import { useLiveQuery } from 'dexie-react-hooks'
import type { ConflictEntry } from './schemas'
import {
  getConflictLog,
  getRecordSyncStatus,
  getRejectedChanges,
  getSyncState,
  type RecordSyncStatus,
  type RejectedChange,
  type SyncState,
} from './sync-state'

/** Pending and refused counts, last success, progress, bytes of the last run, the clock-skew warning. */
export function useSyncState(): SyncState | undefined {
  return useLiveQuery(() => getSyncState())
}

/** belum terkirim / terkirim / ditolak (with the reason and issues) for one record. */
export function useRecordSyncStatus(recordId: string): RecordSyncStatus | undefined {
  return useLiveQuery(() => getRecordSyncStatus(recordId), [recordId])
}

/** The "perlu diperbaiki" list. */
export function useRejectedChanges(): RejectedChange[] | undefined {
  return useLiveQuery(() => getRejectedChanges())
}

/** The conflict log, newest first, optionally of one record. */
export function useConflictLog(recordId?: string): ConflictEntry[] | undefined {
  return useLiveQuery(() => getConflictLog(recordId === undefined ? {} : { recordId }), [recordId])
}
