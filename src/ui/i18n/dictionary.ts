// How a dictionary is written. Bahasa Indonesia defines the keys; English must have exactly the same keys (a
// missing or extra key is a compile error), and the key type follows from the dictionary: adding a key is all it
// takes to use it with t().
import type { Lang } from '../../domain/text'

/**
 * A message that depends on a number: Intl.PluralRules picks the form for the number in the parameter `plural`
 * names ('one' | 'other' in English; Bahasa Indonesia has no plural forms and writes a plain string).
 */
export interface Plural {
  plural: string
  zero?: string
  one?: string
  two?: string
  few?: string
  many?: string
  other: string
}

/** A template with {name} placeholders, or its plural forms. */
export type Message = string | Plural

export type Messages<K extends string = string> = Record<Lang, Record<K, Message>>

/** The keys of a dictionary. */
export type KeyOf<M extends Messages> = M extends Messages<infer K> ? K : never

/** A dictionary in both languages; the English side must have exactly the keys of the Bahasa Indonesia side. */
export function defineMessages<K extends string>(
  id: Record<K, Message>,
  en: NoInfer<Record<K, Message>>,
): Messages<K> {
  return { id, en }
}
