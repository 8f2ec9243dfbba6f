// Percentages on the PWS screens: one decimal at most, the language's decimal sign (Bahasa "91,7 %").
import type { Lang } from '../i18n'

const FORMATS: Record<Lang, Intl.NumberFormat> = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
}

/** A fraction (0.917) as "91,7 %"; '–' when there is nothing to divide by. */
export function formatPercent(fraction: number | null, lang: Lang): string {
  return fraction === null ? '–' : `${FORMATS[lang].format(fraction * 100)} %`
}

const MONTHS: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
}

/** 'YYYY-MM' as "Februari 2026". */
export function formatMonth(month: string, lang: Lang): string {
  return MONTHS[lang].format(new Date(`${month}-01T00:00:00Z`))
}
