// Hybrid logical clock (HLC), shared by the app's sync engine and server/: every field a device changes is stamped
// with one, and the server and every device keep, per field, the value with the greatest stamp.
//
// Format: `${isoMillis}-${counter}-${node}`, e.g. `2025-06-15T03:00:00.000Z-0001-0197a3c2-…`:
//   isoMillis  wall-clock milliseconds, UTC, always 24 characters (years 0000–9999);
//   counter    4 lowercase hex digits, orders events within the same millisecond;
//   node       the device id (ids.ts) — the deterministic tie-break between devices.
// The first two parts have a fixed width, so comparing two stamps as plain strings compares (millis, counter,
// node) in that order: the database, the server and the client all sort them the same way without parsing.
// Pure: the current time is always passed in, nothing here reads a clock.

export interface Hlc {
  readonly millis: number
  readonly counter: number
  readonly node: string
}

/** The counter has 4 hex digits; 65,536 events in one millisecond means a runaway loop, not a kader. */
export const HLC_MAX_COUNTER = 0xffff
/**
 * How far ahead of our own clock a stamp may be. A phone whose clock runs fast would otherwise win every conflict
 * until real time catches up; ten minutes tolerates ordinary drift of a phone offline for weeks, while a wrong
 * time zone or a wrong date (hours or days) is refused so the kader can be told to fix the clock.
 */
export const HLC_MAX_DRIFT_MS = 10 * 60_000
/** The largest instant whose ISO string still has 24 characters (9999-12-31T23:59:59.999Z). */
const MAX_MILLIS = 253_402_300_799_999

const HLC_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9A-Za-z_-]{1,64})$/
/** A node: the device id, as a stamp carries it. */
export const NODE_RE = /^[0-9A-Za-z_-]{1,64}$/

export type HlcErrorReason = 'malformed' | 'clock-drift' | 'counter-overflow'

export class HlcError extends Error {
  override readonly name = 'HlcError'
  constructor(readonly reason: HlcErrorReason) {
    super(`HLC error: ${reason}`)
  }
}

/** A new clock for a node that has seen nothing yet. */
export function initHlc(node: string): Hlc {
  if (!NODE_RE.test(node)) throw new HlcError('malformed')
  return { millis: 0, counter: 0, node }
}

export function formatHlc(h: Hlc): string {
  if (!Number.isInteger(h.millis) || h.millis < 0 || h.millis > MAX_MILLIS) throw new HlcError('malformed')
  if (!Number.isInteger(h.counter) || h.counter < 0 || h.counter > HLC_MAX_COUNTER)
    throw new HlcError('counter-overflow')
  if (!NODE_RE.test(h.node)) throw new HlcError('malformed')
  return `${new Date(h.millis).toISOString()}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`
}

/** Throws HlcError('malformed') for anything formatHlc could not have written. */
export function parseHlc(s: string): Hlc {
  const m = HLC_RE.exec(s)
  const millis = m?.[1] === undefined ? Number.NaN : Date.parse(m[1])
  // Date.parse accepts impossible dates such as 02-30 by rolling over; a round trip rejects them.
  if (!m || Number.isNaN(millis) || new Date(millis).toISOString() !== m[1]) throw new HlcError('malformed')
  return { millis, counter: Number.parseInt(m[2] ?? '', 16), node: m[3] ?? '' }
}

export function isHlc(s: unknown): s is string {
  if (typeof s !== 'string') return false
  try {
    parseHlc(s)
    return true
  } catch {
    return false
  }
}

/** Total order of well-formed stamps: negative when a is older than b, 0 when equal, positive when newer. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A local event (a kader's edit): returns the clock after it; format the result to stamp the change. */
export function sendHlc(clock: Hlc, nowMs: number): Hlc {
  const millis = Math.max(clock.millis, nowMs)
  const counter = millis === clock.millis ? clock.counter + 1 : 0
  return checked({ millis, counter, node: clock.node }, nowMs)
}

/**
 * A stamp seen from elsewhere (a pulled record's field, the server's time): returns the clock after it, so that
 * the next local stamp is greater than everything this node has seen, whatever its own wall clock says.
 */
export function receiveHlc(clock: Hlc, remote: Hlc | string, nowMs: number): Hlc {
  const r = typeof remote === 'string' ? parseHlc(remote) : remote
  if (r.millis - nowMs > HLC_MAX_DRIFT_MS) throw new HlcError('clock-drift')
  const millis = Math.max(clock.millis, r.millis, nowMs)
  let counter = 0
  if (millis === clock.millis && millis === r.millis) counter = Math.max(clock.counter, r.counter) + 1
  else if (millis === clock.millis) counter = clock.counter + 1
  else if (millis === r.millis) counter = r.counter + 1
  return checked({ millis, counter, node: clock.node }, nowMs)
}

/** Refuses a stamp further ahead of `nowMs` than HLC_MAX_DRIFT_MS (the server's check on every pushed field). */
export function checkDrift(stamp: Hlc | string, nowMs: number): void {
  const h = typeof stamp === 'string' ? parseHlc(stamp) : stamp
  if (h.millis - nowMs > HLC_MAX_DRIFT_MS) throw new HlcError('clock-drift')
}

function checked(h: Hlc, nowMs: number): Hlc {
  if (h.counter > HLC_MAX_COUNTER) throw new HlcError('counter-overflow')
  if (h.millis - nowMs > HLC_MAX_DRIFT_MS) throw new HlcError('clock-drift')
  return h
}
