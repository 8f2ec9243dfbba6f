// The posyandu's month in figures (PWS, pemantauan wilayah setempat) and the basis of the laporan bulanan: sasaran
// per life-cycle stage, SKDN for balita, screening coverage, people at risk, visits and referrals
// (clinical-rules.md §3.2, §5). Every figure carries the ids of the people behind it, so a screen can
// open the list ("who are the 4 T?").
//
// Choices, each also stated in the report's notes where a reader of the printed report needs it:
//   - Reference date = the month's last day. Ages, life-cycle stages, pregnancy and nifas are read on it, so a baby
//     born on the 30th is already a sasaran of that month and a child who turns 60 months on the 15th is an anak
//     prasekolah — outside S and D even if weighed on the 5th. One date for every figure keeps D ⊆ S and the stage
//     tables adding up. Project choice [K]: the monthly report is sent after the month closes (Panduan Posyandu 2023
//     Bab V, clinical-rules.md §5) and describes the area as it stands then. Members have no move-in/out dates, so a
//     past month regenerated today counts the register as it is today.
//   - S = every member 0–59 completed months (SKDN "balita", §3.2, which includes bayi; the life-cycle table's
//     'balita' stage is 12–59 months). K = those recorded as having a Buku KIA/KMS (member.hasKiaBook); the notes say
//     how many are not recorded either way (note kia-book).
//     D = members of S weighed in the month (any current visit whose balita part has a weight, at the posyandu or at
//     home — §3.2). N/T/O/B, 2T and BGM are those of the month's latest weighing, by growth/monitoring.ts through
//     growthFindings (balita-reading.ts): each month counts its latest weighing. D = N + T + O + B by construction.
//     N/D′ with D′ = D − O − B = N + T (§3.2).
//   - At risk: per person, the latest current visit IN THE MONTH that measured the item decides (an item not
//     measured this month is not counted — the report shows this month's work, and its denominator "checked" says how
//     many were measured). Read from the finding codes of the part they belong to, since codes repeat across parts
//     (remaja also says 'tbu.pendek'): stunting, wasting and underweight from the balita part of members in S;
//     KEK from the ibu hamil part; hipertensi (≥ 140/90) and terduga TBC from the dewasa and lansia parts (the adult
//     Kartu Bantu, §5; 18-year-olds on the remaja part are not counted); gula darah sewaktu ≥ 200 from the remaja,
//     dewasa and lansia parts; SKILAS from the lansia part.
//   - Screening coverage: members of a stage (or overlay) on the reference date with ≥ 1 current visit in the month
//     holding one of that stage's parts (screening/index.ts screeningPartsFor).
//   - Referrals (referrals.ts, by referrals/history.ts over each person's visits up to the month's last day): made,
//     open on the last day, closed in the month with nothing left open.
//   - A visit superseded by a correction (at any date) and soft-deleted records are ignored; so are visits dated
//     before the member's birth. Members count only when their household is in `households`.
//   - Balita part: immunisation, vitamin A, obat cacing and ASI findings are not read (balita-reading.ts).
import { indicatorsOf, type PwsIndicators, type PwsTargets } from './indicators'
import { indexMonth, type Month } from './month'
import { referralsSection } from './referrals'
import { Register } from './register'
import { risksSection } from './risks'
import { coverageSection, sasaranSection } from './sasaran'
import { skdnSection } from './skdn'
import { VisitTallyBuilder } from './tally'
import type { PwsInput, PwsNote, PwsReport } from './types'

/** Builds the month's report, one section at a time. Throws RangeError when `month` is not 'YYYY-MM'. */
export function pwsMonth(input: PwsInput): PwsReport {
  return reportOf(indexMonth(input), input)
}

/** The report and the PWS indicators (indicators.ts) from one index: each visit is read once for both. */
export function pwsMonthAndIndicators(
  input: PwsInput,
  targets: PwsTargets = {},
): { report: PwsReport; indicators: PwsIndicators } {
  const month = indexMonth(input)
  const report = reportOf(month, input)
  return { report, indicators: indicatorsOf(month, report.skdn, input, targets) }
}

/** The report from an index already built (supervision.ts reads the same index for its lists). */
export function reportOf(month: Month, input: PwsInput): PwsReport {
  const register = new Register()
  const sasaran = sasaranSection(month)
  // The sections flag people in this order; a register row's findings keep it.
  const skdn = skdnSection(month, register)
  const risks = risksSection(month, register)
  const referrals = referralsSection(month, input.followUps, register)
  return {
    month: input.month,
    referenceDate: month.last,
    households: { value: month.households.size, householdIds: [...month.households.keys()].sort() },
    sasaran,
    skdn,
    coverage: coverageSection(month, sasaran),
    risks,
    visits: visitsSection(month),
    referrals,
    register: register.rows(month),
    notes: notes(month.last, skdn.kiaBookUnrecorded.value),
  }
}

/** Visits in the month, by place (posyandu or home). */
function visitsSection(month: Month): PwsReport['visits'] {
  const byPlace = { posyandu: new VisitTallyBuilder(), rumah: new VisitTallyBuilder() }
  const total = new VisitTallyBuilder()
  for (const person of month.people.values()) {
    for (const v of person.inMonth) {
      if (v.place === 'buku_kia') continue // never in inMonth (month.ts); narrows the place
      byPlace[v.place].add(v)
      total.add(v)
    }
  }
  return { posyandu: byPlace.posyandu.build(), rumah: byPlace.rumah.build(), total: total.build() }
}

/** The report's notes: what a reader of the printed report needs to know (the header's choices). */
export function notes(referenceDate: string, kiaBookUnrecorded: number): PwsNote[] {
  const shown = referenceDate.split('-').reverse().join('-')
  return [
    {
      code: 'reference-date',
      message: {
        id: `Sasaran, umur dan tahap hidup dihitung pada hari terakhir bulan (${shown}).`,
        en: `Target population, ages and life-cycle stages are read on the month's last day (${referenceDate}).`,
      },
    },
    ...(kiaBookUnrecorded > 0
      ? [
          {
            code: 'kia-book' as const,
            message: {
              id: `K hanya menghitung balita yang tercatat punya Buku KIA/KMS; ${kiaBookUnrecorded} balita belum dicatat kepemilikannya.`,
              en: `K counts only children recorded as having a Buku KIA/KMS; for ${kiaBookUnrecorded} it is not recorded yet.`,
            },
          },
        ]
      : []),
    {
      code: 'latest-in-month',
      message: {
        id: 'Risiko dihitung dari pengukuran terakhir bulan ini per orang; yang tidak diukur bulan ini tidak dihitung.',
        en: "Risks come from each person's latest measurement this month; people not measured this month are not counted.",
      },
    },
    {
      code: 'corrections',
      message: {
        id: 'Kunjungan yang sudah dikoreksi dihitung dengan data koreksinya saja.',
        en: 'A corrected visit counts with its correction only.',
      },
    },
  ]
}
