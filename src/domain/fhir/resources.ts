// One household member, one visit, as FHIR R4 resources: Patient (NIK as SATUSEHAT's identifier), Encounter for the
// visit, an Observation per measurement (LOINC, UCUM) and an Immunization per dose recorded. Pure mapping: the
// records come in as stored (data/schemas.ts, data/visit-schemas.ts satisfy these types); tests/domain/fhir checks
// the output against the FHIR R4 JSON schema.
import { IMMUNIZATION_SCHEDULE } from '../immunization'
import type { VisitPayloadParts } from '../visit-findings'
import {
  BLOOD_PRESSURE,
  ENCOUNTER_CLASSES,
  IMMUNIZATION_REASONS,
  MEASURES,
  type MeasureKey,
  SYSTEMS,
  VACCINES,
} from './codes'

// ——— Input: the fields the export reads ———

export interface FhirHousehold {
  id: string
  address: {
    kabupaten: string
    kecamatan: string
    desa: string
    dusun: string
    rw: string
    rt: string
    street?: string
  }
  deleted?: boolean
}

export interface FhirMember {
  id: string
  householdId: string
  nik?: string
  name: string
  sex: 'L' | 'P'
  /** 'YYYY-MM-DD' */
  birthDate: string
  phone?: string
  deleted?: boolean
}

export interface FhirVisit {
  id: string
  memberId: string
  /** 'YYYY-MM-DD' */
  date: string
  place: 'posyandu' | 'rumah'
  supersedes?: string
  parts: VisitPayloadParts
  /** The kader's name as written on the visit. */
  kader?: string
  deleted?: boolean
}

// ——— Output: the parts of the FHIR R4 resources written here ———

interface Coding {
  system: string
  code: string
  display?: string
}
interface CodeableConcept {
  coding?: Coding[]
  text?: string
}
interface Reference {
  reference?: string
  display?: string
}
interface Quantity {
  value: number
  unit: string
  system: string
  code: string
}

export interface Patient {
  resourceType: 'Patient'
  id: string
  identifier: { use?: 'official' | 'secondary'; system: string; value: string }[]
  name: { use: 'official'; text: string }[]
  telecom?: { system: 'phone'; value: string; use: 'mobile' }[]
  gender: 'male' | 'female'
  birthDate: string
  address: {
    use: 'home'
    text: string
    line: string[]
    district: string
    city: string
    country: 'ID'
  }[]
}

export interface Encounter {
  resourceType: 'Encounter'
  id: string
  status: 'finished'
  class: Coding
  type: CodeableConcept[]
  subject: Reference
  participant?: { individual: Reference }[]
  period: { start: string; end: string }
}

export interface Observation {
  resourceType: 'Observation'
  id: string
  status: 'final'
  category: CodeableConcept[]
  code: CodeableConcept
  subject: Reference
  encounter: Reference
  effectiveDateTime: string
  valueQuantity?: Quantity
  component?: { code: CodeableConcept; valueQuantity: Quantity }[]
}

export interface Immunization {
  resourceType: 'Immunization'
  id: string
  status: 'completed'
  vaccineCode: CodeableConcept
  patient: Reference
  encounter: Reference
  occurrenceDateTime: string
  /** The kader copies or reports the dose: she did not give it. */
  primarySource: false
  reasonCode: CodeableConcept[]
  protocolApplied: { doseNumberPositiveInt: number }[]
}

// ——— Mapping ———

const patientRef = (memberId: string): Reference => ({ reference: `Patient/${memberId}` })

export function patientResource(member: FhirMember, household: FhirHousehold): Patient {
  const a = household.address
  const rtRw = `RT ${a.rt} RW ${a.rw}`
  const line = [...(a.street ? [a.street] : []), `Dusun ${a.dusun}`, rtRw, `Desa ${a.desa}`]
  return {
    resourceType: 'Patient',
    id: member.id,
    identifier: [
      ...(member.nik ? [{ use: 'official' as const, system: SYSTEMS.nik, value: member.nik }] : []),
      { use: 'secondary', system: SYSTEMS.urn, value: `urn:uuid:${member.id}` },
    ],
    name: [{ use: 'official', text: member.name }],
    ...(member.phone ? { telecom: [{ system: 'phone', value: member.phone, use: 'mobile' }] } : {}),
    gender: member.sex === 'L' ? 'male' : 'female',
    birthDate: member.birthDate,
    address: [
      {
        use: 'home',
        text: [...line, `Kec. ${a.kecamatan}`, a.kabupaten].join(', '),
        line,
        district: a.kecamatan,
        city: a.kabupaten,
        country: 'ID',
      },
    ],
  }
}

export function encounterResource(visit: FhirVisit): Encounter {
  const klass = ENCOUNTER_CLASSES[visit.place]
  return {
    resourceType: 'Encounter',
    id: visit.id,
    status: 'finished',
    class: { system: SYSTEMS.actCode, code: klass.code, display: klass.display },
    type: [{ text: visit.place === 'posyandu' ? 'Kunjungan posyandu' : 'Kunjungan rumah' }],
    subject: patientRef(visit.memberId),
    ...(visit.kader ? { participant: [{ individual: { display: visit.kader } }] } : {}),
    period: { start: visit.date, end: visit.date },
  }
}

