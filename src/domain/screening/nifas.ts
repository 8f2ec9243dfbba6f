// Ibu nifas (day 0–42 after delivery): KF1–KF4 contact windows, danger signs and the two vitamin A capsules.

import { daysBetween } from '../dates'
import type { Finding } from '../findings'
import type { Bilingual } from '../text'
import { dangerSignFindings, finding, type ScreeningContext } from './common'
import {
  type ContactDefinition,
  type ContactVisit,
  type ContactWindow,
  contactFinding,
  contactWindows,
} from './contact-windows'
import type { KfContact, NifasDangerSign, NifasScreening } from './nifas-part'

const SRC_KF = 'Permenkes 21/2021 (clinical-rules.md §2.2)'
const SRC_KF_DANGER = 'Form kunjungan rumah ILP (clinical-rules.md §2.2)'

// KF windows, Permenkes 21/2021 (clinical-rules.md §2.2) [K, S]. Older Permenkes 97/2014 had KF1 6 h–3 d, KF2 4–28 d,
// KF3 29–42 d and is still on many web pages: do not use it.
export const KF_WINDOWS: readonly ContactDefinition<KfContact>[] = [
  { contact: 'KF1', from: { hours: 6 }, to: { day: 2 } }, // KF1 6 h – 2 hari
  { contact: 'KF2', from: { day: 3 }, to: { day: 7 } }, // KF2 3–7 hari
  { contact: 'KF3', from: { day: 8 }, to: { day: 28 } }, // KF3 8–28 hari
  { contact: 'KF4', from: { day: 29 }, to: { day: 42 } }, // KF4 29–42 hari
]

// Tanda bahaya nifas, ILP home-visit form (clinical-rules.md §2.2) [S]: any → rujuk segera.
const DANGER_LABELS: Record<NifasDangerSign, Bilingual> = {
  demam: { id: 'demam', en: 'fever' },
  sedih_depresi: { id: 'sedih/mudah menangis/depresi', en: 'sad, tearful or depressed' },
  gangguan_bak: { id: 'gangguan buang air kecil', en: 'problems passing urine' },
  sesak: { id: 'sesak napas', en: 'shortness of breath' },
  sakit_kepala: { id: 'sakit kepala', en: 'headache' },
  perdarahan: { id: 'perdarahan', en: 'bleeding' },
  kelamin_bengkak_nyeri: { id: 'kelamin bengkak/nyeri', en: 'swollen or painful genitals' },
  cairan_jalan_lahir: { id: 'keluar cairan dari jalan lahir', en: 'fluid from the birth canal' },
  nyeri_ulu_hati: { id: 'nyeri ulu hati', en: 'epigastric pain' },
  pandangan_kabur: { id: 'pandangan kabur', en: 'blurred vision' },
  payudara_bengkak_merah: { id: 'payudara bengkak kemerahan', en: 'swollen, reddened breasts' },
  darah_nifas_berbau: { id: 'darah nifas berbau', en: 'foul-smelling lochia' },
  keputihan: { id: 'keputihan', en: 'vaginal discharge' },
  jantung_berdebar: { id: 'jantung berdebar', en: 'palpitations' },
}

/** KF1–KF4 windows from the delivery and the KF visits done. */
export function kfSchedule(
  delivery: { date: string; time?: string },
  visits: readonly ContactVisit<KfContact>[],
  now: { today: string; time?: string },
): ContactWindow<KfContact>[] {
  return contactWindows(KF_WINDOWS, delivery, visits, now)
}

/** Needs ctx.deliveryDate for the KF windows and vitamin A; danger signs are read without it. */
export function interpretNifas(s: NifasScreening, ctx: ScreeningContext): Finding[] {
  const findings: Finding[] = []
  if (ctx.deliveryDate && !ctx.problemsOnly) {
    const delivery = { date: ctx.deliveryDate, time: s.deliveryTime }
    const windows = kfSchedule(delivery, s.kfVisits ?? [], { today: ctx.today, time: ctx.nowTime })
    findings.push(...windows.map((w) => contactFinding('kf', w, SRC_KF)))
    findings.push(...vitaminANifas(ctx.deliveryDate, s.vitaminADates, ctx.today))
  }
  findings.push(...dangerSignFindings('nifas.tanda_bahaya', s.dangerSigns, DANGER_LABELS, SRC_KF_DANGER))
  return findings
}

const SRC_VIT_A_NIFAS = 'Permenkes 21/2015 (clinical-rules.md §2.1)'

// Vitamin A nifas: 2 red capsules, the first right after delivery, the second ≥ 24 h later, within 0–42 days —
// Permenkes 21/2015 (clinical-rules.md §2.1) [S]. With dates only, "≥ 24 h later" is read as "on a later day".
function vitaminANifas(deliveryDate: string, given: readonly string[] | undefined, today: string): Finding[] {
  if (!given) return []
  const inNifas = [...new Set(given)]
    .filter((d) => daysBetween(deliveryDate, d) >= 0 && daysBetween(deliveryDate, d) <= 42)
    .sort()
  const first = inNifas[0]
  if (first === undefined) {
    return [
      finding(
        'nifas.vitamin_a.belum',
        'perhatian',
        {
          id: 'Vitamin A nifas belum diberikan (2 kapsul merah)',
          en: 'Postpartum vitamin A not given (2 red capsules)',
        },
        SRC_VIT_A_NIFAS,
      ),
    ]
  }
  if (inNifas.some((d) => d > first)) {
    return [
      finding(
        'nifas.vitamin_a.lengkap',
        'normal',
        { id: 'Vitamin A nifas lengkap (2 kapsul)', en: 'Postpartum vitamin A complete (2 capsules)' },
        SRC_VIT_A_NIFAS,
      ),
    ]
  }
  // One capsule: the second is due from the next day.
  return today > first
    ? [
        finding(
          'nifas.vitamin_a.kapsul_kedua',
          'perhatian',
          {
            id: 'Vitamin A nifas: kapsul kedua belum diberikan',
            en: 'Postpartum vitamin A: second capsule not given',
          },
          SRC_VIT_A_NIFAS,
        ),
      ]
    : [
        finding(
          'nifas.vitamin_a.kapsul_pertama',
          'normal',
          {
            id: 'Vitamin A nifas: kapsul pertama sudah; kapsul kedua ≥ 24 jam kemudian',
            en: 'Postpartum vitamin A: first capsule given; the second ≥ 24 h later',
          },
          SRC_VIT_A_NIFAS,
        ),
      ]
}
