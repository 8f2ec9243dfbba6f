// Phones for the sync tests: each its own IndexedDB database (fake-indexeddb), device id and login, driving the
// real data layer (write.ts, visits.ts) and the real engine against the real server (tests/server/harness.ts).
// The data layer writes to the app's current database, so every action first makes its phone's database current.
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { ServerOptions } from '../../server/index'
import { type KaderDb, openKaderDb, setDbForTests } from '../../src/data/db'
import { uuidv7 } from '../../src/data/ids'
import { saveFollowUp, saveVisit, saveVisits } from '../../src/data/visits'
import {
  deleteHousehold,
  deleteMember,
  saveHousehold,
  saveMember,
  type WriteResult,
} from '../../src/data/write'
import type { Household, HouseholdInput, Member, MemberInput } from '../../src/protocol/records'
import type { WorkAreaInfo } from '../../src/protocol/wire'
import { login } from '../../src/sync/auth'
import { type SyncOptions, syncNow } from '../../src/sync/engine'
import { householdInput, memberInput } from '../records'
import { START_TIMEOUT_MS, startTestServer, type Target, type TestServer } from '../server/harness'

export const TODAY = '2025-06-15'
export const T0 = Date.parse('2025-06-15T03:00:00.000Z')

export function ok<T>(result: WriteResult<T>): T {
  if (!result.ok) throw new Error(`write refused: ${JSON.stringify(result.errors)}`)
  return result.record
}

const weighing = (memberId: string, weightKg: number) => ({
  memberId,
  date: TODAY,
  place: 'posyandu',
  parts: { balita: { weightKg, lengthCm: 88.2, position: 'standing' } },
})

export class Phone {
  readonly db: KaderDb
  /** `dbName`: an account's database on this phone (crypto/accounts.ts); by default one of its own. */
  constructor(
    readonly label: string,
    dbName = `phone-${label}-${uuidv7()}`,
  ) {
    this.db = openKaderDb(dbName)
  }

  use(): KaderDb {
    setDbForTests(this.db)
    return this.db
  }

  async login(url: string, account: { username: string; password: string }) {
    this.use()
    return login(url, account.username, account.password, { db: this.db })
  }

  /** A run with instant retries (no real waiting) unless the test says otherwise. */
  sync(opts: SyncOptions = {}) {
    this.use()
    return syncNow({ db: this.db, sleep: async () => {}, ...opts })
  }

  async addHousehold(area: WorkAreaInfo | undefined, nowMs: number, overrides: Partial<HouseholdInput> = {}) {
    this.use()
    // Without an area: the phone's own, as before any login.
    return ok(await saveHousehold(householdInput(overrides, area), { now: new Date(nowMs) }))
  }

  async editHousehold(id: string, nowMs: number, changes: Partial<HouseholdInput>) {
    const db = this.use()
    const h = (await db.households.get(id)) as Household
    const { id: _id, createdAt: _c, updatedAt: _u, deviceId: _d, version: _v, deleted: _x, ...input } = h
    return saveHousehold({ ...input, ...changes }, { id, now: new Date(nowMs) })
  }

  async deleteHousehold(id: string, nowMs: number) {
    this.use()
    await deleteHousehold(id, { now: new Date(nowMs) })
  }

  async deleteMember(id: string, nowMs: number) {
    this.use()
    await deleteMember(id, { now: new Date(nowMs) })
  }

  async addMember(householdId: string, nowMs: number, overrides: Partial<MemberInput> = {}) {
    this.use()
    return ok(await saveMember(memberInput(householdId, overrides), { now: new Date(nowMs), today: TODAY }))
  }

  async editMember(id: string, nowMs: number, changes: Partial<MemberInput>) {
    const db = this.use()
    const m = (await db.members.get(id)) as Member
    const { id: _id, createdAt: _c, updatedAt: _u, deviceId: _d, version: _v, deleted: _x, ...input } = m
    return saveMember({ ...input, ...changes }, { id, now: new Date(nowMs), today: TODAY })
  }

  async addVisit(memberId: string, nowMs: number) {
    this.use()
    return ok(await saveVisit(weighing(memberId, 12.1), { now: new Date(nowMs), today: TODAY }))
  }

  /** `count` weighings saved together (saveVisits: one transaction, one outbox row). */
  async addVisits(memberId: string, nowMs: number, count: number) {
    this.use()
    const inputs = Array.from({ length: count }, (_, i) => weighing(memberId, 12 + i / 10))
    return (await saveVisits(inputs, { now: new Date(nowMs), today: TODAY })).map(ok)
  }

  async addFollowUp(visitId: string, nowMs: number) {
    this.use()
    return ok(
      await saveFollowUp(
        { visitId, findingCode: 'balita.bgm', date: TODAY, outcome: 'sudah_ke_pustu' },
        { now: new Date(nowMs), today: TODAY },
      ),
    )
  }

  /** What must be equal on two converged phones: every record, and every field's stamp. */
  async state() {
    const db = this.use()
    const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id))
    return {
      households: byId(await db.households.toArray()),
      members: byId(await db.members.toArray()),
      visits: byId(await db.visits.toArray()),
      followUps: byId(await db.followUps.toArray()),
      clocks: (await db.clocks.toArray())
        .map(({ key, hlcs }) => ({ key, hlcs }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    }
  }

  async close() {
    setDbForTests(undefined)
    await this.db.delete()
  }
}

/** Rate limits no sync test reaches (the limits themselves are tested in tests/server). */
const ROOMY: ServerOptions['limits'] = { perToken: { burst: 100_000, perMinute: 100_000 } }

/**
 * For one describe block: the real server on `target`, started once and closed after the block, and the phones its
 * tests make, closed (their databases deleted) after each test.
 */
export function syncSetup(target: Target, limits: ServerOptions['limits'] = ROOMY) {
  let running: TestServer | undefined
  const phones: Phone[] = []
  beforeAll(async () => {
    running = await startTestServer(target, { limits })
  }, START_TIMEOUT_MS)
  afterAll(() => running?.close())
  afterEach(async () => {
    for (const p of phones.splice(0)) await p.close()
  })
  return {
    /** The running server (inside a test or hook). */
    server(): TestServer {
      if (!running) throw new Error('the test server has not started')
      return running
    },
    phone(label: string, dbName?: string): Phone {
      const p = new Phone(label, dbName)
      phones.push(p)
      return p
    },
  }
}
