// Langkah 2 (penimbangan & pengukuran, clinical-rules.md §1.1): the measures the stage's package takes at the
// posyandu (§1.2) and where each goes in the visit record — the screening part and field the rules already read,
// so the open day's weighing is read exactly like one recorded in the full visit form.
import { ageOn } from '../age'
import { memberStages } from '../lifecycle'
import { type ScreeningPart, screeningPartsFor } from '../screening'
import type { OpenDayMember, OpenDayVisit } from './types'

export type MeasureKey = 'weight' | 'length' | 'height' | 'head' | 'arm' | 'bp' | 'waist' | 'glucose'

/** One measure of the screen: its part and field(s) in the record (bp: systolic then diastolic). */
export interface MeasureSlot {
  key: MeasureKey
  part: ScreeningPart
  fields: readonly string[]
}

// From 15 years a remaja's blood pressure and blood glucose are checked (§2.3, "PTM ≥15").
const REMAJA_PTM_FROM_YEARS = 15

/**
 * The measures for the member on `date`, in the order they are taken (§1.2): balita BB, PB/TB, LK, LiLA; ibu hamil
 * BB, LiLA, TD; remaja BB, TB (+ TD, GDS from 15 y); dewasa and lansia BB, TB, lingkar perut, TD, GDS; nifas BB, TD.
 * An ibu hamil's LiLA and TD go to her pregnancy part, which reads them (KEK, hipertensi dalam kehamilan).
 */
export function measureSlots(member: OpenDayMember, date: string): MeasureSlot[] {
  const stages = memberStages(member, date)
  if (!stages) return []
  const parts = screeningPartsFor(stages, member.sex)
  const own = parts[0] as ScreeningPart
  const bp = ['systolicMmHg', 'diastolicMmHg']
  if (own === 'balita') {
    return [
      { key: 'weight', part: own, fields: ['weightKg'] },
      { key: 'length', part: own, fields: ['lengthCm', 'position'] },
      { key: 'head', part: own, fields: ['headCm'] },
      { key: 'arm', part: own, fields: ['armCm'] },
    ]
  }
  const weight: MeasureSlot = { key: 'weight', part: own, fields: ['weightKg'] }
  if (parts.includes('ibu_hamil')) {
    return [
      weight,
      { key: 'arm', part: 'ibu_hamil', fields: ['lilaCm'] },
      { key: 'bp', part: 'ibu_hamil', fields: bp },
    ]
  }
  const height: MeasureSlot = { key: 'height', part: own, fields: ['heightCm'] }
  const pressure: MeasureSlot = { key: 'bp', part: own, fields: bp }
  const glucose: MeasureSlot = { key: 'glucose', part: own, fields: ['gdsMgDl'] }
  if (parts.includes('nifas')) return [weight, pressure]
  if (own === 'remaja')
    return stages.stage === 'usia_sekolah_remaja' &&
      ageOn(member.birthDate, date).years >= REMAJA_PTM_FROM_YEARS
      ? [weight, height, pressure, glucose]
      : [weight, height]
  return [weight, height, { key: 'waist', part: own, fields: ['waistCm'] }, pressure, glucose]
}

/** The fields of each part that hold a measurement: a visit with one of them was langkah 2. */
const MEASURED: Partial<Record<ScreeningPart, readonly string[]>> = {
  balita: ['weightKg', 'lengthCm', 'headCm', 'armCm'],
  remaja: ['weightKg', 'heightCm', 'systolicMmHg', 'gdsMgDl', 'hbGdl'],
  dewasa: ['weightKg', 'heightCm', 'waistCm', 'systolicMmHg', 'gdsMgDl'],
  lansia: ['weightKg', 'heightCm', 'waistCm', 'systolicMmHg', 'gdsMgDl'],
  ibu_hamil: ['lilaCm', 'systolicMmHg', 'hbGdl'],
}

/** Whether the visit recorded any measurement. */
export function isMeasured(visit: Pick<OpenDayVisit, 'parts'>): boolean {
  const parts = visit.parts as Record<string, Record<string, unknown> | undefined>
  return Object.entries(MEASURED).some(([part, fields]) =>
    fields.some((f) => typeof parts[part]?.[f] === 'number'),
  )
}
