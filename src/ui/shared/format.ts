import { format, parseISO } from 'date-fns'
import { enGB, id as idLocale } from 'date-fns/locale'
import type { Lang } from '../i18n'

/** "12 Mar 2027" / "12 Mar 2027" in the interface language. */
export function formatDate(isoDate: string, lang: Lang): string {
  return format(parseISO(isoDate), 'd MMM yyyy', { locale: lang === 'id' ? idLocale : enGB })
}
