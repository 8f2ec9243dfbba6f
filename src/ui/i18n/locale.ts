// The one mapping from interface language to the browser's locale, and the number and date formats built on it.
// The browser's own Intl does the work: no locale data in our bundle.
import type { Lang } from '../../domain/text'

/** en-GB rather than en-US: day before month, as dates are written in Indonesia. */
export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' }

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat(LOCALES.id, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat(LOCALES.en, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }),
}

/** "12 Mar 2027" in the interface language, for a calendar date YYYY-MM-DD. */
export function formatDate(isoDate: string, lang: Lang): string {
  return dateFormats[lang].format(new Date(`${isoDate}T00:00:00Z`))
}

const dayMonthFormats: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat(LOCALES.id, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
}

/** A span of days as people say it: "27 Nov – 29 Nov 2026", the year twice only when it changes. */
export function formatSpan(from: string, to: string, lang: Lang): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${formatDate(from, lang)} – ${formatDate(to, lang)}`
  return `${dayMonthFormats[lang].format(new Date(`${from}T00:00:00Z`))} – ${formatDate(to, lang)}`
}

/** A month 'YYYY-MM' as a report names it: "Desember 2026" / "December 2026". */
export function formatMonth(yearMonth: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${yearMonth}-01T00:00:00Z`),
  )
}

/** A share 0–1 as a percentage with one decimal at most, in the language's digits: "66,7 %" / "66.7 %". */
export function formatPercent(share: number, lang: Lang): string {
  return `${formatNumber(share * 100, lang)}\u00a0%`
}

/** Date and time of an instant, in the phone's time zone ("12 Mar 2027, 07.30"). */
export function formatDateTime(instant: Date | string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(instant),
  )
}

const clock: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat(LOCALES.id, { hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { hour: '2-digit', minute: '2-digit' }),
}
const dayAndClock: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat(LOCALES.id, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat(LOCALES.en, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }),
}

/** An instant in the phone's time zone: "10.32" when it is today, "12 Mar 10.32" otherwise. */
export function formatWhen(instant: string, lang: Lang, now = new Date()): string {
  const at = new Date(instant)
  return (at.toDateString() === now.toDateString() ? clock : dayAndClock)[lang].format(at)
}

/** A number with the language's decimal and grouping separators ("1.234,5" / "1,234.5"). */
export function formatNumber(n: number, lang: Lang, maximumFractionDigits = 1): string {
  return numberFormat(lang, maximumFractionDigits).format(n)
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/** The language's number format with at most `maximumFractionDigits` decimals (cached: charts format thousands). */
export function numberFormat(lang: Lang, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang} ${maximumFractionDigits}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits })
    numberFormats.set(key, format)
  }
  return format
}

const pluralRules: Record<Lang, Intl.PluralRules> = {
  id: new Intl.PluralRules(LOCALES.id),
  en: new Intl.PluralRules(LOCALES.en),
}

/** The plural category of a number in the language: 'one' | 'other' in English, always 'other' in Indonesian. */
export function pluralCategory(n: number, lang: Lang): Intl.LDMLPluralRule {
  return pluralRules[lang].select(n)
}
