// The nifas part's payload: KF contacts, danger signs and vitamin A (Permenkes 21/2021; form kunjungan rumah ILP;
// clinical-rules.md §2.2). Kept apart from the interpreter (nifas.ts), as balita-part.ts is.
import type { Checklist } from './common'
import type { ContactVisit } from './contact-windows'

export const KF_CONTACTS = ['KF1', 'KF2', 'KF3', 'KF4'] as const
export type KfContact = (typeof KF_CONTACTS)[number]

export const NIFAS_DANGER_SIGNS = [
  'demam',
  'sedih_depresi',
  'gangguan_bak',
  'sesak',
  'sakit_kepala',
  'perdarahan',
  'kelamin_bengkak_nyeri',
  'cairan_jalan_lahir',
  'nyeri_ulu_hati',
  'pandangan_kabur',
  'payudara_bengkak_merah',
  'darah_nifas_berbau',
  'keputihan',
  'jantung_berdebar',
] as const
export type NifasDangerSign = (typeof NIFAS_DANGER_SIGNS)[number]

/** The nifas part of a visit record. */
export interface NifasScreening {
  /** Jam persalinan 'HH:mm', when known (places KF1's 6-hour start exactly). */
  deliveryTime?: string
  /** KF contacts done so far (from the Buku KIA), each with its date. */
  kfVisits?: ContactVisit<KfContact>[]
  dangerSigns?: Checklist<NifasDangerSign>
  /** Dates the red vitamin A capsules (200,000 IU) were given after this delivery, 'YYYY-MM-DD'. */
  vitaminADates?: string[]
}
