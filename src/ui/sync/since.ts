// "3 hari yang lalu": how long ago the last sync went through, which tells a kader at a glance whether the puskesmas
// has her recent work. date-fns picks the unit and words it in both languages; only the lazy settings screen loads it.
import { formatDistanceStrict } from 'date-fns'
import { enUS, id } from 'date-fns/locale'
import type { Lang } from '../i18n'

/** undefined under a minute: "0 detik yang lalu" reads oddly, the caller says "baru saja". */
export function sinceText(instant: Date | string, now: Date, lang: Lang): string | undefined {
  const then = new Date(instant)
  if (now.getTime() - then.getTime() < 60_000) return undefined
  return formatDistanceStrict(then, now, {
    addSuffix: true,
    roundingMethod: 'floor', // "1 hari" only once a whole day has passed
    locale: lang === 'id' ? id : enUS,
  })
}
