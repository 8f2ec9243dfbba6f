import type { Lang } from '../i18n'

// The browser's own Intl formats dates: no locale data in our bundle (date-fns' locales cost ~10 KB gz up front).
const formatters: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
}

/** "12 Mar 2027" in the interface language, for a calendar date YYYY-MM-DD. */
export function formatDate(isoDate: string, lang: Lang): string {
  return formatters[lang].format(new Date(`${isoDate}T00:00:00Z`))
}

const clock: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }),
}
const dayAndClock: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
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
