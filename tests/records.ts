// Input builders for a household and a member — what a kader types — shared by the app's tests (tests/data
// fixtures) and the server's (tests/server/harness.ts). Pure: no database, no test hooks.

import type { HouseholdInput, MemberInput } from '../src/protocol/records'
import type { WorkAreaInfo } from '../src/protocol/wire'

/** The work area of a phone that has not logged in (data/meta.ts). */
export const WORK_AREA = 'wilayah-lokal'

const LOCAL_AREA: WorkAreaInfo = {
  id: WORK_AREA,
  kabupaten: 'Cilacap',
  kecamatan: 'Dayeuhluhur',
  desa: 'Bolang',
}

/** A household in `area` (by default the phone's own, Bolang, Dayeuhluhur), at Karanganyar RW 002 RT 003. */
export function householdInput(
  overrides: Partial<HouseholdInput> = {},
  area: WorkAreaInfo = LOCAL_AREA,
): HouseholdInput {
  return {
    workAreaId: area.id,
    headName: 'Budi Santoso',
    address: {
      kabupaten: area.kabupaten,
      kecamatan: area.kecamatan,
      desa: area.desa,
      dusun: area.dusun ?? 'Karanganyar',
      rw: area.rw ?? '002',
      rt: area.rt ?? '003',
    },
    ...overrides,
  }
}

/** Siti Aminah, born 12 April 1990, the head's wife. */
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
