import { describe, expect, it } from 'vitest'
import { pack, unpack } from '../../../src/data/crypto/compact'

/** What the ciphertext holds: the packed value through JSON, as sealing.ts stores it. */
const stored = (value: unknown) => JSON.stringify(pack(value))
const roundTrip = (value: unknown) => unpack(JSON.parse(stored(value)))

describe('the compact plaintext of format 2', () => {
  it('gives back exactly what JSON would, for records and for values of its own', () => {
    const hlc = '2025-06-15T03:00:00.000Z-0000-device-test'
    const values: unknown[] = [
      {
        name: 'Siti Aminah',
        createdAt: '2025-06-15T03:00:00.000Z',
        updatedAt: '2025-06-15T03:00:00.000Z',
        address: { rt: '003', rw: '001', desa: 'Bolang' },
        parts: { balita: { weightKg: 12.37, oedema: false, dangerSigns: ['a', 'b'] } },
        deleted: false,
        note: null,
      },
      { hlcs: { name: hlc, nik: hlc, phone: hlc, deleted: hlc } },
      // Keys and strings that look like codes or references, keys the app does not know, numbers as keys.
      { '~0': '~0', '~~': '~', '~x': ['~1', '~~1', 'short', 'shortish', 'shortish'], 7: 'seven', 10: 'ten' },
      { values: { nama: 'x', '~_00': '~_00' }, label: '~_zz', kind: 'member' },
      ['~', '~~~', '', 'twelve chars', 'twelve chars', { id: 'twelve chars' }],
      'a string alone',
      42,
      null,
    ]
    for (const value of values) expect(roundTrip(value)).toEqual(JSON.parse(JSON.stringify(value)))
  })

  it('writes known keys and repeated strings short, and leaves out undefined fields as JSON does', () => {
    const at = '2025-06-15T03:00:00.000Z'
    const record = { createdAt: at, updatedAt: at, systolicMmHg: 120, phone: undefined }
    expect(stored(record).length).toBeLessThan(JSON.stringify(record).length * 0.6)
    expect(stored(record)).not.toContain('systolicMmHg')
    expect(stored(record).split(at).length).toBe(2)
    expect(roundTrip(record)).toEqual({ createdAt: at, updatedAt: at, systolicMmHg: 120 })
  })

  it('sets the fields onto the object given, after those it has', () => {
    const into: Record<string, unknown> = { id: 'r1' }
    unpack(JSON.parse(stored({ name: 'Siti', deleted: false })), into)
    expect(Object.keys(into)).toEqual(['id', 'name', 'deleted'])
    expect(into).toEqual({ id: 'r1', name: 'Siti', deleted: false })
  })

  it('writes a Date as JSON does', () => {
    expect(roundTrip({ at: new Date('2025-06-15T03:00:00.000Z') })).toEqual({
      at: '2025-06-15T03:00:00.000Z',
    })
  })
})
