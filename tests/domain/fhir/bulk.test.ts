import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator'
import { describe, expect, it } from 'vitest'
import {
  BULK_RESOURCE_TYPES,
  type BulkInput,
  bulkNdjson,
  bulkResources,
  type FhirVisit,
  type Observation,
} from '../../../src/domain/fhir'

// The FHIR R4 JSON schema (hl7.org/fhir/R4/fhir.schema.json) as the package ships it.
const schema = new JSONSchemaValidator()
// Not verbose: the errors of the resource's own type, not of every type the schema's oneOf tried.
const errorsOf = (resource: unknown) => schema.validate(resource)

const address = {
  kabupaten: 'Cilacap',
  kecamatan: 'Dayeuhluhur',
  desa: 'Bolang',
  dusun: 'Krajan',
  rw: '002',
  rt: '003',
}
const NIK = '3301234509870001'

function visit(id: string, memberId: string, date: string, parts: FhirVisit['parts'], extra = {}): FhirVisit {
  return { id, memberId, date, place: 'posyandu', parts, ...extra }
}

// Ids are UUIDs, as stored.
const id = (n: number) => `0190f0aa-0000-7000-8000-${String(n).padStart(12, '0')}`
const [HH, HH_GONE, SITI, BAYU, DEDI, GONE] = [1, 2, 3, 4, 5, 6].map(id) as [
  string,
  string,
  string,
  string,
  string,
  string,
]
const [V_BAYU, V_SITI, V_DEDI_OLD, V_DEDI_FIX, V_DEDI_DELETED, V_BEFORE_BIRTH, V_GONE] = [
  11, 12, 13, 14, 15, 16, 17,
].map(id) as [string, string, string, string, string, string, string]

const INPUT: BulkInput = {
  households: [
    { id: HH, address: { ...address, street: 'Jl. Mawar 4' } },
    { id: HH_GONE, address, deleted: true },
  ],
  members: [
    {
      id: SITI,
      householdId: HH,
      nik: NIK,
      name: 'Siti Aminah',
      sex: 'P',
      birthDate: '1998-02-03',
      phone: '081234567890',
    },
    { id: BAYU, householdId: HH, name: 'Bayu', sex: 'L', birthDate: '2024-01-10' },
    { id: DEDI, householdId: HH, name: 'Dedi', sex: 'L', birthDate: '1970-05-05' },
    { id: GONE, householdId: HH_GONE, name: 'Pindah', sex: 'L', birthDate: '1980-01-01' },
  ],
  visits: [
    visit(V_BAYU, BAYU, '2024-03-12', {
      balita: {
        weightKg: 5.6,
        lengthCm: 58.5,
        position: 'lying',
        headCm: 39.2,
        armCm: 12.1,
        immunizations: [
          { antigen: 'DPT-HB-Hib', dose: 1 },
          { antigen: 'OPV', dose: 2 },
        ],
      },
    }),
    visit(
      V_SITI,
      SITI,
      '2024-03-12',
      {
        ibu_hamil: { lilaCm: 23, hbGdl: 10.4, systolicMmHg: 120, diastolicMmHg: 80 },
        dewasa: { weightKg: 55.2, systolicMmHg: 118 },
      },
      { place: 'rumah', kader: 'Bu Wati' },
    ),
    visit(V_DEDI_OLD, DEDI, '2024-03-12', { dewasa: { systolicMmHg: 150, diastolicMmHg: 95 } }),
    visit(
      V_DEDI_FIX,
      DEDI,
      '2024-03-12',
      { dewasa: { systolicMmHg: 135, diastolicMmHg: 85, gdsMgDl: 210 } },
      { supersedes: V_DEDI_OLD },
    ),
    visit(V_DEDI_DELETED, DEDI, '2024-03-20', { dewasa: { weightKg: 70 } }, { deleted: true }),
    visit(V_BEFORE_BIRTH, BAYU, '2023-12-01', { balita: { weightKg: 3 } }),
    visit(V_GONE, GONE, '2024-03-12', { dewasa: { weightKg: 60 } }),
  ],
}

const out = bulkResources(INPUT)

