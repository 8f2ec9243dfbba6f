// Langkah 5 (penyuluhan, clinical-rules.md §1.1: "education tailored to findings"): the topics a kader talks about
// at the open day, and those that fit the member's group and today's findings first.
import type { Finding } from '../findings'
import type { OpenDayGroup } from './expected'

/** Penyuluhan topics (project list drawn from the service packages and home-visit checklists, §1.2, §3.1). */
export const PENYULUHAN_TOPICS = [
  'gizi_seimbang',
  'asi_mpasi',
  'stunting',
  'imunisasi',
  'tanda_bahaya_hamil',
  'persiapan_persalinan',
  'perawatan_nifas_bbl',
  'kb',
  'anemia_ttd',
  'ptm_hipertensi_diabetes',
  'tbc',
  'kesehatan_jiwa',
  'phbs_cuci_tangan',
  'rokok',
] as const
export type PenyuluhanTopic = (typeof PENYULUHAN_TOPICS)[number]

const BY_GROUP: Record<OpenDayGroup, readonly PenyuluhanTopic[]> = {
  anak: ['gizi_seimbang', 'asi_mpasi', 'stunting', 'imunisasi', 'phbs_cuci_tangan'],
  ibu_hamil: ['tanda_bahaya_hamil', 'anemia_ttd', 'gizi_seimbang', 'persiapan_persalinan', 'kb'],
  nifas: ['perawatan_nifas_bbl', 'asi_mpasi', 'kb', 'gizi_seimbang'],
  remaja: ['anemia_ttd', 'gizi_seimbang', 'rokok', 'kesehatan_jiwa'],
  dewasa_lansia: ['ptm_hipertensi_diabetes', 'gizi_seimbang', 'tbc', 'kesehatan_jiwa', 'rokok', 'kb'],
}

/** Finding code prefixes and the topic each calls for first; a finding calls for the first that matches. */
const BY_FINDING: readonly [RegExp, PenyuluhanTopic][] = [
  [/^(tbu\.|kms\.(t|2t|bgm))/, 'stunting'],
  [/^(bbu\.|bbtb\.|imtu\.|lila\.)/, 'gizi_seimbang'],
  [/^imunisasi\./, 'imunisasi'],
  [/^bumil\.lila\./, 'gizi_seimbang'],
  [/^bumil\./, 'tanda_bahaya_hamil'],
  [/^(td|gds|imt|lingkar_perut)\./, 'ptm_hipertensi_diabetes'],
  [/^tbc\./, 'tbc'],
  [/^jiwa\./, 'kesehatan_jiwa'],
]

/** The group's topics, those today's findings that are not normal call for first; the rest of the list after. */
export function suggestedTopics(group: OpenDayGroup, findings: readonly Finding[]): PenyuluhanTopic[] {
  const called = findings.flatMap((f) => {
    const match = f.level === 'normal' ? undefined : BY_FINDING.find(([pattern]) => pattern.test(f.code))
    return match ? [match[1]] : []
  })
  const first = [...new Set([...called, ...BY_GROUP[group]])]
  return [...first, ...PENYULUHAN_TOPICS.filter((t) => !first.includes(t))]
}
