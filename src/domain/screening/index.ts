// The life-cycle screenings, one part per stage: each part's record payload type and the function that reads it.
// A visit record stores one payload per part (plain JSON); the findings are recomputed from it, never stored alone.
import type { Finding } from '../findings'
import type { LifeStage, Overlay } from '../lifecycle'
import type { ScreeningContext } from './common'
import { interpretDewasa } from './dewasa'
import type { DewasaScreening } from './dewasa-part'
import { interpretIbuHamil } from './ibu-hamil'
import type { IbuHamilScreening } from './ibu-hamil-part'
import { interpretLansia } from './lansia'
import type { LansiaScreening } from './lansia-part'
import { interpretNeonatus } from './neonatus'
import type { NeonatusScreening } from './neonatus-part'
import { interpretNifas } from './nifas'
import type { NifasScreening } from './nifas-part'
import { interpretRemaja, type RemajaScreening } from './remaja'

export const SCREENING_PARTS = [
  'balita',
  'neonatus',
  'remaja',
  'dewasa',
  'lansia',
  'ibu_hamil',
  'nifas',
] as const
/** A form part. 'balita' (bayi, balita, prasekolah anthropometry) is read by the growth engine, not here. */
export type ScreeningPart = (typeof SCREENING_PARTS)[number]

/** The payload each part stores in a visit record. */
export interface ScreeningPayloads {
  neonatus: NeonatusScreening
  remaja: RemajaScreening
  dewasa: DewasaScreening
  lansia: LansiaScreening
  ibu_hamil: IbuHamilScreening
  nifas: NifasScreening
}

export type InterpretedPart = keyof ScreeningPayloads

export const SCREENING_INTERPRETERS: {
  [P in InterpretedPart]: (screening: ScreeningPayloads[P], ctx: ScreeningContext) => Finding[]
} = {
  neonatus: interpretNeonatus,
  remaja: interpretRemaja,
  dewasa: interpretDewasa,
  lansia: interpretLansia,
  ibu_hamil: interpretIbuHamil,
  nifas: interpretNifas,
}

/** Findings of every part filled in; the 'balita' part is skipped (growth engine). */
export function interpretScreenings(payloads: Partial<ScreeningPayloads>, ctx: ScreeningContext): Finding[] {
  const parts = Object.keys(SCREENING_INTERPRETERS) as InterpretedPart[]
  return parts.flatMap((part) => {
    const payload = payloads[part]
    if (!payload) return []
    const interpret = SCREENING_INTERPRETERS[part] as (s: typeof payload, c: ScreeningContext) => Finding[]
    return interpret(payload, ctx)
  })
}

// Stage → part, by the checklist age bands of Panduan Pengelolaan Posyandu 2023 (clinical-rules.md §1.2, §3.1). Lansia
// is "all of dewasa plus AKS/SKILAS" (§2.5), so its part already contains dewasa's. A newborn is weighed on the
// bayi checklist and also has the KN contacts and danger signs.
const STAGE_PARTS: Record<LifeStage, ScreeningPart[]> = {
  bayi_baru_lahir: ['balita', 'neonatus'],
  bayi: ['balita'],
  balita: ['balita'],
  prasekolah: ['balita'],
  usia_sekolah_remaja: ['remaja'],
  dewasa: ['dewasa'],
  lansia: ['lansia'],
}

const OVERLAY_PARTS: Record<Overlay, ScreeningPart> = { ibu_hamil: 'ibu_hamil', ibu_nifas: 'nifas' }

/**
 * The form parts a member needs: the stage's part, then one per pregnancy/nifas overlay (women only). A pregnant
 * 17-year-old → ['remaja', 'ibu_hamil']; a 65-year-old → ['lansia']; bayi/balita/prasekolah → ['balita'].
 */
export function screeningPartsFor(
  stages: { stage: LifeStage; overlays: readonly Overlay[] },
  sex: 'L' | 'P',
): ScreeningPart[] {
  const parts = [...STAGE_PARTS[stages.stage]]
  if (sex !== 'P') return parts
  for (const overlay of stages.overlays) {
    const part = OVERLAY_PARTS[overlay]
    if (!parts.includes(part)) parts.push(part)
  }
  return parts
}

export type { ScreeningContext } from './common'
export { SMOKING, type Smoking } from './common-part'
export type { ContactState, ContactVisit, ContactWindow } from './contact-windows'
export {
  type ImtCategory,
  imt,
  imtCategory,
  interpretDewasa,
  pumaScore,
  srq20Result,
  twoItemScore,
} from './dewasa'
export {
  type DewasaScreening,
  KB_METHODS,
  type KbMethod,
  type PumaAnswers,
  TBC_SYMPTOMS,
  type TbcSymptom,
} from './dewasa-part'
export { ancByTrimester, interpretIbuHamil } from './ibu-hamil'
export {
  type AncContact,
  IBU_HAMIL_DANGER_SIGNS,
  type IbuHamilDangerSign,
  type IbuHamilScreening,
} from './ibu-hamil-part'
export { aksCategory, aksTotal, interpretLansia, skilasDomains } from './lansia'
export { AKS_ITEMS, type AksItem, type LansiaScreening, type SkilasAnswers } from './lansia-part'
export { interpretNeonatus, knSchedule } from './neonatus'
export {
  KN_CONTACTS,
  type KnContact,
  NEONATUS_DANGER_SIGNS,
  type NeonatusDangerSign,
  type NeonatusScreening,
} from './neonatus-part'
export { interpretNifas, kfSchedule } from './nifas'
export {
  KF_CONTACTS,
  type KfContact,
  NIFAS_DANGER_SIGNS,
  type NifasDangerSign,
  type NifasScreening,
} from './nifas-part'
export {
  bfaCategory5to18,
  hbAnaemiaCutoff,
  hfaCategory,
  interpretRemaja,
  type RemajaScreening,
} from './remaja'
