// Builders and a per-test database for the data-layer tests.
import { afterEach, beforeEach } from 'vitest'
import { type KaderDb, openKaderDb, setDbForTests } from '../../src/data/db'
import { uuidv7 } from '../../src/data/ids'
import type { Household, HouseholdInput, Member, MemberInput } from '../../src/protocol/records'

export const TODAY = '2025-06-15'
export const NOW = new Date('2025-06-15T03:00:00.000Z')
export const LATER = new Date('2025-06-16T04:30:00.000Z')
export const WORK_AREA = 'wilayah-lokal'

// Valid NIKs for the people below: kecamatan 330101, day (+40 for women), month, yy, serial.
export const NIK_SITI = '3301015204900001' // P, 12-04-1990
export const NIK_BUDI = '3301010501880002' // L, 05-01-1988

/** Opens a freshly named database for each test and deletes it afterwards; returns a getter for it. */
export function withTestDb(): () => KaderDb {
  let db: KaderDb | undefined
  beforeEach(() => {
    db = openKaderDb(`test-${uuidv7()}`)
    setDbForTests(db)
  })
  afterEach(async () => {
    setDbForTests(undefined)
    await db?.delete()
  })
  return () => {
    if (!db) throw new Error('withTestDb: no database outside a test')
    return db
  }
}

export function householdInput(overrides: Partial<HouseholdInput> = {}): HouseholdInput {
  return {
    workAreaId: WORK_AREA,
    headName: 'Budi Santoso',
    address: {
      kabupaten: 'Cilacap',
      kecamatan: 'Dayeuhluhur',
      desa: 'Bolang',
      dusun: 'Karanganyar',
      rw: '2',
      rt: '3',
    },
    ...overrides,
  }
}

export function memberInput(householdId: string, overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    householdId,
    name: 'Siti Aminah',
    sex: 'P',
    birthDate: '1990-04-12',
    relation: 'istri',
    ...overrides,
  }
}

const meta = (id = uuidv7()) => ({
  id,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  deviceId: 'device-test',
  version: 1,
  deleted: false,
})

export function makeHousehold(
  overrides: Omit<Partial<Household>, 'address'> & { address?: Partial<Household['address']> } = {},
): Household {
  const { address, ...rest } = overrides
  const input = householdInput()
  return { ...meta(), ...input, ...rest, address: { ...input.address, rw: '002', rt: '003', ...address } }
}

export function makeMember(householdId: string, overrides: Partial<Member> = {}): Member {
  return { ...meta(), ...memberInput(householdId), ...overrides }
}
