// The screening payload of each form part, as stored in a visit (visits.ts). The shapes mirror the domain's input
// types (src/domain/screening) exactly — the compile-time checks at the bottom fail the build if one drifts — so the
// stored payload is exactly what the rules read. Every field is optional (not measured, not asked).
//
// The ranges here are HARD: a value outside them is a typo (a missing or extra digit, a decimal comma in the wrong
// place), never a real person, and is refused. Extreme-but-possible values are SOFT and only need the kader's
// confirmation: src/domain/plausibility.ts. Range bounds are project choices, each wide enough to hold every real
// value the WHO tables and the clinical literature record, so that only impossible entries are refused.
import * as z from 'zod/mini'
import { ANTIGENS, IMMUNIZATION_SCHEDULE } from '../domain/immunization'
import { BALITA_DANGER_SIGNS, type BalitaScreening } from '../domain/screening/balita-part'
import { SMOKING } from '../domain/screening/common-part'
import { type DewasaScreening, KB_METHODS, TBC_SYMPTOMS } from '../domain/screening/dewasa-part'
import { IBU_HAMIL_DANGER_SIGNS, type IbuHamilScreening } from '../domain/screening/ibu-hamil-part'
import { AKS_ITEM_MAX, type AKS_ITEMS, type LansiaScreening } from '../domain/screening/lansia-part'
import { KN_CONTACTS, NEONATUS_DANGER_SIGNS, type NeonatusScreening } from '../domain/screening/neonatus-part'
import { KF_CONTACTS, NIFAS_DANGER_SIGNS, type NifasScreening } from '../domain/screening/nifas-part'
import type { RemajaScreening } from '../domain/screening/remaja'
import { errorKey } from './error-messages'

/** A hard range: inclusive bounds, the unit shown with the number, and whether only whole numbers are allowed. */
export interface Range {
  min: number
  max: number
  /** Language-neutral symbol ('kg', 'cm', 'mmHg' …); '' for counts. */
  unit: string
  integer?: boolean
}

/** Hard plausible ranges (project choice; see the header). The UI shows them with the field. */
export const RANGES = {
  weightKg: { min: 0.5, max: 250, unit: 'kg' },
  /** 0–71 months: the heaviest WHO 2006 +5 SD at 71 months is ≈ 35 kg. */
  balitaWeightKg: { min: 0.5, max: 40, unit: 'kg' },
  heightCm: { min: 30, max: 230, unit: 'cm' },
  /** 0–71 months: WHO 2006 length/height tables run 45–≈ 125 cm at ±5 SD. */
  balitaLengthCm: { min: 35, max: 130, unit: 'cm' },
  headCm: { min: 20, max: 60, unit: 'cm' },
  lilaCm: { min: 5, max: 60, unit: 'cm' },
  waistCm: { min: 30, max: 250, unit: 'cm' },
  systolicMmHg: { min: 50, max: 300, unit: 'mmHg' },
  diastolicMmHg: { min: 30, max: 200, unit: 'mmHg' },
  hbGdl: { min: 2, max: 25, unit: 'g/dL' },
  gdsMgDl: { min: 20, max: 800, unit: 'mg/dL' },
  temperatureC: { min: 30, max: 45, unit: '°C' },
  /** A z-score the growth engine computed; beyond ±10 the measurement behind it was a typo. */
  zScore: { min: -10, max: 10, unit: 'SD' },
  /** TTD in one pregnancy: up to 2 a day for 300 days. */
  ttdTablets: { min: 0, max: 600, unit: '', integer: true },
  cigarettesPerDay: { min: 0, max: 100, unit: '', integer: true },
  smokingYears: { min: 0, max: 100, unit: '', integer: true },
  chairStandSeconds: { min: 1, max: 300, unit: 's' },
  wordsRecalled: { min: 0, max: 3, unit: '', integer: true },
  twoItemScore: { min: 0, max: 3, unit: '', integer: true },
} as const satisfies Record<string, Range>

const fmt = (n: number) => String(n)

/** A measurement within `range`: 'err.visit.number' when not a number, 'err.visit.range' {min, max, unit} outside. */
export function measure(range: Range) {
  const params = { min: fmt(range.min), max: fmt(range.max), unit: range.unit }
  const base = range.integer
    ? z.int({ error: errorKey('err.visit.integer') })
    : z.number({ error: errorKey('err.visit.number') })
  return base.check(
    z.refine((n: number) => n >= range.min && n <= range.max, {
      error: errorKey(range.integer ? 'err.visit.count' : 'err.visit.range'),
      params,
    }),
  )
}

