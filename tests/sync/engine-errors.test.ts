// Against the real server: a pulled page the phone cannot store fails the run as 'storage-full' (a full disk) or
// 'internal' (a bug), recorded in the sync status for the screen to say — not as 'offline' — and the next run,
// once the cause is gone, pulls what was missed.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getSyncState } from '../../src/data/sync-state'
import { SyncError } from '../../src/sync/errors'
import { addKader, TARGETS } from '../server/harness'
import { syncSetup, T0 } from './phones'

describe.each(TARGETS)('a pulled page that cannot be stored, on $name', (target) => {
  const { server, phone } = syncSetup(target)
  afterEach(() => {
    vi.restoreAllMocks()
  })

  const failures = [
    ['storage-full', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'), undefined],
    ['internal', () => new TypeError('a bug while storing'), 'TypeError'],
  ] as const

  it.each(failures)(
    'fails as %s, says so in the status, and the next run stores the page',
    async (reason, error, detail) => {
      const k = await addKader(server())
      const a = phone('a')
      await a.login(server().url, k)
      const h = await a.addHousehold(k.area, T0)
      await a.sync()

      const b = phone('b')
      await b.login(server().url, k)
      const store = vi.spyOn(b.db.clocks, 'bulkPut').mockRejectedValue(error())
      const failed = await b.sync().catch((caught: unknown) => caught)
      expect(failed).toBeInstanceOf(SyncError)
      expect([
        (failed as SyncError).reason,
        (failed as SyncError).detail,
        (failed as SyncError).retryable,
      ]).toEqual([reason, detail, false])
      expect(store).toHaveBeenCalled()
      const status = await getSyncState(b.db)
      expect(status.lastRun?.error).toEqual(detail ? { reason, detail } : { reason })
      expect(await b.db.households.get(h.id)).toBeUndefined()

      store.mockRestore()
      expect(await b.sync()).toMatchObject({ pulled: 1 })
      expect((await b.db.households.get(h.id))?.headName).toBe(h.headName)
      expect((await getSyncState(b.db)).lastRun?.error).toBeUndefined()
    },
  )
})
