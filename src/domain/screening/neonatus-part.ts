// The newborn part's payload: KN contacts and danger signs (Permenkes 21/2021; form kunjungan rumah ILP;
// clinical-rules.md §2.2). Kept apart from the interpreter (neonatus.ts), as balita-part.ts is.
import type { Checklist } from './common'
import type { ContactVisit } from './contact-windows'

export const KN_CONTACTS = ['KN1', 'KN2', 'KN3'] as const
export type KnContact = (typeof KN_CONTACTS)[number]

export const NEONATUS_DANGER_SIGNS = [
  'napas',
  'aktivitas',
  'warna_kulit',
  'hisapan',
  'kejang',
  'suhu',
  'bab',
  'kencing',
  'tali_pusat',
  'mata',
  'kulit',
] as const
export type NeonatusDangerSign = (typeof NEONATUS_DANGER_SIGNS)[number]

/** The newborn part of a visit record. The birth date is the member's birth date. */
export interface NeonatusScreening {
  /** Jam lahir 'HH:mm', when known (places KN1's 6–48 h window exactly). */
  birthTime?: string
  /** KN contacts done so far (from the Buku KIA), each with its date. */
  knVisits?: ContactVisit<KnContact>[]
  dangerSigns?: Checklist<NeonatusDangerSign>
}
