// What the domain says to people. A rule that explains itself (a finding, a task's reason, a report note) returns
// Bilingual text written next to the rule and its source: the server's exports and the printed referral slips
// render it without the UI dictionary. Facts a screen only names (a field's error) are codes, which the UI turns
// into its own dictionary's words. (DEVELOPERS.md, "Text".)

/** The interface languages: Bahasa Indonesia first, English second. */
export type Lang = 'id' | 'en'
export const LANGS: readonly Lang[] = ['id', 'en']

/** A sentence in both interface languages. */
export interface Bilingual {
  id: string
  en: string
}