const opt = <T extends z.ZodMiniType>(schema: T) => z.optional(schema)
const yesNo = opt(z.boolean({ error: errorKey('err.invalid') }))
const date = z.iso.date({ error: errorKey('err.date') })
const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, errorKey('err.visit.time')))
const checklist = <const T extends readonly [string, ...string[]]>(items: T) =>
  opt(z.array(z.enum(items, { error: errorKey('err.invalid') })))

// Diastolic must be below systolic: the two numbers typed the wrong way round are the commonest BP typo.
interface Bp {
  systolicMmHg?: number
  diastolicMmHg?: number
}
function bpOrder(v: Bp): boolean {
  const { systolicMmHg: sys, diastolicMmHg: dia } = v
  return sys === undefined || dia === undefined || dia < sys
}
const bpOrderCheck = z.refine<Bp>(bpOrder, { error: errorKey('err.visit.bpOrder'), path: ['diastolicMmHg'] })
const bp = {
  systolicMmHg: opt(measure(RANGES.systolicMmHg)),
  diastolicMmHg: opt(measure(RANGES.diastolicMmHg)),
}

const SCHEDULED = new Set(IMMUNIZATION_SCHEDULE.map((d) => `${d.antigen} ${d.dose}`))
const doseGiven = z
  .object({
    antigen: z.enum(ANTIGENS, { error: errorKey('err.invalid') }),
    dose: z.int({ error: errorKey('err.invalid') }),
  })
  .check(
    z.refine((d) => SCHEDULED.has(`${d.antigen} ${d.dose}`), {
      error: errorKey('err.visit.dose'),
      path: ['dose'],
    }),
  )

export const balitaPart = z.object({
  weightKg: opt(measure(RANGES.balitaWeightKg)),
  lengthCm: opt(measure(RANGES.balitaLengthCm)),
  position: opt(z.enum(['lying', 'standing'], { error: errorKey('err.visit.position') })),
  headCm: opt(measure(RANGES.headCm)),
  armCm: opt(measure(RANGES.lilaCm)),
  oedema: yesNo,
  immunizations: opt(z.array(doseGiven)),
  vitaminA: yesNo,
  obatCacing: yesNo,
  asiEksklusif: yesNo,
  temperatureC: opt(measure(RANGES.temperatureC)),
  dangerSigns: checklist(BALITA_DANGER_SIGNS),
})

const contactVisit = <const C extends readonly [string, ...string[]]>(contacts: C) =>
  z.object({ contact: z.enum(contacts, { error: errorKey('err.invalid') }), date, time: opt(time) })

export const neonatusPart = z.object({
  birthTime: opt(time),
  knVisits: opt(z.array(contactVisit(KN_CONTACTS))),
  dangerSigns: checklist(NEONATUS_DANGER_SIGNS),
})

export const remajaPart = z
  .object({
    weightKg: opt(measure(RANGES.weightKg)),
    heightCm: opt(measure(RANGES.heightCm)),
    bfaZ: opt(measure(RANGES.zScore)),
    hfaZ: opt(measure(RANGES.zScore)),
    ...bp,
    hbGdl: opt(measure(RANGES.hbGdl)),
    gdsMgDl: opt(measure(RANGES.gdsMgDl)),
    ttdAvailable: yesNo,
    ttdTakenThisWeek: yesNo,
    smoking: opt(z.enum(SMOKING, { error: errorKey('err.invalid') })),
  })
  .check(bpOrderCheck)

const puma = z.object({
  cigarettesPerDay: opt(measure(RANGES.cigarettesPerDay)),
  smokingYears: opt(measure(RANGES.smokingYears)),
  shortOfBreath: yesNo,
  phlegm: yesNo,
  cough: yesNo,
  spirometryBefore: yesNo,
})
const score03 = measure(RANGES.twoItemScore)

const dewasaFields = {
  weightKg: opt(measure(RANGES.weightKg)),
  heightCm: opt(measure(RANGES.heightCm)),
  waistCm: opt(measure(RANGES.waistCm)),
  ...bp,
  gdsMgDl: opt(measure(RANGES.gdsMgDl)),
  puma: opt(puma),
  tbcSymptoms: checklist(TBC_SYMPTOMS),
  tbcHouseholdContact: yesNo,
  srq20: opt(
    z
      .array(z.nullable(z.boolean({ error: errorKey('err.invalid') })))
      .check(z.maxLength(20, errorKey('err.invalid'))),
  ),
  phq2: opt(z.tuple([score03, score03])),
  gad2: opt(z.tuple([score03, score03])),
  pus: yesNo,
  kbMethod: opt(z.enum(KB_METHODS, { error: errorKey('err.invalid') })),
  smoking: opt(z.enum(SMOKING, { error: errorKey('err.invalid') })),
}
export const dewasaPart = z.object(dewasaFields).check(bpOrderCheck)

