// The calls the page makes to the area worker, typed end to end: each call's arguments and result, the messages
// that carry them, and what the worker answers when a call fails.
import type { ObservabilitySet } from 'dexie'
import type { PwsIndicators, PwsReport } from '../../domain/pws'
import type { DataKeys } from '../crypto/keys'
import type { ScheduleResult } from './compute'

/** Every call: its arguments and its result. */
export interface AreaCalls {
  schedule: { args: { workAreaId: string; today: string }; result: ScheduleResult }
  /** The month's report and PWS indicators (domain/pws pwsMonthAndIndicators). */
  pws: {
    args: { workAreaId: string; month: string }
    result: { report: PwsReport; indicators: PwsIndicators }
  }
}
export type AreaCall = keyof AreaCalls
export type AreaArgs<C extends AreaCall> = AreaCalls[C]['args']
export type AreaResult<C extends AreaCall> = AreaCalls[C]['result']

export interface AreaRequest<C extends AreaCall = AreaCall> {
  id: number
  call: C
  args: AreaArgs<C>
}

/**
 * What a committed write changed (Dexie's storagemutated parts), forwarded by the page: on the worker's own port it
 * arrives before any request the write led to, which Dexie's broadcast to the worker does not promise.
 */
export interface AreaChanged {
  changed: ObservabilitySet
}

/**
 * The keys the worker reads the encrypted records with (crypto/session.ts), posted when it starts: CryptoKey
 * objects are structured-cloneable and stay non-extractable. Locking stops the worker instead.
 */
export interface AreaKeys {
  keys: DataKeys
  /** The unlocked account's records' database (crypto/accounts.ts). */
  dbName: string
}

/** A failed call names the error (its name only: a message may quote the records). */
export type AreaResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
