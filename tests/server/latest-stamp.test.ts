// A pull page reads each record's latest stamp from the stamps' text as the database writes it, without parsing it
// (server/sync/rows.ts latestStampIn): it must always be what parsing and latestHlc give.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { latestStampIn } from '../../server/sync/rows'
import { formatHlc } from '../../src/protocol/hlc'
import { latestHlc } from '../../src/protocol/merge'

/** jsonb's text: `{"key": "value", …}`, keys shorter first then in byte order (the order does not matter here). */
const jsonbText = (hlcs: Record<string, string>) =>
  `{${Object.entries(hlcs)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')}}`

const stamp = fc
  .record({
    millis: fc.integer({ min: 0, max: 4_000_000_000_000 }),
    counter: fc.integer({ min: 0, max: 0xffff }),
    node: fc.stringMatching(/^[0-9A-Za-z_-]{1,12}$/),
  })
  .map(formatHlc)

describe('latestStampIn', () => {
  it('gives latestHlc of the parsed stamps, for any field names', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('a": "b', 'x\\', 'q"')), stamp),
        (hlcs) => {
          expect(latestStampIn(jsonbText(hlcs))).toBe(latestHlc(hlcs))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('reads the stamps PostgreSQL wrote', () => {
    const text =
      '{"rt": "2026-12-03T05:00:00.000Z-0001-phone", "headName": "2026-12-03T05:00:00.000Z-0002-phone"}'
    expect(latestStampIn(text)).toBe('2026-12-03T05:00:00.000Z-0002-phone')
    expect(latestStampIn('{}')).toBeUndefined()
  })
})
