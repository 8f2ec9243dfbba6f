import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonical, type MergeState, mergeChange } from '../../src/protocol/merge'
import { hlc } from '../server/harness'

describe('mergeChange', () => {
  it('keeps per field the value with the greatest stamp', () => {
    const a = mergeChange(undefined, {
      headName: { value: 'A', hlc: hlc(10) },
      noKk: { value: '1', hlc: hlc(10) },
    })
    const b = mergeChange(a.state, {
      headName: { value: 'B', hlc: hlc(5) },
      noKk: { value: '2', hlc: hlc(20) },
    })
    expect(b.state.data).toEqual({ headName: 'A', noKk: '2' })
    expect(b.applied).toEqual(['noKk'])
    expect(b.state.version).toBe(2)
    // Created by the first change; a later, older stamp does not move it.
    expect(b.state.createdHlc).toBe(hlc(10))
  })

  it('changes nothing, version included, when every field is older', () => {
    const a = mergeChange(undefined, { headName: { value: 'A', hlc: hlc(10) } })
    const b = mergeChange(a.state, { headName: { value: 'B', hlc: hlc(5, 'device-z') } })
    expect(b.applied).toEqual([])
    expect(b.state.version).toBe(1)
  })

  it('orders values by canonical JSON, whatever their key order', () => {
    expect(canonical({ b: 1, a: { d: 2, c: 3 } })).toBe(canonical({ a: { c: 3, d: 2 }, b: 1 }))
  })

  it('converges to the same data and stamps in any delivery order, with repeats', () => {
    const edit = fc.record({
      field: fc.constantFrom('headName', 'noKk', 'deleted'),
      value: fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.record({ rt: fc.string() })),
      ms: fc.integer({ min: 0, max: 20 }),
      node: fc.constantFrom('a', 'b'),
    })
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.func(fc.integer()), (edits, key) => {
        const changes = edits.map((e) => ({ [e.field]: { value: e.value, hlc: hlc(e.ms, e.node) } }))
        const apply = (list: typeof changes) =>
          list.reduce<MergeState | undefined>((s, c) => mergeChange(s, c).state, undefined)
        const shuffled = [...changes, ...changes.slice(0, 3)].sort((x, y) => key(x) - key(y))
        const one = apply(changes)
        const other = apply(shuffled)
        expect(other?.data).toEqual(one?.data)
        expect(other?.hlcs).toEqual(one?.hlcs)
        // createdHlc is the oldest stamp of whichever change created the record.
        const oldest = (c: (typeof changes)[number] | undefined) => Object.values(c ?? {})[0]?.hlc
        expect(other?.createdHlc).toBe(oldest(shuffled[0]))
        expect(one?.createdHlc).toBe(oldest(changes[0]))
      }),
    )
  })
})
