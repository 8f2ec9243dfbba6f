import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { uuidv7, uuidv7s } from '../../src/data/ids'

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const millisOf = (id: string) => Number.parseInt(id.replace('-', '').slice(0, 12), 16)
const ascending = (ids: string[]) => ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('uuidv7', () => {
  it('is a version 7 UUID carrying the moment in its first 48 bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (ms) => {
        const id = uuidv7(ms)
        expect(id).toMatch(V7)
        expect(millisOf(id)).toBe(ms)
      }),
    )
  })

  it('sorts a later moment after an earlier one', () => {
    expect(uuidv7(1_750_000_000_001) > uuidv7(1_750_000_000_000)).toBe(true)
  })
})

describe('uuidv7s', () => {
  it('makes a batch of distinct valid ids of one moment, ascending in the order given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.integer({ min: 0, max: 300 }), (ms, count) => {
        const ids = uuidv7s(count, ms)
        expect(ids).toHaveLength(count)
        for (const id of ids) {
          expect(id).toMatch(V7)
          expect(millisOf(id)).toBe(ms)
        }
        expect(ascending(ids)).toBe(true)
      }),
    )
  })

  it('stays ascending past the random words one draw can give (more than 16,384)', () => {
    const ids = uuidv7s(20_000, 1_750_000_000_000)
    expect(ascending(ids)).toBe(true)
    expect(ids.every((id) => V7.test(id))).toBe(true)
  })

  it('keeps the version and variant bits when every random word is the largest or the smallest', () => {
    for (const word of [0xffffffff, 0]) {
      vi.spyOn(crypto, 'getRandomValues').mockImplementation((a) => {
        new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4).fill(word)
        return a
      })
      const ids = uuidv7s(1_000, 1_750_000_000_000)
      expect(ids.every((id) => V7.test(id))).toBe(true)
      expect(ascending(ids)).toBe(true)
      expect(new Set(ids).size).toBe(1_000)
      vi.restoreAllMocks()
    }
  })
})
