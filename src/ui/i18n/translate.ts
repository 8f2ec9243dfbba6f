// t(): a key of the dictionaries, with {name} parameters filled in and plural forms chosen by Intl.PluralRules.
import type { Lang } from '../../domain/text'
import { isErrorKey } from '../../protocol/error-messages'
import type { Message, Messages } from './dictionary'
import { pluralCategory } from './locale'
import { type CoreKey, coreMessages } from './messages'

export type Params = Record<string, string | number>
/** Translates keys of the core dictionary, or of the core and one screen's dictionary (useT(screenMessages)). */
export type Translate<K extends string = CoreKey> = (key: K, params?: Params) => string

/**
 * The message of `key` in the language (Bahasa Indonesia when the English side lacks it), looked up in `extra`
 * first, then in the core dictionary. Only an untyped key can be missing (a string off the wire, see isCoreKey):
 * it shows as itself.
 */
export function translate<K extends string = never>(
  lang: Lang,
  key: CoreKey | NoInfer<K>,
  params?: Params,
  extra?: Messages<K>,
): string {
  const message: Message | undefined =
    extra?.[lang][key as K] ??
    coreMessages[lang][key as CoreKey] ??
    extra?.id[key as K] ??
    coreMessages.id[key as CoreKey]
  if (message === undefined) return key
  const template = typeof message === 'string' ? message : pluralForm(message, lang, params)
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

function pluralForm(message: Exclude<Message, string>, lang: Lang, params: Params | undefined): string {
  const n = Number(params?.[message.plural])
  return (Number.isFinite(n) ? message[pluralCategory(n, lang)] : undefined) ?? message.other
}

/**
 * The words of an error key that arrived untyped: a rejected change's issue, stored as the server sent it. A key
 * this version of the app does not know (a newer server) reads "Isian tidak sah".
 */
export function issueText(t: Translate, key: string): string {
  return t(isErrorKey(key) ? key : 'err.invalid')
}
