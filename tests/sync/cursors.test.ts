// The app's pull cursors (issue 16): per desa since the server's sequences are per desa. A phone updated from an
// app that stored one number sends it once and goes on with the desa cursors it is answered with, missing nothing.
import { describe, expect, it } from 'vitest'
import { cursorKey, readMeta } from '../../src/data/sync-state'
import { addKader, TARGETS } from '../server/harness'
import { syncSetup, T0 } from './phones'

describe.each(TARGETS)('pull cursors on the phone, on $name', (target) => {
  const { server, phone } = syncSetup(target)

  it.each([
    ['{ cursor, epoch }', (n: number, epoch: string) => ({ cursor: n, epoch })],
    ['a bare number', (n: number) => n],
  ])('takes over a cursor an older app stored as %s, and misses nothing', async (_, stored) => {
    const k = await addKader(server())
    const [a, b] = [phone('a'), phone('b')]
    await a.login(server().url, k)
    await b.login(server().url, k)
    await a.addHousehold(k.area, T0, { headName: 'Pertama' })
    await a.sync()
    await b.sync()
    const key = cursorKey(k.area.id)
    const now = (await readMeta(b.db, key)) as { cursors: Record<string, number>; epoch: string }
    const [desa, n] = Object.entries(now.cursors)[0] ?? []
    expect(typeof desa).toBe('string')
    // The position as the older app stored it: its desa's number, one cursor.
    await b.db.meta.put({ key, value: stored(n ?? Number.NaN, now.epoch) })
    await a.addHousehold(k.area, T0 + 1, { headName: 'Kedua' })
    await a.sync()
    expect(await b.sync()).toMatchObject({ pulled: 1 })
    expect((await b.db.households.toArray()).map((h) => h.headName).sort()).toEqual(['Kedua', 'Pertama'])
    const after = (await readMeta(b.db, key)) as { cursors: Record<string, number> }
    expect(Object.keys(after.cursors)).toEqual([desa])
    expect(after.cursors[desa ?? '']).toBeGreaterThan(n ?? Number.NaN)
    expect(await b.sync()).toMatchObject({ pulled: 0 })
  })
})
