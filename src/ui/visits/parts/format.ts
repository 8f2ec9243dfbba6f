// Numbers as Indonesian phones type and show them: a comma is the decimal separator ("12,5"); a point is accepted too.
import type { Lang } from '../../i18n'

/** '' → undefined; "12,5" or "12.5" → 12.5; anything else → NaN (the schema then says "not a number"). */
export function parseDecimal(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '')
  if (s === '') return undefined
  if (!/^(\d+[.,]?\d*|[.,]\d+)$/.test(s)) return Number.NaN
  return Number(s.replace(',', '.'))
}

export function formatDecimal(n: number | undefined, lang: Lang): string {
  if (n === undefined || Number.isNaN(n)) return ''
  return lang === 'id' ? String(n).replace('.', ',') : String(n)
}

export const sameNumber = (a: number | undefined, b: number | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && Number.isNaN(a) && Number.isNaN(b))
