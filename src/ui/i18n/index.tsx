// Interface language: Bahasa Indonesia first, English second. The choice persists in localStorage because it
// must be known before the first paint, before IndexedDB has opened.
//
// Text: `const t = useT()` translates keys of the core dictionary (messages.ts, the first screen's text); a lazy
// screen with a dictionary of its own imports it and passes it: `const t = useT(mapMessages)`. Keys are typed: a key
// that is in neither dictionary does not compile. See DEVELOPERS.md, "Text".
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { Lang } from '../../domain/text'
import type { Messages } from './dictionary'
import type { CoreKey } from './messages'
import { type Translate, translate } from './translate'

export type { Lang } from '../../domain/text'
export { defineMessages, type KeyOf, type Messages } from './dictionary'
export {
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatPercent,
  formatSpan,
  formatWhen,
  LOCALES,
  numberFormat,
} from './locale'
export type { CoreKey } from './messages'
export { issueText, type Params, type Translate, translate } from './translate'

const LANG_KEY = 'kader-ilp.lang'

export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id'
  } catch {
    return 'id'
  }
}

interface LangState {
  lang: Lang
  setLang: (lang: Lang) => void
}

export interface I18n<K extends string = CoreKey> extends LangState {
  t: Translate<K>
}

const LangContext = createContext<LangState>({ lang: 'id', setLang: () => {} })

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(initial ?? storedLang)
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(LANG_KEY, next)
    } catch {
      // Private mode without storage: the choice lasts for this session only.
    }
    setLangState(next)
  }, [])
  // Screen readers and the browser's hyphenation follow <html lang>, which index.html starts as 'id'.
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  const value = useMemo<LangState>(() => ({ lang, setLang }), [lang, setLang])
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>
}

/** The language, its setter and t() over the core dictionary and, when given, one screen's dictionary. */
export function useI18n<K extends string = never>(extra?: Messages<K>): I18n<CoreKey | K> {
  const { lang, setLang } = useContext(LangContext)
  const t = useMemo<Translate<CoreKey | K>>(
    () => (key, params) => translate(lang, key, params, extra),
    [lang, extra],
  )
  return { lang, setLang, t }
}

/** t() over the core dictionary and, when given, one screen's dictionary. */
export function useT<K extends string = never>(extra?: Messages<K>): Translate<CoreKey | K> {
  return useI18n(extra).t
}
