// Interface language: Bahasa Indonesia first, English second. The choice persists in localStorage because it
// must be known before the first paint, before IndexedDB has opened.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { en, id } from './messages'

export type Lang = 'id' | 'en'
export type Params = Record<string, string | number>
export type Translate = (key: string, params?: Params) => string

const LANG_KEY = 'kader-ilp.lang'
const dictionaries: Record<Lang, Record<string, string>> = { id: { ...id }, en: { ...en } }

export interface Messages {
  id: Record<string, string>
  en: Record<string, string>
}

/** Adds a lazy screen's dictionary; its module calls this when it loads, before anything renders its text. */
export function addMessages(messages: Messages): void {
  Object.assign(dictionaries.id, messages.id)
  Object.assign(dictionaries.en, messages.en)
}

export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id'
  } catch {
    return 'id'
  }
}

/** Looks a key up in the language, falling back to Bahasa Indonesia, then to the key itself. */
export function translate(lang: Lang, key: string, params?: Params): string {
  const template = dictionaries[lang][key] ?? dictionaries.id[key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

interface I18n {
  lang: Lang
  setLang: (lang: Lang) => void
  t: Translate
}

const I18nContext = createContext<I18n>({
  lang: 'id',
  setLang: () => {},
  t: (key, params) => translate('id', key, params),
})

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
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}

export function useT(): Translate {
  return useContext(I18nContext).t
}
