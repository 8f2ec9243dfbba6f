// Names of the report's figures in both interface languages (the domain cannot read the UI dictionary). Stage names
// follow the UI's stage.* labels, with the age bands of lifecycle.ts added because the printed report stands alone.

import type { LifeStage, Overlay } from '../lifecycle'
import type { Bilingual, Lang } from '../text'
import type { Flag, Risk } from './types'

export const STAGE_LABELS: Record<LifeStage, Bilingual> = {
  bayi_baru_lahir: { id: 'Bayi baru lahir (0–28 hari)', en: 'Newborn (0–28 days)' },
  bayi: { id: 'Bayi (29 hari–11 bulan)', en: 'Infant (29 days–11 months)' },
  balita: { id: 'Balita (12–59 bulan)', en: 'Toddler (12–59 months)' },
  prasekolah: { id: 'Anak prasekolah (60–71 bulan)', en: 'Preschool child (60–71 months)' },
  usia_sekolah_remaja: {
    id: 'Usia sekolah & remaja (6–18 tahun)',
    en: 'School age & adolescent (6–18 years)',
  },
  dewasa: { id: 'Usia dewasa (19–59 tahun)', en: 'Adult (19–59 years)' },
  lansia: { id: 'Lansia (≥ 60 tahun)', en: 'Older person (≥ 60 years)' },
}

export const OVERLAY_LABELS: Record<Overlay, Bilingual> = {
  ibu_hamil: { id: 'Ibu hamil', en: 'Pregnant women' },
  ibu_nifas: { id: 'Ibu nifas (0–42 hari)', en: 'Postpartum women (0–42 days)' },
}

export const RISK_LABELS: Record<Risk, Bilingual> = {
  stunting: { id: 'Balita pendek/stunting (TB/U, PB/U < −2 SD)', en: 'Stunted (HAZ/LAZ < −2 SD)' },
  wasting: { id: 'Balita gizi kurang/buruk (BB/TB, BB/PB < −2 SD)', en: 'Wasted (WHZ/WLZ < −2 SD)' },
  underweight: { id: 'Balita berat badan kurang (BB/U < −2 SD)', en: 'Underweight (WAZ < −2 SD)' },
  kek: { id: 'Ibu hamil risiko KEK (LiLA < 23,5 cm)', en: 'Pregnant, at risk of CED (MUAC < 23.5 cm)' },
  hipertensi: { id: 'Hipertensi (≥ 140/90 mmHg)', en: 'Hypertension (≥ 140/90 mmHg)' },
  gulaDarahTinggi: { id: 'Gula darah sewaktu ≥ 200 mg/dL', en: 'Random blood glucose ≥ 200 mg/dL' },
  terdugaTbc: { id: 'Terduga TBC (≥ 2 gejala)', en: 'Presumptive TB (≥ 2 symptoms)' },
  skilasPositif: { id: 'Lansia SKILAS positif', en: 'Older person, SKILAS positive' },
}

export const FLAG_LABELS: Record<Flag, Bilingual> = {
  T: { id: 'T (tidak naik)', en: 'T (no gain)' },
  '2T': { id: '2T', en: '2T' },
  BGM: { id: 'BGM', en: 'BGM (below red line)' },
  stunting: { id: 'Stunting', en: 'Stunted' },
  wasting: { id: 'Gizi kurang/buruk', en: 'Wasted' },
  underweight: { id: 'BB kurang', en: 'Underweight' },
  kek: { id: 'KEK', en: 'CED' },
  hipertensi: { id: 'Hipertensi', en: 'Hypertension' },
  gulaDarahTinggi: { id: 'Gula darah tinggi', en: 'High blood glucose' },
  terdugaTbc: { id: 'Terduga TBC', en: 'Presumptive TB' },
  skilasPositif: { id: 'SKILAS positif', en: 'SKILAS positive' },
  referralMade: { id: 'Dirujuk bulan ini', en: 'Referred this month' },
  referralClosed: { id: 'Rujukan selesai bulan ini', en: 'Referral completed this month' },
  referralOpen: { id: 'Rujukan belum selesai', en: 'Referral still open' },
}

export const MONTH_NAMES: Record<Lang, readonly string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
}
