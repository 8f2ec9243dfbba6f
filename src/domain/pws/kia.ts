// PWS-KIA (clinical-rules.md §3.2; SPM, Permenkes 4/2019: pelayanan ibu hamil, ibu bersalin, bayi baru lahir):
// K1, K4, K6, K1 and K5 by a doctor, persalinan di fasyankes, KF lengkap, KN1 and KN lengkap. Each is counted in
// the month the woman or baby reached it; the registered sasaran are the pregnancies that began (HPHT), the
// deliveries and the births of the 12 months up to the reference date.
//   - ANC contacts are the Buku KIA contacts copied into ibu hamil parts (indicator-context.ts ancContactDays),
//     placed in trimesters by settings.ancTrimesterStartWeeks.
//   - K1: the first contact of the pregnancy, whatever its trimester (K1 akses).
//   - K4: the contact that completes ≥ 1 in trimester 1, ≥ 1 in trimester 2 and ≥ 2 in trimester 3 (Pedoman
//     PWS-KIA) [K].
//   - K6: the contact that completes settings.ancPerTrimester (default 1-2-3; Permenkes 21/2021, §2.2).
//   - K1 by a doctor: the first doctor's contact in trimester 1; K5 by a doctor: the first in trimester 3
//     (Permenkes 21/2021: ≥ 2 doctor's contacts, in trimester 1 and in trimester 3, §2.2).
//   - KF lengkap: KF1–KF4 each inside its window (Permenkes 21/2021, §2.2), counted on the last of them; KN1 inside
//     6–48 h; KN lengkap: KN1–KN3 each inside its window. A contact outside its window is not "sesuai standar".
//   - Persalinan di fasyankes: a delivery whose record (member.delivery, the persalinan form) says it was at a
//     fasyankes, counted on the delivery date; a delivery date entered without that record counts in the sasaran
//     only (SPM ibu bersalin, Permenkes 4/2019) [K].
import type { ClinicalSettings } from '../clinical-settings'
import type { ContactWindow } from '../screening/contact-windows'
import { knSchedule } from '../screening/neonatus'
import { kfSchedule } from '../screening/nifas'
import {
  type AncContactDay,
  ancContactDays,
  type IndicatorContext,
  inWindow,
  recordedContacts,
} from './indicator-context'
import type { CumulativeDefinition } from './indicator-definition'
import type { Person } from './month'

export const KIA_INDICATORS = [
  'kia.k1',
  'kia.k4',
  'kia.k6',
  'kia.k1Dokter',
  'kia.k5Dokter',
  'kia.persalinanFasyankes',
  'kia.kfLengkap',
  'kia.kn1',
  'kia.knLengkap',
] as const
export type KiaIndicator = (typeof KIA_INDICATORS)[number]

/** K4: at least [1, 1, 2] contacts in trimesters 1–3 (Pedoman PWS-KIA) [K]. */
const K4_PER_TRIMESTER = [1, 1, 2] as const

const pregnant = (p: Person, ctx: IndicatorContext) => p.member.sex === 'P' && inWindow(p.member.hpht, ctx)
const delivered = (p: Person, ctx: IndicatorContext) =>
  p.member.sex === 'P' && inWindow(p.member.deliveryDate, ctx)
const born = (p: Person, ctx: IndicatorContext) => inWindow(p.member.birthDate, ctx)

const anc =
  (reach: (days: AncContactDay[], settings: ClinicalSettings) => string | undefined) =>
  (p: Person, ctx: IndicatorContext) => {
    const date = reach(ancContactDays(p, ctx), ctx.settings)
    return date === undefined ? [] : [date]
  }

export const KIA_DEFINITIONS: Record<KiaIndicator, CumulativeDefinition> = {
  'kia.k1': { id: 'kia.k1', inSasaran: pregnant, events: anc((days) => days[0]?.date) },
  'kia.k4': { id: 'kia.k4', inSasaran: pregnant, events: anc((days) => completing(days, K4_PER_TRIMESTER)) },
  'kia.k6': {
    id: 'kia.k6',
    inSasaran: pregnant,
    events: anc((days, settings) => completing(days, settings.ancPerTrimester)),
  },
  'kia.k1Dokter': {
    id: 'kia.k1Dokter',
    inSasaran: pregnant,
    events: anc((days) => days.find((d) => d.byDoctor && d.trimester === 1)?.date),
  },
  'kia.k5Dokter': {
    id: 'kia.k5Dokter',
    inSasaran: pregnant,
    events: anc((days) => days.find((d) => d.byDoctor && d.trimester === 3)?.date),
  },
  'kia.persalinanFasyankes': {
    id: 'kia.persalinanFasyankes',
    inSasaran: delivered,
    events: (p) => {
      const d = p.member.delivery
      return d && d.date === p.member.deliveryDate && d.place === 'fasyankes' ? [d.date] : []
    },
  },
  'kia.kfLengkap': {
    id: 'kia.kfLengkap',
    inSasaran: delivered,
    events: (p, ctx) => allInWindow(kfWindows(p, ctx)),
  },
  'kia.kn1': {
    id: 'kia.kn1',
    inSasaran: born,
    events: (p, ctx) => allInWindow(knWindows(p, ctx).filter((w) => w.contact === 'KN1')),
  },
  'kia.knLengkap': {
    id: 'kia.knLengkap',
    inSasaran: born,
    events: (p, ctx) => allInWindow(knWindows(p, ctx)),
  },
}

/** The day the contacts first meet the per-trimester counts, or undefined. */
function completing(days: readonly AncContactDay[], required: readonly number[]): string | undefined {
  const done = [0, 0, 0]
  for (const day of days) {
    done[day.trimester - 1] = (done[day.trimester - 1] ?? 0) + 1
    if (done.every((n, i) => n >= (required[i] ?? 0))) return day.date
  }
  return undefined
}

/** The last contact's day when every window was done inside itself; otherwise none. */
function allInWindow<C extends string>(windows: readonly ContactWindow<C>[]): string[] {
  if (windows.length === 0 || !windows.every((w) => w.state === 'done' && w.inWindow)) return []
  return [
    windows
      .map((w) => w.doneOn as string)
      .sort()
      .at(-1) as string,
  ]
}

function kfWindows(p: Person, ctx: IndicatorContext): ContactWindow<'KF1' | 'KF2' | 'KF3' | 'KF4'>[] {
  const { deliveryDate } = p.member
  if (deliveryDate === undefined || deliveryDate > ctx.month.last) return []
  const { contacts, time } = recordedContacts(p.visits, (v) =>
    v.parts.nifas ? { contacts: v.parts.nifas.kfVisits, time: v.parts.nifas.deliveryTime } : undefined,
  )
  // Contacts before this delivery were an earlier nifas.
  const mine = contacts.filter((c) => c.date >= deliveryDate)
  return kfSchedule({ date: deliveryDate, ...(time ? { time } : {}) }, mine, { today: ctx.month.last })
}

function knWindows(p: Person, ctx: IndicatorContext): ContactWindow<'KN1' | 'KN2' | 'KN3'>[] {
  const { contacts, time } = recordedContacts(p.visits, (v) =>
    v.parts.neonatus ? { contacts: v.parts.neonatus.knVisits, time: v.parts.neonatus.birthTime } : undefined,
  )
  return knSchedule({ date: p.member.birthDate, ...(time ? { time } : {}) }, contacts, {
    today: ctx.month.last,
  })
}
