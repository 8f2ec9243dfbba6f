// Percentages and months on the PWS indicator screens, on the one locale helper (src/ui/i18n/locale.ts).
import { formatNumber, type Lang, LOCALES } from '../i18n'

/** A fraction (0.917) as "91,7 %"; '–' when there is nothing to divide by. */
export function formatPercent(fraction: number | null, lang: Lang): string {
  return fraction === null ? '–' : `${formatNumber(fraction * 100, lang)} %`
}

const months = new Map<Lang, Intl.DateTimeFormat>()

/** 'YYYY-MM' as "Februari 2026". */
export function formatMonth(month: string, lang: Lang): string {
  let format = months.get(lang)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' })
    months.set(lang, format)
  }
  return format.format(new Date(`${month}-01T00:00:00Z`))
}