/** One measurement of a visit part: which LOINC code and the number. */
interface Reading {
  part: keyof VisitPayloadParts
  key: MeasureKey
  value: number
}

/** Every measurement the visit's parts hold, part by part (one visit can measure BP in two parts). */
function readings(parts: VisitPayloadParts): Reading[] {
  const found: Reading[] = []
  const add = (part: keyof VisitPayloadParts, key: MeasureKey, value: number | undefined) => {
    if (typeof value === 'number') found.push({ part, key, value })
  }
  const b = parts.balita
  if (b) {
    add('balita', 'weight', b.weightKg)
    add('balita', b.position === 'lying' ? 'length' : 'height', b.lengthCm)
    add('balita', 'head', b.headCm)
    add('balita', 'arm', b.armCm)
  }
  const r = parts.remaja
  if (r) {
    add('remaja', 'weight', r.weightKg)
    add('remaja', 'height', r.heightCm)
    add('remaja', 'haemoglobin', r.hbGdl)
    add('remaja', 'glucose', r.gdsMgDl)
  }
  for (const part of ['dewasa', 'lansia'] as const) {
    const d = parts[part]
    if (!d) continue
    add(part, 'weight', d.weightKg)
    add(part, 'height', d.heightCm)
    add(part, 'glucose', d.gdsMgDl)
  }
  add('lansia', 'arm', parts.lansia?.skilas?.lilaCm)
  const h = parts.ibu_hamil
  if (h) {
    add('ibu_hamil', 'arm', h.lilaCm)
    add('ibu_hamil', 'haemoglobin', h.hbGdl)
  }
  return found
}

const BP_PARTS = ['remaja', 'dewasa', 'lansia', 'ibu_hamil'] as const

const quantity = (value: number, unit: string): Quantity => ({
  value,
  unit,
  system: SYSTEMS.ucum,
  code: unit,
})
const category = (code: 'vital-signs' | 'laboratory'): CodeableConcept[] => [
  { coding: [{ system: SYSTEMS.observationCategory, code }] },
]
const loinc = (code: string, display: string): CodeableConcept => ({
  coding: [{ system: SYSTEMS.loinc, code, display }],
})

/**
 * The visit's measurements as Observations. Ids are the visit id, the part and the measure ('<visit>.ibu-hamil.bp'),
 * so an export run twice gives the same ids and a BP measured in two parts of one visit stays two readings.
 */
export function visitObservations(visit: FhirVisit): Observation[] {
  const base = {
    resourceType: 'Observation' as const,
    status: 'final' as const,
    subject: patientRef(visit.memberId),
    encounter: { reference: `Encounter/${visit.id}` },
    effectiveDateTime: visit.date,
  }
  const observations: Observation[] = readings(visit.parts).map(({ part, key, value }) => {
    const m = MEASURES[key]
    return {
      ...base,
      id: `${visit.id}.${idSegment(part)}.${key}`,
      category: category(m.category),
      code: loinc(m.loinc, m.display),
      valueQuantity: quantity(value, m.unit),
    }
  })
  for (const part of BP_PARTS) {
    const p = visit.parts[part]
    if (!p || (p.systolicMmHg === undefined && p.diastolicMmHg === undefined)) continue
    const component = [
      ...(p.systolicMmHg === undefined ? [] : [bpComponent('systolic', p.systolicMmHg)]),
      ...(p.diastolicMmHg === undefined ? [] : [bpComponent('diastolic', p.diastolicMmHg)]),
    ]
    observations.push({
      ...base,
      id: `${visit.id}.${idSegment(part)}.bp`,
      category: category('vital-signs'),
      code: loinc(BLOOD_PRESSURE.panel.loinc, BLOOD_PRESSURE.panel.display),
      component,
    })
  }
  return observations
}

/** A FHIR id allows letters, digits, '-' and '.' only. */
const idSegment = (part: string) => part.replaceAll('_', '-')

function bpComponent(which: 'systolic' | 'diastolic', value: number) {
  const c = BLOOD_PRESSURE[which]
  return { code: loinc(c.loinc, c.display), valueQuantity: quantity(value, BLOOD_PRESSURE.unit) }
}

/** The doses the visit's balita part records, each an Immunization on the visit date. */
export function visitImmunizations(visit: FhirVisit): Immunization[] {
  return (visit.parts.balita?.immunizations ?? []).map((d) => {
    const vaccine = VACCINES[d.antigen]
    const scheduled = IMMUNIZATION_SCHEDULE.find((s) => s.antigen === d.antigen && s.dose === d.dose)
    const reason = (scheduled?.ageMonths ?? 0) < 12 ? IMMUNIZATION_REASONS.dasar : IMMUNIZATION_REASONS.baduta
    return {
      resourceType: 'Immunization',
      id: `${visit.id}.${d.antigen}.${d.dose}`,
      status: 'completed',
      vaccineCode: {
        coding: [{ system: SYSTEMS.cvx, code: vaccine.cvx, display: vaccine.display }],
        text: `${d.antigen} ${d.dose}`,
      },
      patient: patientRef(visit.memberId),
      encounter: { reference: `Encounter/${visit.id}` },
      occurrenceDateTime: visit.date,
      primarySource: false,
      reasonCode: [{ coding: [{ system: SYSTEMS.immunizationReason, ...reason }] }],
      protocolApplied: [{ doseNumberPositiveInt: d.dose }],
    }
  })
}
