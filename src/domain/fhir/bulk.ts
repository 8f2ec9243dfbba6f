// A FHIR R4 bulk export of an area's records: one NDJSON text per resource type (FHIR Bulk Data Access: each line one
// resource, files split by type). What counts is what the PWS counts: households and members not deleted, current
// visits only (a visit a correction superseded is left out, the correction goes in), none dated before the birth.
import {
  type Encounter,
  encounterResource,
  type FhirHousehold,
  type FhirMember,
  type FhirVisit,
  type Immunization,
  type Observation,
  type Patient,
  patientResource,
  visitImmunizations,
  visitObservations,
} from './resources'

export const BULK_RESOURCE_TYPES = ['Patient', 'Encounter', 'Observation', 'Immunization'] as const
export type BulkResourceType = (typeof BULK_RESOURCE_TYPES)[number]

export interface BulkInput {
  households: readonly FhirHousehold[]
  members: readonly FhirMember[]
  visits: readonly FhirVisit[]
}

export interface BulkResources {
  Patient: Patient[]
  Encounter: Encounter[]
  Observation: Observation[]
  Immunization: Immunization[]
}

/** The resources, patients by id and everything else by visit date then id, so an export is reproducible. */
export function bulkResources(input: BulkInput): BulkResources {
  const households = new Map<string, FhirHousehold>()
  for (const h of input.households) if (!h.deleted) households.set(h.id, h)
  const members = new Map<string, FhirMember>()
  for (const m of input.members) if (!m.deleted && households.has(m.householdId)) members.set(m.id, m)

  const superseded = new Set<string>()
  for (const v of input.visits) if (!v.deleted && v.supersedes) superseded.add(v.supersedes)
  const visits = input.visits
    .filter((v) => {
      const member = members.get(v.memberId)
      return member && !v.deleted && !superseded.has(v.id) && v.date >= member.birthDate
    })
    .sort((a, b) => (a.date === b.date ? compare(a.id, b.id) : compare(a.date, b.date)))

  const patients = [...members.values()]
    .sort((a, b) => compare(a.id, b.id))
    .map((m) => patientResource(m, households.get(m.householdId) as FhirHousehold))
  return {
    Patient: patients,
    Encounter: visits.map(encounterResource),
    Observation: visits.flatMap(visitObservations),
    Immunization: visits.flatMap(visitImmunizations),
  }
}

/** The export as NDJSON per resource type ('' for a type with no resource). */
export function bulkNdjson(input: BulkInput): Record<BulkResourceType, string> {
  const resources = bulkResources(input)
  const ndjson = (list: readonly object[]) => list.map((r) => `${JSON.stringify(r)}\n`).join('')
  return {
    Patient: ndjson(resources.Patient),
    Encounter: ndjson(resources.Encounter),
    Observation: ndjson(resources.Observation),
    Immunization: ndjson(resources.Immunization),
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
