// FHIR R4 export of an area's records (issue 15 §4): the server's bulk export endpoint serves these NDJSON texts.
export { BULK_RESOURCE_TYPES, type BulkInput, type BulkResourceType, bulkNdjson, bulkResources } from './bulk'
export { BLOOD_PRESSURE, MEASURES, SYSTEMS, VACCINES } from './codes'
export {
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
