// Refused changes that may go again without the kader's fix (docs/sync-protocol.md, "Refused changes").
import { entriesOfRecords, rejectedEntries } from '../data/outbox'
import { HLC_MAX_DRIFT_MS, parseHlc } from '../protocol/hlc'
import { isInserted } from '../protocol/wire'
import { clockKey, loadClock, saveClock, stampFields } from './clock'
import { type Run, realNow } from './run'

/**
 * Refused changes the server may now accept are sent again: a member refused because its household was not on
 * the server yet, and — once the phone's clock agrees with the server's — changes refused for clock skew, whose
 * fields get new stamps (the old ones were in the future). Everything else waits for the kader's fix.
 */
export async function requeue(run: Run): Promise<void> {
  const { db } = run
  const clockOk = run.skew !== undefined && Math.abs(run.skew.skewMs) < HLC_MAX_DRIFT_MS / 2
  await db.transaction('rw', [db.outbox, db.clocks, db.meta, db.members], async () => {
    const refused = await rejectedEntries(db)
    const nowMs = realNow(run)
    let reset = false
    for (const e of refused) {
      if (e.seq === undefined || !e.rejected) continue
      const missingHome =
        e.rejected.reason === 'invalid' &&
        e.rejected.issues.length > 0 &&
        e.rejected.issues.every((i) => i.message === 'err.household.missing')
      const skewed = e.rejected.reason === 'clock-skew' && clockOk
      if (missingHome) {
        // Only once the household itself is no longer refused; then behind the household's own fix in the queue.
        const member = await db.members.get(e.recordId)
        const home = member ? await entriesOfRecords(db, [member.householdId]) : []
        if (home.some((h) => h.rejected !== undefined)) continue
        const { seq: _old, rejected: _why, ...again } = e
        await db.outbox.delete(e.seq)
        await db.outbox.add(again)
        continue
      }
      if (!skewed) continue
      if (skewed && !isInserted(e.entity)) {
        if (!reset) {
          // The stored clock ran ahead with the phone's wrong time; start again from the real time.
          const clock = await loadClock(db, run.deviceId)
          if (clock.millis > nowMs) await saveClock(db, { millis: nowMs, counter: 0, node: run.deviceId })
          reset = true
        }
        const clocks = await db.clocks.get(clockKey(e.entity, e.recordId))
        const future = e.changedFields.filter((f) => {
          const h = clocks?.hlcs[f]
          return h !== undefined && parseHlc(h).millis > nowMs
        })
        if (future.length > 0) await stampFields(db, e.entity, e.recordId, future, run.deviceId, nowMs)
      }
      const { rejected: _settled, ...waiting } = e
      await db.outbox.put(waiting)
    }
  })
}
