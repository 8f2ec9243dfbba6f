// After each run the phone reports its outbox counts, which the supervisor's wilayah binaan shows per kader.
import { describe, expect, it } from 'vitest'
import { setRole } from '../../server/roles'
import type { BinaanResponse, KaderSync } from '../../src/protocol/supervisor'
import { addKader, api, Device, TARGETS } from '../server/harness'
import { syncSetup, T0 } from './phones'

describe.each(TARGETS)('outbox report after a sync run, on $name', (target) => {
  const { server, phone } = syncSetup(target)

  it('shows the supervisor what the phone holds refused after each run', async () => {
    const k = await addKader(server())
    const bidan = `bidan-${k.area.id}`
    await server().admin.addUser({ username: bidan, password: 'rahasia-123', workAreaId: k.area.id })
    await setRole(server().db, bidan, 'bidan')
    const supervisor = await Device.login(server().url, bidan, 'rahasia-123', 'bidan-phone')
    const kaderRow = async (): Promise<KaderSync | undefined> => {
      const res = await api<BinaanResponse>(server().url, 'GET', '/binaan', { token: supervisor.token })
      return res.body.areas[0]?.kaders.find((r) => r.username === k.username)
    }

    const p = phone('a')
    await p.login(server().url, k)
    const home = await p.addHousehold(k.area, T0)
    const child = await p.addMember(home.id, T0 + 1, { birthDate: '2023-03-01', relation: 'anak' })
    await p.sync()
    const first = await kaderRow()
    expect(first).toMatchObject({ pending: 0, rejected: 0 })

    // A visit an older app version stored with a value the server no longer accepts: refused, kept on the phone.
    const [bad] = await p.addVisits(child.id, T0 + 2, 2)
    await p.db.visits.update(bad?.id ?? '', { place: 'pasar' as 'rumah' })
    await p.sync()
    const second = await kaderRow()
    expect(second).toMatchObject({ pending: 0, rejected: 1 })
    expect(Date.parse(second?.lastSync ?? '')).toBeGreaterThanOrEqual(Date.parse(first?.lastSync ?? ''))
  })
})
