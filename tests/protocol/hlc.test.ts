import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkDrift,
  compareHlc,
  formatHlc,
  HLC_MAX_COUNTER,
  HLC_MAX_DRIFT_MS,
  HlcError,
  initHlc,
  isHlc,
  parseHlc,
  receiveHlc,
  sendHlc,
} from '../../src/protocol/hlc'

const T = Date.parse('2025-06-15T03:00:00.000Z')
const reason = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error instanceof HlcError ? error.reason : 'other'
  }
  return 'none'
}

describe('HLC format', () => {
  it('writes iso millis, a 4-hex counter and the node, and reads it back', () => {
    const s = formatHlc({ millis: T, counter: 26, node: '0197a3c2-aaaa-7bbb-8ccc-1234567890ab' })
    expect(s).toBe('2025-06-15T03:00:00.000Z-001a-0197a3c2-aaaa-7bbb-8ccc-1234567890ab')
    expect(parseHlc(s)).toEqual({ millis: T, counter: 26, node: '0197a3c2-aaaa-7bbb-8ccc-1234567890ab' })
  })

  it('refuses anything else', () => {
    for (const bad of [
      '',
      '2025-06-15T03:00:00.000Z-001A-dev',
      '2025-06-15T03:00:00Z-0001-dev',
      '2025-02-30T03:00:00.000Z-0001-dev',
      '2025-06-15T03:00:00.000Z-0001-',
      '2025-06-15T03:00:00.000Z-0001-dev ice',
    ])
      expect(isHlc(bad), bad).toBe(false)
    expect(reason(() => formatHlc({ millis: T, counter: HLC_MAX_COUNTER + 1, node: 'd' }))).toBe(
      'counter-overflow',
    )
    expect(reason(() => initHlc('has space'))).toBe('malformed')
  })

  it('compares as strings exactly as (millis, counter, node) tuples', () => {
    const stamp = fc.record({
      millis: fc.integer({ min: 0, max: 253_402_300_799_999 }),
      counter: fc.integer({ min: 0, max: HLC_MAX_COUNTER }),
      node: fc.stringMatching(/^[0-9A-Za-z_-]{1,12}$/),
    })
    fc.assert(
      fc.property(stamp, stamp, (a, b) => {
        const tuple =
          a.millis !== b.millis
            ? a.millis - b.millis
            : a.counter !== b.counter
              ? a.counter - b.counter
              : a.node < b.node
                ? -1
                : a.node > b.node
                  ? 1
                  : 0
        expect(Math.sign(compareHlc(formatHlc(a), formatHlc(b)))).toBe(Math.sign(tuple))
      }),
    )
  })
})

describe('HLC clock', () => {
  it('follows the wall clock, and counts events within one millisecond', () => {
    const c0 = initHlc('a')
    const c1 = sendHlc(c0, T)
    const c2 = sendHlc(c1, T)
    const c3 = sendHlc(c2, T + 5)
    expect([c1, c2, c3]).toEqual([
      { millis: T, counter: 0, node: 'a' },
      { millis: T, counter: 1, node: 'a' },
      { millis: T + 5, counter: 0, node: 'a' },
    ])
  })

  it('never goes backwards when the wall clock does', () => {
    const c1 = sendHlc(initHlc('a'), T)
    const c2 = sendHlc(c1, T - 60_000)
    expect(compareHlc(formatHlc(c2), formatHlc(c1))).toBeGreaterThan(0)
  })

  it('stamps after everything received, even from a node whose clock is ahead', () => {
    const remote = formatHlc({ millis: T + 1000, counter: 7, node: 'b' })
    const c = receiveHlc(sendHlc(initHlc('a'), T), remote, T)
    expect(c).toEqual({ millis: T + 1000, counter: 8, node: 'a' })
    expect(compareHlc(formatHlc(sendHlc(c, T)), remote)).toBeGreaterThan(0)
  })

  it('keeps every stamp of a node increasing through any sequence of sends and receives', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('send' as const), now: fc.integer({ min: 0, max: 100 }) }),
      fc.record({
        kind: fc.constant('recv' as const),
        now: fc.integer({ min: 0, max: 100 }),
        remote: fc.integer({ min: 0, max: 100 }),
        counter: fc.integer({ min: 0, max: 50 }),
      }),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let clock = initHlc('a')
        let last = ''
        for (const s of steps) {
          clock =
            s.kind === 'send'
              ? sendHlc(clock, T + s.now)
              : receiveHlc(clock, { millis: T + s.remote, counter: s.counter, node: 'b' }, T + s.now)
          const stamp = formatHlc(clock)
          expect(compareHlc(stamp, last)).toBeGreaterThan(0)
          last = stamp
        }
      }),
    )
  })

  it('refuses a stamp too far in the future and a counter overflow', () => {
    const ahead = { millis: T + HLC_MAX_DRIFT_MS + 1, counter: 0, node: 'b' }
    expect(reason(() => receiveHlc(initHlc('a'), ahead, T))).toBe('clock-drift')
    expect(reason(() => checkDrift(formatHlc(ahead), T))).toBe('clock-drift')
    expect(reason(() => checkDrift({ ...ahead, millis: T + HLC_MAX_DRIFT_MS }, T))).toBe('none')
    expect(reason(() => sendHlc({ millis: T, counter: HLC_MAX_COUNTER, node: 'a' }, T))).toBe(
      'counter-overflow',
    )
  })
})
