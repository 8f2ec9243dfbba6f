// The sync engine on two phones against the real reference server (tests/server/harness.ts): login and the local
// work area, push and pull, field-level merge and the conflict log, visits and follow-ups, refused changes kept
// on the phone, and a phone whose clock is wrong.
import { describe, expect, it } from 'vitest'
import { isInserts } from '../../src/data/outbox'
import {
  getConflictLog,
  getRecordSyncStatus,
  getRejectedChanges,
  getSyncState,
} from '../../src/data/sync-state'
import { logout } from '../../src/sync/auth'
import { clockKey } from '../../src/sync/clock'
import { SyncError } from '../../src/sync/errors'
import { addKader, Device, TARGETS } from '../server/harness'
import { type Phone, syncSetup, T0 } from './phones'

const HOUR = 3_600_000

describe.each(TARGETS)('sync engine on $name', (target) => {
  const { server, phone } = syncSetup(target)

  it('sends records made before login under the server work area, and a second phone receives them', async () => {
    const k = await addKader(server())
    const a = phone('a')
    const home = await a.addHousehold(undefined, T0, {
      address: { ...homeAddress(k.area) },
    })
    const siti = await a.addMember(home.id, T0 + 1000)
    expect(home.workAreaId).toBe('wilayah-lokal')
    expect((await getSyncState(a.db)).pending).toBe(2)

    await a.login(server().url, k)
    expect((await a.db.households.get(home.id))?.workAreaId).toBe(k.area.id)
    expect((await a.db.meta.get('workArea'))?.value).toMatchObject({ id: k.area.id, desa: k.area.desa })
    const run = await a.sync()
    expect(run).toMatchObject({ pushed: 2, rejected: 0 })
    expect(run.bytesSent).toBeGreaterThan(0)
    expect(run.bytesReceived).toBeGreaterThan(0)
    const state = await getSyncState(a.db)
    expect(state).toMatchObject({
      loggedIn: true,
      pending: 0,
      rejected: 0,
      lastSuccessAt: expect.any(String),
    })
    expect(state.progress).toBeUndefined()
    expect(await getRecordSyncStatus(home.id, a.db)).toEqual({ status: 'terkirim' })

    const b = phone('b')
    await b.login(server().url, k)
    await b.sync()
    expect(await b.db.households.get(home.id)).toMatchObject({
      headName: home.headName,
      workAreaId: k.area.id,
    })
    expect(await b.db.members.get(siti.id)).toMatchObject({ name: siti.name })
    expect(await b.state()).toEqual(await a.state())
  })

  it('merges edits of different fields of one household and logs a same-field conflict on the phone that saw it', async () => {
    const k = await addKader(server())
    const [a, b] = [phone('a'), phone('b')]
    await a.login(server().url, k)
    await b.login(server().url, k)
    const home = await a.addHousehold(k.area, T0)
    await a.sync()
    await b.sync()

    // Offline on both: a renames and sets the KK number; b renames later and sets the street.
    await a.editHousehold(home.id, T0 + 10_000, { headName: 'Dari A', noKk: '3301010101010001' })
    await b.editHousehold(home.id, T0 + 20_000, {
      headName: 'Dari B',
      address: { ...homeAddress(k.area), street: 'depan masjid' },
    })
    await a.sync()
    await b.sync()
    await a.sync()
    const expected = { headName: 'Dari B', noKk: '3301010101010001', address: { street: 'depan masjid' } }
    expect(await a.db.households.get(home.id)).toMatchObject(expected)
    expect(await b.state()).toEqual(await a.state())

    // b pulled a's rename while its own was unsent: one conflict, b's (newer) edit kept. No values are logged.
    const log = await getConflictLog({}, b.db)
    const [aId, bId] = [await deviceIdOf(a), await deviceIdOf(b)]
    expect(log).toEqual([
      {
        seq: 1,
        at: expect.any(String),
        entity: 'households',
        recordId: home.id,
        field: 'headName',
        localHlc: expect.stringMatching(new RegExp(`-${bId}$`)),
        remoteHlc: expect.stringMatching(new RegExp(`-${aId}$`)),
        winner: 'local',
      },
    ])
    expect(log[0]?.localHlc.localeCompare(log[0]?.remoteHlc ?? '')).toBe(1)
    expect(JSON.stringify(log)).not.toContain('Dari')
    expect(await getConflictLog({}, a.db)).toEqual([])
  })

  it('keeps an unsent local edit when an older server state is pulled, and a newer remote edit wins', async () => {
    const k = await addKader(server())
    const [a, b] = [phone('a'), phone('b')]
    await a.login(server().url, k)
    await b.login(server().url, k)
    const home = await a.addHousehold(k.area, T0)
    await a.sync()
    await b.sync()
    await b.editHousehold(home.id, T0 + 50_000, { headName: 'Baru dari B' })
    await a.editHousehold(home.id, T0 + 5_000, { headName: 'Lama dari A' })
    await b.sync()
    // a pulls b's newer name before sending its own: the server's wins, the conflict is logged as lost.
    await a.sync()
    expect(await a.db.households.get(home.id)).toMatchObject({ headName: 'Baru dari B' })
    expect(await getConflictLog({ recordId: home.id }, a.db)).toMatchObject([
      { field: 'headName', winner: 'remote' },
    ])
    await b.sync()
    expect(await b.state()).toEqual(await a.state())
  })

  it('syncs deletions as tombstones', async () => {
    const k = await addKader(server())
    const [a, b] = [phone('a'), phone('b')]
    await a.login(server().url, k)
    await b.login(server().url, k)
    const home = await a.addHousehold(k.area, T0)
    const m = await a.addMember(home.id, T0)
    await a.sync()
    await b.sync()
    await b.deleteHousehold(home.id, T0 + 60_000)
    await b.sync()
    await a.sync()
    expect(await a.db.households.get(home.id)).toMatchObject({ deleted: true })
    expect(await a.db.members.get(m.id)).toMatchObject({ deleted: true })
    expect(await b.state()).toEqual(await a.state())
  })

  it('syncs visits and follow-ups as immutable inserts, once', async () => {
    const k = await addKader(server())
    const [a, b] = [phone('a'), phone('b')]
    await a.login(server().url, k)
    await b.login(server().url, k)
    const home = await a.addHousehold(k.area, T0)
    const child = await a.addMember(home.id, T0, { name: 'Ani', birthDate: '2023-06-01', relation: 'anak' })
    const visit = await a.addVisit(child.id, T0 + 1000)
    const follow = await a.addFollowUp(visit.id, T0 + 2000)
    expect(await a.sync()).toMatchObject({ pushed: 4, rejected: 0 })
    await a.sync()
    await b.sync()
    expect(await b.db.visits.get(visit.id)).toMatchObject({
      memberId: child.id,
      householdId: home.id,
      workAreaId: k.area.id,
      parts: visit.parts,
    })
    expect(await b.db.followUps.get(follow.id)).toMatchObject({
      visitId: visit.id,
      outcome: 'sudah_ke_pustu',
    })
    const device = await Device.login(server().url, k.username, k.password)
    const { records } = await device.pullAll()
    expect([...records.values()].map((r) => r.entity).sort()).toEqual([
      'followUps',
      'households',
      'members',
      'visits',
    ])
    expect(records.get(visit.id)?.record).toMatchObject({ version: 1, parts: visit.parts })
  })

  it('keeps a change the server refuses on the phone, shows why, and sends the fix that supersedes it', async () => {
    const k = await addKader(server())
    const a = phone('a')
    // Outside the kader's area, written before the first login (the form checks the area only once it is known):
    // refused per change as forbidden.
    const away = await a.addHousehold(k.area, T0, { address: { ...homeAddress(k.area), desa: 'Desa Lain' } })
    await a.login(server().url, k)
    const good = await a.addHousehold(k.area, T0)
    // Written by an older app version whose rules were laxer (a "schema change"): refused as invalid.
    const stale = await a.addMember(good.id, T0)
    await a.db.members.update(stale.id, { phone: '12345' })
    await a.db.outbox
      .where('recordId')
      .equals(stale.id)
      .modify((e) => {
        if (!isInserts(e)) e.changedFields.push('phone')
      })
    await a.db.clocks.update(clockKey('members', stale.id), {
      'hlcs.phone': (await a.db.clocks.get(clockKey('members', stale.id)))?.hlcs.name,
    })

    const run = await a.sync()
    expect(run).toMatchObject({ pushed: 1, rejected: 2 })
    expect(await getRecordSyncStatus(away.id, a.db)).toEqual({
      status: 'ditolak',
      entity: 'households',
      rejection: {
        reason: 'forbidden',
        issues: [{ path: 'address', message: 'err.area' }],
        at: expect.any(String),
      },
    })
    expect(await getRecordSyncStatus(stale.id, a.db)).toMatchObject({
      status: 'ditolak',
      rejection: { reason: 'invalid', issues: [{ path: 'phone', message: 'err.phone' }] },
    })
    expect(await getSyncState(a.db)).toMatchObject({ pending: 0, rejected: 2 })
    expect((await getRejectedChanges(a.db)).map((r) => r.recordId).sort()).toEqual([away.id, stale.id].sort())
    // The records stay on the phone, and a further run does not send them again.
    expect(await a.db.households.get(away.id)).toBeDefined()
    expect(await a.db.members.get(stale.id)).toMatchObject({ phone: '12345' })
    expect(await a.sync()).toMatchObject({ pushed: 0, rejected: 0 })

    // The kader moves the household into the area: the new change carries the refused one's fields too.
    await a.editHousehold(away.id, T0 + 60_000, { address: homeAddress(k.area) })
    expect(await a.db.outbox.where('recordId').equals(away.id).count()).toBe(1)
    expect(await a.sync()).toMatchObject({ pushed: 1, rejected: 0 })
    expect(await getRecordSyncStatus(away.id, a.db)).toEqual({ status: 'terkirim' })
    expect(await getSyncState(a.db)).toMatchObject({ pending: 0, rejected: 1 })
  })

  it('sends a member refused because its household was refused, once the household is fixed', async () => {
    const k = await addKader(server())
    const a = phone('a')
    // Written before the first login, when the phone did not know its area yet.
    const away = await a.addHousehold(k.area, T0, { address: { ...homeAddress(k.area), desa: 'Desa Lain' } })
    const m = await a.addMember(away.id, T0)
    await a.login(server().url, k)
    expect(await a.sync()).toMatchObject({ pushed: 0, rejected: 2 })
    expect(await getRecordSyncStatus(m.id, a.db)).toMatchObject({
      status: 'ditolak',
      rejection: { reason: 'invalid', issues: [{ path: 'householdId', message: 'err.household.missing' }] },
    })
    await a.editHousehold(away.id, T0 + 1000, { address: homeAddress(k.area) })
    expect(await a.sync()).toMatchObject({ pushed: 2, rejected: 0 })
    expect(await getSyncState(a.db)).toMatchObject({ pending: 0, rejected: 0 })
  })

  it('warns about a phone clock days ahead, and re-stamps its refused edits once the clock is set right', async () => {
    const k = await addKader(server())
    const a = phone('a')
    const wrong = () => Date.now() + 48 * HOUR
    await a.login(server().url, k)
    const home = await a.addHousehold(k.area, wrong())
    const run = await a.sync({ now: wrong })
    expect(run).toMatchObject({ pushed: 0, rejected: 1 })
    const state = await getSyncState(a.db)
    expect(state.clockSkew).toMatchObject({ warning: true })
    expect(state.clockSkew?.skewMs).toBeGreaterThan(47 * HOUR)
    expect(await getRecordSyncStatus(home.id, a.db)).toMatchObject({
      status: 'ditolak',
      rejection: { reason: 'clock-skew' },
    })

    // The kader sets the date: the next run re-stamps the edit from the real time and sends it.
    expect(await a.sync()).toMatchObject({ pushed: 1, rejected: 0 })
    expect((await getSyncState(a.db)).clockSkew).toMatchObject({ warning: false })
    const stamp = (await a.db.clocks.get(clockKey('households', home.id)))?.hlcs.headName ?? ''
    expect(Date.parse(stamp.slice(0, 24))).toBeLessThan(Date.now() + 60_000)
    // And the device's clock is back: a new edit is not stamped in the future either.
    await a.editHousehold(home.id, Date.now(), { headName: 'Sesudah' })
    expect(await a.sync()).toMatchObject({ pushed: 1, rejected: 0 })
  })

  it('stamps edits after everything seen on a phone whose clock is days behind', async () => {
    const k = await addKader(server())
    const [a, b] = [phone('a'), phone('b')]
    await a.login(server().url, k)
    await b.login(server().url, k)
    const home = await a.addHousehold(k.area, Date.now())
    await a.sync()
    const behind = () => Date.now() - 72 * HOUR
    await b.sync({ now: behind })
    expect((await getSyncState(b.db)).clockSkew).toMatchObject({ warning: true })
    // b's wall clock says three days ago, but its edit follows a's, which it has seen.
    await b.editHousehold(home.id, behind(), { headName: 'Dari B' })
    await b.sync({ now: behind })
    await a.sync()
    expect(await a.db.households.get(home.id)).toMatchObject({ headName: 'Dari B' })
  })

  it('refuses a logout while changes wait; after a revoked token, keeps the outbox and refuses another area', async () => {
    const k = await addKader(server())
    const other = await addKader(server())
    const a = phone('a')
    await a.login(server().url, k)
    await a.addHousehold(k.area, T0)
    await expect(logout({ db: a.db })).rejects.toMatchObject({ name: 'UnsentChangesError', count: 1 })
    expect(await getSyncState(a.db)).toMatchObject({ loggedIn: true, pending: 1 })
    await server().admin.revokeTokens({ username: k.username })
    await expect(a.sync()).rejects.toMatchObject({ reason: 'unauthorized' })
    expect(await getSyncState(a.db)).toMatchObject({ loggedIn: false, needsLogin: true, pending: 1 })
    await expect(a.sync()).rejects.toMatchObject({ reason: 'not-logged-in' })
    const refused = await a.login(server().url, other).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(SyncError)
    expect(refused).toMatchObject({ reason: 'work-area-mismatch' })
    expect((await getSyncState(a.db)).workArea?.id).toBe(k.area.id)
    await a.login(server().url, k)
    expect(await a.sync()).toMatchObject({ pushed: 1 })
  })
})

async function deviceIdOf(p: Phone): Promise<string> {
  return String((await p.db.meta.get('deviceId'))?.value)
}

function homeAddress(area: { kabupaten: string; kecamatan: string; desa: string }) {
  return {
    kabupaten: area.kabupaten,
    kecamatan: area.kecamatan,
    desa: area.desa,
    dusun: 'Karanganyar',
    rw: '002',
    rt: '003',
  }
}
