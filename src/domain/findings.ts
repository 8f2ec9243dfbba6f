import type { Bilingual } from './text'
// What a screening rule tells the kader: one finding per thing checked, in both interface languages.

/** normal: nothing to do; perhatian: counsel and watch; rujuk: send to the pustu/puskesmas. */
export type FindingLevel = 'normal' | 'perhatian' | 'rujuk'

export interface Finding {
  /** Stable machine code, e.g. 'tbu.pendek' — used by referrals, schedules and PWS counts. */
  code: string
  level: FindingLevel
  message: Bilingual
  /** The document the rule comes from, e.g. 'Permenkes 2/2020 (clinical-rules.md §2.1)'. */
  source: string
  /** A 'rujuk' finding that needs the facility today (rujuk segera): danger signs and severe values. */
  urgent?: true
}

const RANK: Record<FindingLevel, number> = { normal: 0, perhatian: 1, rujuk: 2 }

/** The most urgent level among findings ('normal' when there are none). */
export function worstLevel(findings: readonly Finding[]): FindingLevel {
  return findings.reduce<FindingLevel>(
    (worst, f) => (RANK[f.level] > RANK[worst] ? f.level : worst),
    'normal',
  )
}
