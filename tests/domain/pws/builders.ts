// Fixture builders for the PWS tests: records with only what the report reads, defaults filled in.
import { DEFAULT_CLINICAL_SETTINGS } from '../../../src/domain/clinical-settings'
import type { PwsFollowUp, PwsHousehold, PwsInput, PwsMember, PwsVisit } from '../../../src/domain/pws'
import type { VisitPayloadParts } from '../../../src/domain/visit-findings'

export function makeHousehold(id: string, overrides: Partial<PwsHousehold> = {}): PwsHousehold {
  return {
    id,
    headName: `Kepala ${id}`,
    address: { dusun: 'Krajan', rw: '001', rt: '001' },
    ...overrides,
  }
}

export function makeMember(
  id: string,
  householdId: string,
  sex: 'L' | 'P',
  birthDate: string,
  overrides: Partial<PwsMember> = {},
): PwsMember {
  return { id, householdId, name: `Nama ${id}`, sex, birthDate, ...overrides }
}

export function makeVisit(
  id: string,
  memberId: string,
  date: string,
  parts: VisitPayloadParts,
  overrides: Partial<PwsVisit> = {},
): PwsVisit {
  return { id, memberId, date, place: 'posyandu', parts, ...overrides }
}

export function makeFollowUp(
  visitId: string,
  findingCode: string,
  date: string,
  outcome: PwsFollowUp['outcome'],
): PwsFollowUp {
  return { visitId, findingCode, date, outcome }
}

export function makeInput(overrides: Partial<PwsInput> = {}): PwsInput {
  return {
    households: [],
    members: [],
    visits: [],
    followUps: [],
    month: '2024-03',
    settings: DEFAULT_CLINICAL_SETTINGS,
    ...overrides,
  }
}
