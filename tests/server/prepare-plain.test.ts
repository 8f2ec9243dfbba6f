// prepare() takes a change that plainly passes the wire's `change` schema without zod (server/sync/prepare.ts
// plainChange) and leaves everything else to zod. The shortcut must never accept what zod refuses, and must give
// exactly zod's parse of what it accepts: checked on changes as phones send them and on near misses of every part.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plainChange } from '../../server/sync/prepare'
import { change as changeSchema, SYNCED_ENTITIES } from '../../src/protocol/wire'

const uuid = fc.uuid().filter((u) => /^[0-9a-f-]+$/.test(u))
const nearId = fc.oneof(
  uuid,
  uuid.map((u) => u.toUpperCase()),
  uuid.map((u) => `${u} `),
  fc.string(),
  fc.constant(42),
  fc.constant(null),
)
const entity = fc.oneof(
  fc.constantFrom(...SYNCED_ENTITIES),
  fc.constantFrom('Households', 'users', ''),
  fc.integer(),
)
const anyValue = fc.oneof(fc.jsonValue(), fc.constant(undefined))
const field = fc.oneof(
  fc.record({ value: anyValue, hlc: fc.string() }),
  fc.record({ value: anyValue, hlc: fc.string(), extra: fc.string() }),
  fc.record({ hlc: fc.string() }),
  fc.record({ value: anyValue, hlc: fc.oneof(fc.integer(), fc.constant(null)) }),
  fc.record({ value: anyValue }),
  fc.constant(null),
  fc.array(fc.string()),
  fc.string(),
)
const fieldName = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'headName'))
const fields = fc.oneof(
  fc.dictionary(fieldName, field, { maxKeys: 6 }),
  fc.array(field),
  fc.constant(null),
  fc.string(),
)
const changeLike = fc.oneof(
  fc.record({ changeId: nearId, entity, recordId: nearId, fields }, { requiredKeys: [] }),
  fc.record({ changeId: uuid, entity: fc.constantFrom(...SYNCED_ENTITIES), recordId: uuid, fields }),
  fc.record({
    changeId: uuid,
    entity: fc.constantFrom(...SYNCED_ENTITIES),
    recordId: uuid,
    fields,
    more: fc.jsonValue(),
  }),
  fc.jsonValue(),
)

describe('prepare: the shortcut past zod for plain changes', () => {
  it('accepts only what zod accepts, and gives zod’s parse of it', () => {
    let taken = 0
    fc.assert(
      fc.property(changeLike, (made) => {
        // As a push body arrives: JSON text parsed (a "__proto__" key is then an own key).
        const raw: unknown = JSON.parse(JSON.stringify(made) ?? 'null')
        const quick = plainChange(raw)
        if (quick === undefined) return
        taken += 1
        const parsed = changeSchema.safeParse(raw)
        expect(parsed.success).toBe(true)
        expect(quick).toEqual(parsed.data)
      }),
      { numRuns: 3000 },
    )
    expect(taken).toBeGreaterThan(30)
  })

  it('takes a change as a phone sends it', () => {
    const raw = JSON.parse(
      JSON.stringify({
        changeId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        entity: 'households',
        recordId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
        fields: { headName: { value: 'Budi', hlc: '2026-12-03T05:00:00.000Z-0000-phone' } },
      }),
    )
    expect(plainChange(raw)).toEqual(changeSchema.parse(raw))
  })
})
