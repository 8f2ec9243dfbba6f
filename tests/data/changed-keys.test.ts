// What a committed write changed (src/data/changed-keys.ts), from Dexie's own storagemutated parts and their
// structured clones; anything it does not recognise reads everything again.
import Dexie, { type ObservabilitySet } from 'dexie'
import { describe, expect, it } from 'vitest'
import { type ChangedKeys, changedKeys } from '../../src/data/changed-keys'
import { getDb } from '../../src/data/db'
import { saveHousehold } from '../../src/data/write'
import { householdInput, NOW, withTestDb } from './fixtures'

withTestDb()

/** The parts Dexie fires while `write` runs. */
async function partsOf(write: () => Promise<unknown>): Promise<ObservabilitySet[]> {
  const fired: ObservabilitySet[] = []
  const listener = (parts: ObservabilitySet) => fired.push(parts)
  Dexie.on('storagemutated', listener)
  try {
    await write()
    await new Promise((ok) => setTimeout(ok, 0)) // Dexie signals after the commit
  } finally {
    Dexie.on('storagemutated').unsubscribe(listener)
  }
  return fired
}

const keysOf = (all: ObservabilitySet[], table = 'households') =>
  all.reduce<ChangedKeys>((into, parts) => changedKeys(parts, getDb(), table, into), new Set())

describe('changedKeys', () => {
  it('reads the saved record’s key from what Dexie fires, and from its structured clone', async () => {
    // Opening a new database fires a range over everything (read all, rightly): open it first.
    expect(keysOf(await partsOf(() => saveHousehold(householdInput(), { now: NOW })))).toBe('all')
    let id = ''
    const fired = await partsOf(async () => {
      const saved = await saveHousehold(householdInput(), { now: NOW })
      if (!saved.ok) throw new Error('household')
      id = saved.record.id
    })
    expect(keysOf(fired)).toEqual(new Set([id]))
    expect(keysOf(fired.map((p) => structuredClone(p)))).toEqual(new Set([id]))
    // The outbox row was written too, but 'members' was not touched.
    expect(keysOf(fired, 'members')).toEqual(new Set())
  })

  it('answers all for a cleared table (a range)', async () => {
    await saveHousehold(householdInput(), { now: NOW })
    const fired = await partsOf(() => getDb().households.clear())
    expect(keysOf(fired)).toBe('all')
  })

  it('keeps all once all, and leaves the keys as they are for a table not named', () => {
    const db = getDb()
    expect(changedKeys({}, db, 'households', 'all')).toBe('all')
    const kept = new Set(['a'])
    expect(changedKeys({ [`idb://${db.name}/members/`]: { d: 0 } }, db, 'households', kept)).toEqual(
      new Set(['a']),
    )
  })

  it.each([
    ['an empty object', {}],
    ['a node without a depth', { from: 'a', to: 'a' }],
    ['a number key', { from: 1, to: 1, d: 1 }],
    ['an array key', { from: ['a'], to: ['a'], d: 1 }],
    ['a range', { from: 'a', to: 'z', d: 1 }],
    ['an unknown child', { from: 'a', to: 'a', d: 2, l: { x: 1 } }],
    ['an array', []],
    ['a string', 'households'],
    ['null', null],
  ])('answers all for a shape it does not know: %s', (_name, part) => {
    const db = getDb()
    const parts = { [`idb://${db.name}/households/`]: part } as unknown as ObservabilitySet
    expect(changedKeys(parts, db, 'households', new Set())).toBe('all')
  })

  it('reads a tree of single keys, and the empty set as nothing', () => {
    const db = getDb()
    const tree = {
      from: 'm',
      to: 'm',
      d: 2,
      l: { from: 'c', to: 'c', d: 1 },
      r: { from: 'x', to: 'x', d: 1, l: null, r: null },
    }
    expect(changedKeys({ [`idb://${db.name}/households/`]: tree }, db, 'households', new Set())).toEqual(
      new Set(['m', 'c', 'x']),
    )
    expect(changedKeys({ [`idb://${db.name}/households/`]: { d: 0 } }, db, 'households', new Set())).toEqual(
      new Set(),
    )
  })
})
