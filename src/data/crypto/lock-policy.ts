// How long the lock screen makes the next try wait after wrong PINs. Three tries are free (a finger slips); then the
// wait doubles from 30 seconds to at most an hour: a child or a finder trying PINs by hand gets a few dozen tries a
// day. It guards the lock screen only — an expert with a copy of the profile is slowed by the key derivation
// instead (docs/security.md).
export const FREE_TRIES = 3
const FIRST_WAIT_MS = 30_000
const MAX_WAIT_MS = 60 * 60_000

/** The wait after `failures` wrong PINs in a row, in ms. */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES), MAX_WAIT_MS)
}

/** How long from `now` until the next try is allowed (0: now). A clock set back does not stretch it past the wait. */
export function waitLeft(state: { failures: number; lastFailureAt?: number }, now: number): number {
  if (state.lastFailureAt === undefined) return 0
  const wait = waitAfter(state.failures)
  const elapsed = Math.max(0, now - state.lastFailureAt)
  return Math.max(0, wait - elapsed)
}
