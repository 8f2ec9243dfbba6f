// A failure that is not one of sync's own is named for what it is (src/sync/errors.ts toSyncError): a full disk is
// 'storage-full', anything else 'internal' — never 'offline', which the app words as "no signal" and retries quietly.
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { StorageError } from '../../src/data/db'
import { SyncError, toSyncError } from '../../src/sync/errors'

describe('toSyncError', () => {
  it('keeps a SyncError as it is', () => {
    const timeout = new SyncError('timeout')
    expect(toSyncError(timeout)).toBe(timeout)
  })

  it('names a full disk storage-full, however IndexedDB or Dexie reports it', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    const aborted = new Dexie.AbortError('Transaction aborted', quota)
    for (const error of [quota, aborted, new StorageError('storage-full', { cause: quota })]) {
      const named = toSyncError(error)
      expect([named.reason, named.retryable, named.cause]).toEqual(['storage-full', false, error])
    }
  })

  it('names anything else internal, with the error’s name but not its message', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'nik')")
    const named = toSyncError(bug)
    expect([named.reason, named.detail, named.retryable, named.cause]).toEqual([
      'internal',
      'TypeError',
      false,
      bug,
    ])
    expect(named.message).not.toContain('nik')
    expect(toSyncError('a string').detail).toBe('string')
  })
})
