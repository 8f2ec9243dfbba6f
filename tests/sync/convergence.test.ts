// Property: two phones of one kader area, editing offline in any interleaving — different households, the same
// household, the same field, deletions, new members — and syncing in any order, end with the same records and
// the same field stamps as each other once both have synced, with nothing left in either outbox.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getSyncState } from '../../src/data/sync-state'
import { addKader, Device, TARGETS } from '../server/harness'
import { Phone, syncSetup, T0 } from './phones'

type Op =
  | { kind: 'head' | 'kk' | 'street' | 'delete' | 'member'; phone: 0 | 1; target: number; n: number }
  | { kind: 'add' | 'sync'; phone: 0 | 1; target: number; n: number }

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('head', 'head', 'kk', 'street', 'delete', 'member', 'add', 'sync', 'sync'),
  phone: fc.constantFrom(0 as const, 1 as const),
  target: fc.nat(5),
  n: fc.nat(9),
})

describe.each(TARGETS)('convergence on $name', (target) => {
  const { server } = syncSetup(target)

  it('two phones converge whatever they edit and in whatever order they sync', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const k = await addKader(server())
        const phones = [new Phone('a'), new Phone('b')] as const
        try {
          for (const p of phones) await p.login(server().url, k)
          const [a] = phones
          for (const i of [0, 1]) {
            const h = await a.addHousehold(k.area, T0 + i, { headName: `Awal ${i}` })
            await a.addMember(h.id, T0 + i)
          }
          for (const p of phones) await p.sync()

          // Every edit made: which field of which record, its stamp and value. The newest must be what stays.
          const made: { key: string; id: string; field: string; hlc: string; value: unknown }[] = []
          const note = async (p: Phone, id: string, field: string) => {
            const key = `households:${id}`
            const row = await p.db.households.get(id)
            const hlc = (await p.db.clocks.get(key))?.hlcs[field]
            if (row && hlc) made.push({ key, id, field, hlc, value: (row as Record<string, unknown>)[field] })
          }
          for (const [i, o] of ops.entries()) {
            const p = phones[o.phone]
            const at = T0 + 1000 * (i + 1)
            const homes = (await p.db.households.toArray()).sort((x, y) => x.id.localeCompare(y.id))
            const home = homes[o.target % homes.length]
            if (!home) continue
            if (o.kind === 'sync') await p.sync()
            else if (o.kind === 'add') await p.addHousehold(k.area, at, { headName: `Baru ${o.n}` })
            else if (o.kind === 'head') {
              await p.editHousehold(home.id, at, { headName: `Nama ${o.n}` })
              await note(p, home.id, 'headName')
            } else if (o.kind === 'kk') {
              await p.editHousehold(home.id, at, { noKk: o.n === 0 ? undefined : `330101010101000${o.n}` })
              await note(p, home.id, 'noKk')
            } else if (o.kind === 'street') {
              await p.editHousehold(home.id, at, { address: { ...home.address, street: `Jalan ${o.n}` } })
              await note(p, home.id, 'address')
            } else if (o.kind === 'delete') {
              await p.deleteHousehold(home.id, at)
              await note(p, home.id, 'deleted')
            } else {
              const members = await p.db.members.where('householdId').equals(home.id).toArray()
              const m = members[0]
              if (m) await p.editMember(m.id, at, { name: `Anggota ${o.n}` })
              else if (!home.deleted) await p.addMember(home.id, at, { name: `Anggota ${o.n}` })
            }
          }

          const [first, second] = [phones[0], phones[1]]
          await first.sync()
          await second.sync()
          await first.sync()
          const [sa, sb] = [await first.state(), await second.state()]
          expect(sb).toEqual(sa)
          const newest = new Map<string, (typeof made)[number]>()
          for (const e of made) {
            const seen = newest.get(`${e.key}.${e.field}`)
            if (!seen || e.hlc > seen.hlc) newest.set(`${e.key}.${e.field}`, e)
          }
          for (const e of newest.values()) {
            expect(sa.clocks.find((c) => c.key === e.key)?.hlcs[e.field]).toBe(e.hlc)
            const final = sa.households.find((h) => h.id === e.id) as Record<string, unknown> | undefined
            expect(final?.[e.field]).toEqual(e.value)
          }
          for (const p of phones) expect(await getSyncState(p.db)).toMatchObject({ pending: 0, rejected: 0 })
          // And the server holds exactly what the phones hold.
          const device = await Device.login(server().url, k.username, k.password)
          const { records } = await device.pullAll()
          expect(records.size).toBe(sa.households.length + sa.members.length)
          for (const h of sa.households) expect(records.get(h.id)?.record).toEqual(h)
        } finally {
          for (const p of phones) await p.close()
        }
      }),
      { numRuns: 15 },
    )
  }, 120_000)
})
