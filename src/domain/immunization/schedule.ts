// The national routine immunisation schedule for bayi & baduta, encoded from the programme's table in
// clinical-rules.md §2.1 (imunisasi_rutin.csv): which dose at which age, when it is late, the last age it may be
// given and the minimum interval after the previous dose of its series.
import { type AgeSpec, m } from './age-dates'

export const ANTIGENS = ['HB0', 'BCG', 'OPV', 'DPT-HB-Hib', 'PCV', 'RV', 'IPV', 'MR', 'JE'] as const
export type Antigen = (typeof ANTIGENS)[number]

export interface ScheduledDose {
  antigen: Antigen
  dose: number
  /** The programme's age in months (imunisasi_rutin.csv), 0 for HB0. */
  ageMonths: number
  /** First day it is due. */
  dueFrom: AgeSpec
  /** From this age it is late (terlambat) but still given. */
  overdueFrom: AgeSpec
  /** Last age at which it may be given; past it the dose is too late. */
  latest?: AgeSpec
  /** Minimum days after the previous dose of the same antigen (every dose after the first, clinical-rules.md §2.1). */
  minDaysAfterPrevious?: number
  /** Given only in JE-endemic districts. */
  endemicOnly?: boolean
  source: string
}

const P2P = 'Kemenkes P2P, slide pengenalan PCV (clinical-rules.md §2.1)'
const RV_LETTER =
  'Surat Dirjen P2P IM.02.02/C/3052/2023; KMK HK.01.07/Menkes/1139/2022 (clinical-rules.md §2.1)'

// Doses of one series at least 4 weeks apart: the programme's table spaces the doses of DPT-HB-Hib, OPV, PCV and RV
// one month apart (imunisasi_rutin.csv) [V] and states "min 4 weeks after RV1" for RV [V]; the same 28 days for
// every later dose is the project's reading of that table (clinical-rules.md §2.1) [K]. Without it a late dose
// given today made the next dose "jatuh tempo" the same day.
export const MIN_DAYS_BETWEEN_DOSES = 28

/**
 * A dose scheduled "at N months" is due from N months and late once N + 1 months are completed — project rule [K]:
 * the programme names only the month of age, and a child is "umur N bulan" until the next month is complete.
 * A dose after the first waits MIN_DAYS_BETWEEN_DOSES after the previous one.
 */
function monthly(antigen: Antigen, dose: number, ageMonths: number, source: string): ScheduledDose {
  const due = { antigen, dose, ageMonths, dueFrom: m(ageMonths), overdueFrom: m(ageMonths + 1), source }
  return dose > 1 ? { ...due, minDaysAfterPrevious: MIN_DAYS_BETWEEN_DOSES } : due
}

// RV: 3 oral doses at 2, 3, 4 months, ≥ 4 weeks apart, last dose no later than 6 months 29 days — KMK 1139/2022
// via Dirjen P2P letter 3052/2023 (clinical-rules.md §2.1) [V]. The 6 mo 29 d limit applies to every RV dose.
const RV_LATEST = m(6, 29)

export const IMMUNIZATION_SCHEDULE: readonly ScheduledDose[] = [
  // HB0 within 24 h of birth (imunisasi_rutin.csv, P2P slides) [V]; late after the birth day; given up to 7 days
  // of age (Kemenkes HB0 0–7 hari) [K].
  {
    antigen: 'HB0',
    dose: 1,
    ageMonths: 0,
    dueFrom: m(0),
    overdueFrom: m(0, 1),
    latest: m(0, 7),
    source: P2P,
  },
  // BCG and OPV1 at 1 month; "some forms allow 0–1 month" (imunisasi_rutin.csv) [V] — so due from birth.
  { ...monthly('BCG', 1, 1, P2P), dueFrom: m(0) },
  { ...monthly('OPV', 1, 1, P2P), dueFrom: m(0) },
  monthly('DPT-HB-Hib', 1, 2, P2P), // 2 mo [V]
  monthly('OPV', 2, 2, P2P), // 2 mo [V]
  monthly('PCV', 1, 2, P2P), // 2 mo [V]
  { ...monthly('RV', 1, 2, RV_LETTER), latest: RV_LATEST }, // 2 mo [V]
  monthly('DPT-HB-Hib', 2, 3, P2P), // 3 mo [V]
  monthly('OPV', 3, 3, P2P), // 3 mo [V]
  monthly('PCV', 2, 3, P2P), // 3 mo [V]
  { ...monthly('RV', 2, 3, RV_LETTER), latest: RV_LATEST }, // 3 mo [V]
  monthly('DPT-HB-Hib', 3, 4, P2P), // 4 mo [V]
  monthly('OPV', 4, 4, P2P), // 4 mo [V]
  monthly('IPV', 1, 4, P2P), // 4 mo [V]
  { ...monthly('RV', 3, 4, RV_LETTER), latest: RV_LATEST }, // 4 mo [V]
  monthly('MR', 1, 9, P2P), // 9 mo, campak-rubela [V]
  // IPV2 at 9 mo: 2024 Kemenkes schedule and ILP form field imun9IPV2 [S]; check the province's introduction date.
  monthly('IPV', 2, 9, 'Kemenkes 2024; form ILP imun9IPV2 (clinical-rules.md §2.1)'),
  { ...monthly('JE', 1, 10, P2P), endemicOnly: true }, // 10 mo, endemic districts only [V]
  monthly('PCV', 3, 12, P2P), // 12 mo [V]
  monthly('DPT-HB-Hib', 4, 18, P2P), // 18 mo lanjutan [V]
  monthly('MR', 2, 18, P2P), // 18 mo lanjutan [V]
]
