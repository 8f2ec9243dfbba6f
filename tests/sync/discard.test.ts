// Discarding a refused visit whose correction the server stored (src/data/discard.ts): the server does not look for
// the visit a correction `supersedes`, so the correction goes through alone and the refused visit can go. Real
// server, both databases.
import { describe, expect, it } from 'vitest'
import { discardRejected } from '../../src/data/discard'
import { rejectedEntries } from '../../src/data/outbox'
import { saveVisit } from '../../src/data/visits'
import { addKader, TARGETS } from '../server/harness'
import { ok, syncSetup, T0, TODAY } from './phones'

describe.each(TARGETS)('discarding a corrected visit, on $name', (target) => {
  const { server, phone } = syncSetup(target)

  it('lets a refused visit go once the server has stored its correction', async () => {
    const kader = await addKader(server())
    const [a, b] = [phone('a'), phone('b')]
    await a.login(server().url, kader)
    const home = await a.addHousehold(kader.area, T0)
    const child = await a.addMember(home.id, T0)
    const weighing = { memberId: child.id, place: 'posyandu', parts: { balita: { weightKg: 12.1 } } }
    a.use()
    // A phone whose date is years ahead saves a visit the server finds in the future; the kader corrects its date.
    const wrong = ok(
      await saveVisit(
        { ...weighing, date: '2099-01-20' },
        { now: new Date(T0 + 1_000), today: '2099-01-20' },
      ),
    )
    const fix = ok(
      await saveVisit(
        { ...weighing, date: TODAY, supersedes: wrong.id },
        { now: new Date(T0 + 2_000), today: TODAY },
      ),
    )
    await a.sync()
    const refused = await rejectedEntries(a.db)
    expect(refused.map((e) => e.recordId)).toEqual([wrong.id])
    expect(await a.db.outbox.count()).toBe(1)

    expect(await discardRejected(refused[0]?.seq as number, { db: a.db })).toEqual({
      ok: true,
      record: 'removed',
    })
    await a.sync()
    expect(await a.db.outbox.count()).toBe(0)
    expect((await a.db.visits.toArray()).map((v) => v.id)).toEqual([fix.id])
    // Another phone of hers has the correction from the server, and nothing of the visit it corrects.
    await b.login(server().url, kader)
    await b.sync()
    expect((await b.db.visits.toArray()).map((v) => [v.id, v.supersedes])).toEqual([[fix.id, wrong.id]])
  })
})
