// Names of the PWS indicators in both interface languages, for the screens and the CSV (the domain cannot read the UI
// dictionary; labels.ts does the same for the monthly report).

import type { Lang } from '../text'
import type { PwsStatus } from './cumulative'
import type { AgeGroup, Nutrition } from './skdn-groups'

type Bilingual = Record<Lang, string>

export const INDICATOR_GROUPS = ['kia', 'imunisasi', 'usia'] as const
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number]

export const GROUP_LABELS: Record<IndicatorGroup, Bilingual> = {
  kia: { id: 'PWS-KIA', en: 'Maternal and child health (PWS-KIA)' },
  imunisasi: { id: 'Imunisasi', en: 'Immunisation' },
  usia: { id: 'Skrining menurut usia', en: 'Screening by age' },
}

export const INDICATOR_LABELS: Record<string, Bilingual> = {
  'kia.k1': { id: 'K1: kunjungan ANC pertama', en: 'K1: first antenatal contact' },
  'kia.k4': { id: 'K4: ≥ 4 kunjungan ANC (1-1-2)', en: 'K4: ≥ 4 antenatal contacts (1-1-2)' },
  'kia.k6': { id: 'K6: ≥ 6 kunjungan ANC', en: 'K6: ≥ 6 antenatal contacts' },
  'kia.k1Dokter': { id: 'K1 oleh dokter (trimester 1)', en: 'K1 by a doctor (trimester 1)' },
  'kia.k5Dokter': { id: 'K5 oleh dokter (trimester 3)', en: 'K5 by a doctor (trimester 3)' },
  'kia.persalinanFasyankes': { id: 'Persalinan di fasyankes', en: 'Delivery at a health facility' },
  'kia.kfLengkap': { id: 'KF lengkap (KF1–KF4)', en: 'Complete postnatal care (KF1–KF4)' },
  'kia.kn1': { id: 'KN1 (6–48 jam)', en: 'KN1 (6–48 hours)' },
  'kia.knLengkap': { id: 'KN lengkap (KN1–KN3)', en: 'Complete neonatal care (KN1–KN3)' },
  'imunisasi.idl': { id: 'Imunisasi dasar lengkap (IDL)', en: 'Complete basic immunisation' },
  'remaja.hbPutri': { id: 'Remaja putri diperiksa Hb', en: 'Adolescent girls screened for Hb' },
  'ptm.skrining': { id: 'Skrining PTM usia ≥ 15 tahun', en: 'NCD screening, age ≥ 15' },
  'ptm.hipertensiDilayani': {
    id: 'Hipertensi ditindaklanjuti ke faskes',
    en: 'Hypertension followed up at a facility',
  },
  'ptm.dmDilayani': {
    id: 'Gula darah tinggi ditindaklanjuti ke faskes',
    en: 'High glucose followed up at a facility',
  },
  'lansia.skrining': { id: 'Lansia diskrining SKILAS/AKS', en: 'Older people screened (SKILAS/ADL)' },
  'jiwa.skrining': { id: 'Skrining kesehatan jiwa (SRQ-20)', en: 'Mental health screening (SRQ-20)' },
  'tbc.terduga': { id: 'Terduga TBC ditemukan', en: 'Presumptive TB found' },
  'tbc.dirujuk': { id: 'Terduga TBC sampai di faskes', en: 'Presumptive TB reached a facility' },
}

/** 'imunisasi.DPT-HB-Hib.3' → 'Imunisasi DPT-HB-Hib 3'; other ids from INDICATOR_LABELS. */
export function indicatorLabel(id: string, lang: Lang): string {
  const known = INDICATOR_LABELS[id]
  if (known) return known[lang]
  const dose = /^imunisasi\.(.+)\.(\d+)$/.exec(id)
  if (dose) return `${lang === 'id' ? 'Imunisasi' : 'Vaccine'} ${dose[1]} ${dose[2]}`
  return id
}

export const indicatorGroup = (id: string): IndicatorGroup =>
  id.startsWith('kia.') ? 'kia' : id.startsWith('imunisasi.') ? 'imunisasi' : 'usia'

export const STATUS_LABELS: Record<PwsStatus, Bilingual> = {
  baik: { id: 'Baik', en: 'Good' },
  kurang: { id: 'Kurang', en: 'Falling' },
  cukup: { id: 'Cukup', en: 'Catching up' },
  jelek: { id: 'Jelek', en: 'Poor' },
}

export const AGE_GROUP_LABELS: Record<AgeGroup, Bilingual> = {
  '0-5': { id: '0–5 bulan', en: '0–5 months' },
  '6-11': { id: '6–11 bulan', en: '6–11 months' },
  '12-23': { id: '12–23 bulan', en: '12–23 months' },
  '24-59': { id: '24–59 bulan', en: '24–59 months' },
}

export const NUTRITION_LABELS: Record<Nutrition, Bilingual> = {
  stunting: { id: 'Stunting (PB/U, TB/U < −2 SD)', en: 'Stunting (LAZ/HAZ < −2 SD)' },
  wasting: { id: 'Wasting (BB/PB, BB/TB < −2 SD)', en: 'Wasting (WLZ/WHZ < −2 SD)' },
  underweight: { id: 'Underweight (BB/U < −2 SD)', en: 'Underweight (WAZ < −2 SD)' },
}
