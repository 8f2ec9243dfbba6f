// Adult mental health, by whichever instrument was filled in (clinical-rules.md §2.4): SRQ-20 (Juknis ILP, the
// default) or PHQ-2 + GAD-2 (CKG 2025). Read for dewasa and lansia.
import type { ClinicalSettings } from '../clinical-settings'
import type { Finding } from '../findings'
import { finding, urgent } from './common'
import type { DewasaScreening } from './dewasa-part'

const SRC_SRQ = 'SRQ-20, Juknis ILP (clinical-rules.md §2.4)'
const SRC_PHQ = 'PHQ-2 + GAD-2, CKG 2025 (clinical-rules.md §2.4)'

// SRQ-20 item 17 ("pikiran untuk mengakhiri hidup") "ya" → rujuk segera regardless of total (clinical-rules.md §2.4) [K]
export const SRQ20_SUICIDE_ITEM = 17

export interface Srq20Result {
  yes: number
  answered: number
  complete: boolean
  item17: boolean
}

export function srq20Result(answers: readonly (boolean | null)[]): Srq20Result {
  const items = answers.slice(0, 20)
  return {
    yes: items.filter((a) => a === true).length,
    answered: items.filter((a) => a === true || a === false).length,
    complete: items.length === 20 && items.every((a) => a === true || a === false),
    item17: items[SRQ20_SUICIDE_ITEM - 1] === true,
  }
}

// PHQ-2 / GAD-2: each item 0–3, a group total ≥ 3 is positive — standard scoring (Kroenke 2003/2007) [K]; CKG 2025
// uses the two groups (clinical-rules.md §2.4) [S]
export const PHQ2_GAD2_POSITIVE_AT = 3

/** Group total, or undefined unless both items are whole numbers 0–3. */
export function twoItemScore(items: readonly number[] | undefined): number | undefined {
  if (items?.length !== 2 || !items.every((n) => Number.isInteger(n) && n >= 0 && n <= 3)) return undefined
  return items.reduce((a, b) => a + b, 0)
}

/**
 * Reads whichever instrument was filled in. settings.mentalHealthTool picks the form the kader sees; a record filled
 * under the other setting is still read, so a change of setting never hides an earlier positive screen.
 */
export function mentalHealthFindings(
  s: Pick<DewasaScreening, 'srq20' | 'phq2' | 'gad2'>,
  settings: Pick<ClinicalSettings, 'srq20ReferAt'>,
): Finding[] {
  return [...srq20Findings(s.srq20, settings.srq20ReferAt), ...phqGadFindings(s.phq2, s.gad2)]
}

function srq20Findings(answers: readonly (boolean | null)[] | undefined, referAt: number): Finding[] {
  if (!answers) return []
  const r = srq20Result(answers)
  const findings: Finding[] = []
  if (r.item17) {
    findings.push(
      urgent(
        finding(
          'jiwa.srq20.item17',
          'rujuk',
          {
            id: 'SRQ-20 butir 17 "ya" (pikiran mengakhiri hidup) — rujuk segera ke nakes',
            en: 'SRQ-20 item 17 "yes" (thoughts of ending life) — refer to a health worker now',
          },
          SRC_SRQ,
        ),
      ),
    )
  }
  // ≥ settings.srq20ReferAt "ya" → further assessment by nakes: Kartu Bantu "SKOR >= 6" (clinical-rules.md §2.4) [V, S].
  // Unanswered items can only add "ya", so a score already at the cut-off counts before the form is complete.
  if (r.yes >= referAt) {
    findings.push(
      finding(
        'jiwa.srq20.positif',
        'rujuk',
        {
          id: `SRQ-20: ${r.yes} "ya" (≥ ${referAt}) — rujuk untuk penilaian nakes (bukan diagnosis gangguan jiwa)`,
          en: `SRQ-20: ${r.yes} "yes" (≥ ${referAt}) — refer for assessment by a health worker (not a diagnosis)`,
        },
        SRC_SRQ,
      ),
    )
  } else if (r.complete) {
    findings.push(
      finding(
        'jiwa.srq20.negatif',
        'normal',
        { id: `SRQ-20: ${r.yes} "ya" (< ${referAt})`, en: `SRQ-20: ${r.yes} "yes" (< ${referAt})` },
        SRC_SRQ,
      ),
    )
  } else {
    findings.push(
      finding(
        'jiwa.srq20.belum_lengkap',
        'perhatian',
        {
          id: `SRQ-20 belum lengkap (${r.answered}/20 dijawab)`,
          en: `SRQ-20 incomplete (${r.answered}/20 answered)`,
        },
        SRC_SRQ,
      ),
    )
  }
  return findings
}

function phqGadFindings(phq2: readonly number[] | undefined, gad2: readonly number[] | undefined): Finding[] {
  const groups = [
    { key: 'phq2', score: twoItemScore(phq2), name: { id: 'PHQ-2 (depresi)', en: 'PHQ-2 (depression)' } },
    { key: 'gad2', score: twoItemScore(gad2), name: { id: 'GAD-2 (cemas)', en: 'GAD-2 (anxiety)' } },
  ]
  return groups.flatMap(({ key, score, name }) => {
    if (score === undefined) return []
    return score >= PHQ2_GAD2_POSITIVE_AT
      ? [
          finding(
            `jiwa.${key}.positif`,
            'rujuk',
            {
              id: `${name.id}: skor ${score} (≥ 3) — rujuk untuk penilaian nakes`,
              en: `${name.en}: score ${score} (≥ 3) — refer for assessment by a health worker`,
            },
            SRC_PHQ,
          ),
        ]
      : [
          finding(
            `jiwa.${key}.negatif`,
            'normal',
            { id: `${name.id}: skor ${score} (< 3)`, en: `${name.en}: score ${score} (< 3)` },
            SRC_PHQ,
          ),
        ]
  })
}
