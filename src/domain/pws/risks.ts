// People at risk (§2): per person, the latest current visit in the month that measured the item decides; an item
// not measured this month is not counted, and the denominator "checked" says how many were measured. Read from the
// finding codes of the part they belong to, since codes repeat across parts (remaja also says 'tbu.pendek').
import type { ScreeningPart } from '../screening'
import type { Month, PartFindings } from './month'
import type { Register } from './register'
import { ratio, Tally } from './tally'
import { type PwsVisit, type Ratio, RISKS, type Risk } from './types'

// Which finding codes make each risk (codes: growth/categories.ts and the screening modules).

interface RiskRule {
  parts: readonly ScreeningPart[]
  /** Codes saying the item was measured and read. */
  checked: (code: string) => boolean
  atRisk: (code: string) => boolean
  /** Only members in S (SKDN balita). */
  balitaOnly?: boolean
}

const oneOf =
  (...codes: string[]) =>
  (code: string) =>
    codes.includes(code)

const RISK_RULES: Record<Risk, RiskRule> = {
  // TB/U or PB/U < −2 (Permenkes 2/2020, clinical-rules.md §2.1)
  stunting: {
    parts: ['balita'],
    balitaOnly: true,
    checked: oneOf('tbu.sangat-pendek', 'tbu.pendek', 'tbu.normal', 'tbu.tinggi'),
    atRisk: oneOf('tbu.sangat-pendek', 'tbu.pendek'),
  },
  // BB/PB or BB/TB < −2 (§2.1)
  wasting: {
    parts: ['balita'],
    balitaOnly: true,
    checked: (code) => code.startsWith('bbtb.') && !/\.(tidak-wajar|posisi-salah)$/.test(code),
    atRisk: oneOf('bbtb.gizi-buruk', 'bbtb.gizi-kurang'),
  },
  // BB/U < −2 (§2.1)
  underweight: {
    parts: ['balita'],
    balitaOnly: true,
    checked: oneOf('bbu.sangat-kurang', 'bbu.kurang', 'bbu.normal', 'bbu.risiko-lebih'),
    atRisk: oneOf('bbu.sangat-kurang', 'bbu.kurang'),
  },
  // LiLA < 23.5 cm (§2.2)
  kek: {
    parts: ['ibu_hamil'],
    checked: oneOf('bumil.lila.kek', 'bumil.lila.normal'),
    atRisk: oneOf('bumil.lila.kek'),
  },
  // ≥ 140/90 (§2.4)
  hipertensi: {
    parts: ['dewasa', 'lansia'],
    checked: oneOf('td.hipertensi', 'td.prahipertensi', 'td.normal'),
    atRisk: oneOf('td.hipertensi'),
  },
  // GDS ≥ 200 mg/dL (§2.4)
  gulaDarahTinggi: {
    parts: ['remaja', 'dewasa', 'lansia'],
    checked: oneOf('gds.tinggi', 'gds.normal'),
    atRisk: oneOf('gds.tinggi'),
  },
  // ≥ 2 TBC symptoms (§2.4)
  terdugaTbc: {
    parts: ['dewasa', 'lansia'],
    checked: oneOf('tbc.terduga', 'tbc.bukan_terduga'),
    atRisk: oneOf('tbc.terduga'),
  },
  // any SKILAS domain positive (§2.5)
  skilasPositif: {
    parts: ['lansia'],
    checked: (code) => /^skilas\.[a-z_]+\.(positif|negatif)$/.test(code),
    atRisk: (code) => /^skilas\.[a-z_]+\.positif$/.test(code),
  },
}

/** Flags each risk on the register. */
export function risksSection(month: Month, register: Register): Record<Risk, Ratio> {
  const visited = [...month.people.values()].filter((p) => p.inMonth.length > 0)
  const risks = {} as Record<Risk, Ratio>
  for (const risk of RISKS) {
    const rule = RISK_RULES[risk]
    const checked = new Tally()
    const atRisk = new Tally()
    for (const person of visited) {
      const id = person.member.id
      if (rule.balitaOnly && !person.inS) continue
      for (let i = person.inMonth.length - 1; i >= 0; i -= 1) {
        const visit = person.inMonth[i] as PwsVisit
        if (!rule.parts.some((p) => visit.parts[p])) continue
        const { parts } = month.read(person, visit)
        // One part (the usual visit) is a part of the rule: the check above found it.
        const relevant =
          parts.length === 1
            ? (parts[0] as PartFindings).findings
            : parts.filter((p) => rule.parts.includes(p.part)).flatMap((p) => p.findings)
        if (!relevant.some((f) => rule.checked(f.code))) continue
        checked.add(id)
        const behind = relevant.filter((f) => rule.atRisk(f.code))
        if (behind.length > 0) {
          atRisk.add(id)
          register.flag(id, risk, behind)
        }
        break
      }
    }
    risks[risk] = ratio(atRisk.count(), checked.count())
  }
  return risks
}
