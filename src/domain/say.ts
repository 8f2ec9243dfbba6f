// Dates and numbers as people say and write them in each interface language — "27 Nov – 29 Nov 2026", "22,5" —
// for the text the domain returns (findings, task reasons). Month names are written here, not taken from Intl:
// the domain has no locale, and the result must be the same on every phone.
import { parseDate } from './dates'
import type { Bilingual, Lang } from './text'

const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
}

function dayMonth(iso: string, lang: Lang): string {
  const { day, month } = parseDate(iso)
  return `${day} ${MONTHS[lang][month - 1]}`
}

/** '2026-11-27' → "27 Nov 2026" (id: "27 Agu 2026" for August). */
export function sayDate(iso: string): Bilingual {
  const year = iso.slice(0, 4)
  return { id: `${dayMonth(iso, 'id')} ${year}`, en: `${dayMonth(iso, 'en')} ${year}` }
}

/** A span of days: "27 Nov – 29 Nov 2026"; the year twice only when it changes ("30 Des 2026 – 2 Jan 2027"). */
export function saySpan(from: string, to: string): Bilingual {
  if (from === to) return sayDate(from)
  const sameYear = from.slice(0, 4) === to.slice(0, 4)
  const span = (lang: Lang) =>
    sameYear
      ? `${dayMonth(from, lang)} – ${dayMonth(to, lang)} ${to.slice(0, 4)}`
      : `${dayMonth(from, lang)} ${from.slice(0, 4)} – ${dayMonth(to, lang)} ${to.slice(0, 4)}`
  return { id: span('id'), en: span('en') }
}

/** A moment, 'YYYY-MM-DDTHH:mm': "27 Nov 2026 14.00" (Indonesian writes the hour with a dot), "27 Nov 2026 14:00". */
export function sayMoment(local: string): Bilingual {
  const date = sayDate(local.slice(0, 10))
  const time = local.slice(11, 16)
  return { id: `${date.id} ${time.replace(':', '.')}`, en: `${date.en} ${time}` }
}

/** A decimal number as written: "22,5" in Bahasa Indonesia, "22.5" in English. */
export function sayNumber(n: number): Bilingual {
  const en = String(n)
  return { id: en.replace('.', ','), en }
}