describe('FHIR R4 bulk export', () => {
  it('every resource validates against the FHIR R4 JSON schema', () => {
    const all: { id: string }[] = BULK_RESOURCE_TYPES.flatMap((type): { id: string }[] => out[type])
    expect(all.length).toBe(3 + 3 + 11 + 2)
    for (const resource of all)
      expect({ id: resource.id, errors: errorsOf(resource) }).toEqual({ id: resource.id, errors: [] })
  })

  it('the schema check can fail: a quantity as text, an unknown field, an id with "_", a bad gender', () => {
    const weight = out.Observation[0] as Observation
    const broken = [
      { ...weight, valueQuantity: { ...weight.valueQuantity, value: '5,6' } },
      { ...weight, weight: 5.6 },
      { ...weight, id: `${V_SITI}.ibu_hamil.arm` },
      { ...out.Patient[0], gender: 'L' },
    ]
    for (const resource of broken) expect(errorsOf(resource).length).toBeGreaterThan(0)
  })

  it('Patient: NIK under the SATUSEHAT system, our id as a URN, sex, address down to RT/RW', () => {
    const siti = out.Patient.find((p) => p.id === SITI)
    expect(siti?.identifier).toEqual([
      { use: 'official', system: 'https://fhir.kemkes.go.id/id/nik', value: NIK },
      { use: 'secondary', system: 'urn:ietf:rfc:3986', value: `urn:uuid:${SITI}` },
    ])
    expect(siti?.gender).toBe('female')
    expect(siti?.telecom).toEqual([{ system: 'phone', value: '081234567890', use: 'mobile' }])
    expect(siti?.address[0]?.line).toEqual(['Jl. Mawar 4', 'Dusun Krajan', 'RT 003 RW 002', 'Desa Bolang'])
    expect(siti?.address[0]?.district).toBe('Dayeuhluhur')
    const bayu = out.Patient.find((p) => p.id === BAYU)
    expect(bayu?.identifier.map((i) => i.system)).toEqual(['urn:ietf:rfc:3986'])
    expect(bayu?.gender).toBe('male')
  })

  it('leaves out deleted households and their members, superseded and deleted visits, visits before birth', () => {
    expect(out.Patient.map((p) => p.id)).toEqual([SITI, BAYU, DEDI])
    expect(out.Encounter.map((e) => e.id)).toEqual([V_BAYU, V_SITI, V_DEDI_FIX])
    const visitIds = new Set(out.Observation.map((o) => o.encounter.reference))
    expect(visitIds).toEqual(new Set([V_BAYU, V_SITI, V_DEDI_FIX].map((v) => `Encounter/${v}`)))
  })

  it('Encounter per visit: posyandu is a field encounter, a home visit home health; the kader takes part', () => {
    const [bayu, siti] = out.Encounter
    expect(bayu?.class).toMatchObject({
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: 'FLD',
    })
    expect(siti?.class.code).toBe('HH')
    expect(siti?.participant).toEqual([{ individual: { display: 'Bu Wati' } }])
    expect(siti?.subject).toEqual({ reference: `Patient/${SITI}` })
    expect(siti?.period).toEqual({ start: '2024-03-12', end: '2024-03-12' })
  })

  it('Observations: LOINC code and UCUM unit per measurement, lying length as 8306-3', () => {
    const row = (o: Observation) => [
      o.id.slice(V_BAYU.length + 1),
      o.code.coding?.[0]?.code,
      o.valueQuantity?.value,
      o.valueQuantity?.code,
      o.category[0]?.coding?.[0]?.code,
    ]
    const ofVisit = (v: string) => out.Observation.filter((o) => o.id.startsWith(v)).map(row)
    expect(ofVisit(V_BAYU)).toEqual([
      ['balita.weight', '29463-7', 5.6, 'kg', 'vital-signs'],
      ['balita.length', '8306-3', 58.5, 'cm', 'vital-signs'],
      ['balita.head', '9843-4', 39.2, 'cm', 'vital-signs'],
      ['balita.arm', '56072-2', 12.1, 'cm', 'vital-signs'],
    ])
    expect(ofVisit(V_SITI)).toEqual([
      ['dewasa.weight', '29463-7', 55.2, 'kg', 'vital-signs'],
      ['ibu-hamil.arm', '56072-2', 23, 'cm', 'vital-signs'],
      ['ibu-hamil.haemoglobin', '718-7', 10.4, 'g/dL', 'laboratory'],
      ['dewasa.bp', '85354-9', undefined, undefined, 'vital-signs'],
      ['ibu-hamil.bp', '85354-9', undefined, undefined, 'vital-signs'],
    ])
    expect(ofVisit(V_DEDI_FIX)).toEqual([
      ['dewasa.glucose', '41653-7', 210, 'mg/dL', 'laboratory'],
      ['dewasa.bp', '85354-9', undefined, undefined, 'vital-signs'],
    ])
  })

  it('blood pressure: a panel with the systolic and diastolic components that were measured, in mm[Hg]', () => {
    const bp = (key: string) => out.Observation.find((o) => o.id === key)?.component
    expect(bp(`${V_SITI}.ibu-hamil.bp`)).toEqual([
      {
        code: {
          coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }],
        },
        valueQuantity: { value: 120, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      },
      {
        code: {
          coding: [{ system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' }],
        },
        valueQuantity: { value: 80, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      },
    ])
    expect(bp(`${V_SITI}.dewasa.bp`)?.map((c) => c.code.coding?.[0]?.code)).toEqual(['8480-6'])
  })

  it('Immunization per dose: CVX code, dose number, imunisasi dasar, reported (not given) by the kader', () => {
    expect(
      out.Immunization.map((i) => [
        i.id,
        i.vaccineCode.coding?.[0]?.code,
        i.vaccineCode.text,
        i.protocolApplied[0]?.doseNumberPositiveInt,
        i.reasonCode[0]?.coding?.[0]?.code,
        i.occurrenceDateTime,
        i.primarySource,
      ]),
    ).toEqual([
      [`${V_BAYU}.DPT-HB-Hib.1`, '198', 'DPT-HB-Hib 1', 1, 'IM-Dasar', '2024-03-12', false],
      [`${V_BAYU}.OPV.2`, '182', 'OPV 2', 2, 'IM-Dasar', '2024-03-12', false],
    ])
  })

  it('NDJSON: one resource per line per type, the same resources', () => {
    const files = bulkNdjson(INPUT)
    for (const type of BULK_RESOURCE_TYPES) {
      const lines = files[type].split('\n')
      expect(lines.pop()).toBe('')
      expect(lines.map((l) => JSON.parse(l))).toEqual(out[type])
    }
    expect(bulkNdjson({ households: [], members: [], visits: [] }).Immunization).toBe('')
  })
})