const skilas = z.object({
  orientationTimeCorrect: yesNo,
  orientationPlaceCorrect: yesNo,
  wordsRecalled: opt(measure(RANGES.wordsRecalled)),
  chairStandSeconds: opt(measure(RANGES.chairStandSeconds)),
  chairStandUnable: yesNo,
  weightLoss: yesNo,
  appetiteLoss: yesNo,
  lilaCm: opt(measure(RANGES.lilaCm)),
  eyeProblem: yesNo,
  fingerCountCorrect: yesNo,
  whisperTest: opt(
    z.enum(['dengar', 'tidak_dengar', 'tidak_bisa_dites'], { error: errorKey('err.invalid') }),
  ),
  feelingDown: yesNo,
  littleInterest: yesNo,
})

const aksScore = (item: (typeof AKS_ITEMS)[number]) =>
  opt(measure({ min: 0, max: AKS_ITEM_MAX[item], unit: '', integer: true }))
const aks = z.object({
  bab: aksScore('bab'),
  bak: aksScore('bak'),
  membersihkan_diri: aksScore('membersihkan_diri'),
  penggunaan_wc: aksScore('penggunaan_wc'),
  makan: aksScore('makan'),
  berpindah: aksScore('berpindah'),
  mobilitas: aksScore('mobilitas'),
  berpakaian: aksScore('berpakaian'),
  naik_turun_tangga: aksScore('naik_turun_tangga'),
  mandi: aksScore('mandi'),
})

export const lansiaPart = z
  .object({ ...dewasaFields, skilas: opt(skilas), aks: opt(aks) })
  .check(bpOrderCheck)

export const ibuHamilPart = z
  .object({
    lilaCm: opt(measure(RANGES.lilaCm)),
    ...bp,
    hbGdl: opt(measure(RANGES.hbGdl)),
    ttdTabletsTotal: opt(measure(RANGES.ttdTablets)),
    ttdAvailable: yesNo,
    ttdTakenLast24h: yesNo,
    ancContacts: opt(z.array(z.object({ date, byDoctor: yesNo }))),
    dangerSigns: checklist(IBU_HAMIL_DANGER_SIGNS),
  })
  .check(bpOrderCheck)

export const nifasPart = z.object({
  deliveryTime: opt(time),
  kfVisits: opt(z.array(contactVisit(KF_CONTACTS))),
  dangerSigns: checklist(NIFAS_DANGER_SIGNS),
  vitaminADates: opt(z.array(date)),
})

export const PART_SCHEMAS = {
  balita: balitaPart,
  neonatus: neonatusPart,
  remaja: remajaPart,
  dewasa: dewasaPart,
  lansia: lansiaPart,
  ibu_hamil: ibuHamilPart,
  nifas: nifasPart,
} as const

export const visitParts = z.object({
  balita: opt(balitaPart),
  neonatus: opt(neonatusPart),
  remaja: opt(remajaPart),
  dewasa: opt(dewasaPart),
  lansia: opt(lansiaPart),
  ibu_hamil: opt(ibuHamilPart),
  nifas: opt(nifasPart),
})
export type VisitParts = z.infer<typeof visitParts>

// ——— The schemas and the domain types can never drift: each pair must be the same type, both ways. ———
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Assert<T extends true> = T
export type _PartTypesMatch = [
  Assert<Equals<z.infer<typeof balitaPart>, BalitaScreening>>,
  Assert<Equals<z.infer<typeof neonatusPart>, NeonatusScreening>>,
  Assert<Equals<z.infer<typeof remajaPart>, RemajaScreening>>,
  Assert<Equals<z.infer<typeof dewasaPart>, DewasaScreening>>,
  Assert<Equals<z.infer<typeof lansiaPart>, LansiaScreening>>,
  Assert<Equals<z.infer<typeof ibuHamilPart>, IbuHamilScreening>>,
  Assert<Equals<z.infer<typeof nifasPart>, NifasScreening>>,
]
