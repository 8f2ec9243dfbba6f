// Bayi baru lahir (day 0–28): KN1–KN3 contact windows and the newborn danger signs.

import type { Finding } from '../findings'
import type { Bilingual } from '../text'
import { dangerSignFindings, type ScreeningContext } from './common'
import {
  type ContactDefinition,
  type ContactVisit,
  type ContactWindow,
  contactFinding,
  contactWindows,
} from './contact-windows'
import type { KnContact, NeonatusDangerSign, NeonatusScreening } from './neonatus-part'

const SRC_KN = 'Permenkes 21/2021 (clinical-rules.md §2.2)'
const SRC_KN_DANGER = 'Form kunjungan rumah ILP (clinical-rules.md §2.2)'

// KN windows, Permenkes 21/2021 (clinical-rules.md §2.2) [K, S]. The form's KN0 (birth–6 h) happens at the facility
// and is not a kader contact.
export const KN_WINDOWS: readonly ContactDefinition<KnContact>[] = [
  { contact: 'KN1', from: { hours: 6 }, to: { hours: 48 } }, // KN1 6–48 jam
  { contact: 'KN2', from: { day: 3 }, to: { day: 7 } }, // KN2 3–7 hari
  { contact: 'KN3', from: { day: 8 }, to: { day: 28 } }, // KN3 8–28 hari
]

// Tanda bahaya bayi baru lahir, ILP home-visit form (clinical-rules.md §2.2) [S]: any → rujuk segera. The form names
// only the area; the kader ticks it when something is wrong there. The examples in brackets are Buku KIA's [K].
const DANGER_LABELS: Record<NeonatusDangerSign, Bilingual> = {
  napas: { id: 'masalah napas (cepat/sesak/merintih)', en: 'breathing problem (fast, laboured, grunting)' },
  aktivitas: { id: 'bayi lemah/kurang aktif', en: 'weak or less active baby' },
  warna_kulit: { id: 'warna kulit kuning/biru/pucat', en: 'yellow, blue or pale skin' },
  hisapan: { id: 'hisapan lemah/tidak mau menyusu', en: 'weak suck or not feeding' },
  kejang: { id: 'kejang', en: 'convulsions' },
  suhu: { id: 'demam atau tubuh dingin', en: 'fever or cold body' },
  bab: { id: 'masalah buang air besar (diare/berdarah)', en: 'stool problem (diarrhoea, blood)' },
  kencing: { id: 'masalah buang air kecil', en: 'urination problem' },
  tali_pusat: { id: 'tali pusat merah/bernanah/berbau', en: 'red, pus-filled or smelly umbilical cord' },
  mata: { id: 'mata bernanah/bengkak', en: 'eye discharge or swelling' },
  kulit: { id: 'kulit bernanah/melepuh', en: 'skin pustules or blisters' },
}

/** KN1–KN3 windows from the birth and the KN visits done. */
export function knSchedule(
  birth: { date: string; time?: string },
  visits: readonly ContactVisit<KnContact>[],
  now: { today: string; time?: string },
): ContactWindow<KnContact>[] {
  return contactWindows(KN_WINDOWS, birth, visits, now)
}

export function interpretNeonatus(s: NeonatusScreening, ctx: ScreeningContext): Finding[] {
  const signs = dangerSignFindings('neonatus.tanda_bahaya', s.dangerSigns, DANGER_LABELS, SRC_KN_DANGER)
  if (ctx.problemsOnly) return signs
  const windows = knSchedule({ date: ctx.birthDate, time: s.birthTime }, s.knVisits ?? [], {
    today: ctx.today,
    time: ctx.nowTime,
  })
  return [...windows.map((w) => contactFinding('kn', w, SRC_KN)), ...signs]
}
