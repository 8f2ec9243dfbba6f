// The ibu hamil part's payload: what the kader records (form kunjungan rumah ILP; Buku KIA; clinical-rules.md §2.2).
// Kept apart from the interpreter (ibu-hamil.ts) so that the visit schemas, and the sync engine with them, do not
// pull in the interpretation code.
import type { Checklist } from './common'

export const IBU_HAMIL_DANGER_SIGNS = [
  'demam_lebih_2_hari',
  'sakit_kepala_berat',
  'pandangan_kabur',
  'bengkak',
  'sulit_tidur_cemas',
  'diare_berulang',
  'risiko_tbc',
  'gerakan_janin_berkurang',
  'jantung_berdebar_nyeri_dada',
  'keluar_cairan_jalan_lahir',
  'sakit_saat_kencing',
  'nyeri_perut_hebat',
  'perdarahan',
  'muntah_terus',
  'kejang',
] as const
export type IbuHamilDangerSign = (typeof IBU_HAMIL_DANGER_SIGNS)[number]

export interface AncContact {
  /** 'YYYY-MM-DD' */
  date: string
  /** Contact by a doctor (Permenkes 21/2021 wants ≥ 2: TM1 and TM3, clinical-rules.md §2.2) — recorded for PWS. */
  byDoctor?: boolean
}

/** The ibu hamil part of a visit record. HPHT and delivery date are on the member record. */
export interface IbuHamilScreening {
  lilaCm?: number
  systolicMmHg?: number
  diastolicMmHg?: number
  /** Measured by a nakes or a point-of-care meter. */
  hbGdl?: number
  /** TTD tablets taken so far in this pregnancy. */
  ttdTabletsTotal?: number
  /** "TTD tersedia" (form field). */
  ttdAvailable?: boolean
  /** "TTD diminum 24 jam terakhir" (form field). */
  ttdTakenLast24h?: boolean
  /** Every ANC contact so far (from the Buku KIA). */
  ancContacts?: AncContact[]
  dangerSigns?: Checklist<IbuHamilDangerSign>
}
