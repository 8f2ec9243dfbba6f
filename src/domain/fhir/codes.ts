// The code systems and codes of the FHIR R4 export (bulk.ts): identifier systems as SATUSEHAT (Kemenkes' national
// FHIR platform) uses them, LOINC codes with UCUM units for what a kader measures, CVX codes for the programme's
// vaccines, and the HL7 terminologies for encounter class and observation category.
import type { Antigen } from '../immunization'

export const SYSTEMS = {
  /** NIK as SATUSEHAT's Patient identifier (its master patient index searches `identifier=…/id/nik|<NIK>`). */
  nik: 'https://fhir.kemkes.go.id/id/nik',
  /** Our own record id, for a member without a NIK: a URN, RFC 3986. */
  urn: 'urn:ietf:rfc:3986',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  /** Kemenkes' immunisation-reason codes (IM-Dasar, IM-Baduta …) of the SATUSEHAT Immunization profile. */
  immunizationReason: 'http://terminology.kemkes.go.id/CodeSystem/immunization-reason',
} as const

export interface Measure {
  loinc: string
  display: string
  /** UCUM code; also the unit shown. */
  unit: string
  category: 'vital-signs' | 'laboratory'
}

// LOINC codes as the FHIR vital-signs profiles and common lab mappings use them; units are UCUM.
export const MEASURES = {
  weight: { loinc: '29463-7', display: 'Body weight', unit: 'kg', category: 'vital-signs' },
  height: { loinc: '8302-2', display: 'Body height', unit: 'cm', category: 'vital-signs' },
  /** Recumbent length of a child measured lying (PB, panjang badan). */
  length: { loinc: '8306-3', display: 'Body height --lying', unit: 'cm', category: 'vital-signs' },
  head: {
    loinc: '9843-4',
    display: 'Head Occipital-frontal circumference',
    unit: 'cm',
    category: 'vital-signs',
  },
  /** LiLA (lingkar lengan atas). */
  arm: { loinc: '56072-2', display: 'Mid upper arm circumference', unit: 'cm', category: 'vital-signs' },
  haemoglobin: {
    loinc: '718-7',
    display: 'Hemoglobin [Mass/volume] in Blood',
    unit: 'g/dL',
    category: 'laboratory',
  },
  /** Gula darah sewaktu at the posyandu: a finger-prick on a glucometer. */
  glucose: {
    loinc: '41653-7',
    display: 'Glucose [Mass/volume] in Capillary blood by Glucometer',
    unit: 'mg/dL',
    category: 'laboratory',
  },
} as const satisfies Record<string, Measure>
export type MeasureKey = keyof typeof MEASURES

export const BLOOD_PRESSURE = {
  panel: { loinc: '85354-9', display: 'Blood pressure panel with all children optional' },
  systolic: { loinc: '8480-6', display: 'Systolic blood pressure' },
  diastolic: { loinc: '8462-4', display: 'Diastolic blood pressure' },
  /** UCUM for millimetres of mercury. */
  unit: 'mm[Hg]',
} as const

/**
 * CVX code of each programme antigen (immunization.ts ANTIGENS). Where the product is not recorded, the
 * "unspecified formulation" code: the kader copies the antigen from the Buku KIA, not the brand.
 */
export const VACCINES: Record<Antigen, { cvx: string; display: string }> = {
  HB0: { cvx: '08', display: 'Hep B, adolescent or pediatric' },
  BCG: { cvx: '19', display: 'BCG' },
  OPV: { cvx: '182', display: 'OPV, Unspecified' },
  // The programme's DPT-HB-Hib is a whole-cell pentavalent vaccine made outside the US.
  'DPT-HB-Hib': { cvx: '198', display: 'DTP-hepB-Hib Pentavalent Non-US' },
  PCV: { cvx: '152', display: 'Pneumococcal Conjugate, unspecified formulation' },
  RV: { cvx: '122', display: 'rotavirus, unspecified formulation' },
  IPV: { cvx: '10', display: 'IPV' },
  MR: { cvx: '04', display: 'M/R' },
  JE: { cvx: '129', display: 'Japanese Encephalitis, unspecified formulation' },
}

/** Kemenkes immunisation reason: doses before 12 months are imunisasi dasar, later ones lanjutan baduta. */
export const IMMUNIZATION_REASONS = {
  dasar: { code: 'IM-Dasar', display: 'Imunisasi Program Rutin Dasar' },
  baduta: { code: 'IM-Baduta', display: 'Imunisasi Program Rutin Lanjutan Bawah Dua Tahun' },
} as const

/** v3 ActCode encounter class: the posyandu is a community place outside a facility; a home visit is home health. */
export const ENCOUNTER_CLASSES = {
  posyandu: { code: 'FLD', display: 'field' },
  rumah: { code: 'HH', display: 'home health' },
} as const
