// The laporan bulanan posyandu as a CSV file the kader opens in Excel or sends to the pustu: a figures section
// (sasaran, SKDN, coverage, risks, visits, referrals) and a register — one row per person with a finding or
// indicator, without NIK (the report leaves the phone; the name, age and address are what the kader needs).
//
// Format:
//   - RFC 4180: CRLF line ends; a field holding the separator, a quote, CR or LF is quoted and its quotes doubled;
//     every row has the same number of fields (short rows are padded), which RFC 4180 §2.4 asks for.
//   - Separator ';': Excel splits on the list separator of the Windows region, and the Indonesian region's is ';'
//     (its decimal separator is ','), so a ',' file opens as one column there. No "sep=;" line: with it Excel
//     ignores the BOM and shows the text as ANSI.
//   - UTF-8 with a BOM (U+FEFF) so that Excel reads UTF-8 (names, "≥", "–") instead of the ANSI code page.
//   - Numbers: counts as integers; percentages with one decimal, decimal comma in 'id' (Indonesian Excel reads "91,7"
//     as a number), decimal point in 'en'. Dates DD-MM-YYYY in 'id', YYYY-MM-DD in 'en'.
//   - A text field starting with = + - @ (or a tab/CR) gets a leading apostrophe so Excel never runs it as a formula
//     (OWASP "CSV Injection"): names and addresses are typed by people.
import { ageOn, formatAge } from '../age'
import { toDayMonthYear } from '../dates'
import { LIFE_STAGES, OVERLAYS } from '../lifecycle'
import type { Lang } from '../text'
import { FLAG_LABELS, MONTH_NAMES, OVERLAY_LABELS, RISK_LABELS, STAGE_LABELS } from './labels'
import { type Count, type PwsReport, type Ratio, RISKS, type VisitTally } from './types'

export const CSV_SEPARATOR = ';'
const BOM = '\uFEFF'
const CRLF = '\r\n'

type Row = string[]

const T = {
  title: { id: 'LAPORAN BULANAN POSYANDU', en: 'MONTHLY POSYANDU REPORT' },
  referenceDate: { id: 'Tanggal acuan sasaran', en: 'Reference date' },
  figuresHeader: {
    id: ['Bagian', 'Kode', 'Indikator', 'Jumlah', 'Dari', 'Persen (%)'],
    en: ['Section', 'Code', 'Indicator', 'Number', 'Out of', 'Percent (%)'],
  },
  sasaran: { id: 'Sasaran', en: 'Target population' },
  households: { id: 'Rumah tangga (KK)', en: 'Households' },
  totalMembers: { id: 'Jumlah penduduk terdaftar', en: 'Registered people' },
  skdn: { id: 'SKDN balita (0–59 bulan)', en: 'SKDN, children 0–59 months' },
  coverage: { id: 'Cakupan skrining', en: 'Screening coverage' },
  risks: { id: 'Sasaran berisiko', en: 'At risk' },
  visits: { id: 'Kunjungan', en: 'Visits' },
  referrals: { id: 'Rujukan', en: 'Referrals' },
  register: { id: 'REGISTER SASARAN DENGAN TEMUAN', en: 'REGISTER OF PEOPLE WITH FINDINGS' },
  registerHeader: {
    id: [
      'No',
      'Nama',
      'JK',
      'Tanggal lahir',
      'Umur',
      'Tahap',
      'Kepala keluarga',
      'Dusun',
      'RW',
      'RT',
      'Indikator',
      'Temuan',
    ],
    en: [
      'No',
      'Name',
      'Sex',
      'Birth date',
      'Age',
      'Stage',
      'Head of household',
      'Dusun',
      'RW',
      'RT',
      'Indicators',
      'Findings',
    ],
  },
  notes: { id: 'Catatan', en: 'Notes' },
} as const

const SKDN_LABELS = {
  S: { id: 'S: jumlah balita', en: 'S: children 0–59 months' },
  K: { id: 'K: balita punya Buku KIA/KMS', en: 'K: with Buku KIA/KMS' },
  D: { id: 'D: balita ditimbang bulan ini', en: 'D: weighed this month' },
  N: { id: 'N: berat badan naik', en: 'N: weight gained' },
  T: { id: 'T: berat badan tidak naik', en: 'T: no adequate gain' },
  O: { id: 'O: tidak ditimbang bulan lalu', en: 'O: not weighed last month' },
  B: { id: 'B: baru pertama ditimbang', en: 'B: first weighing' },
  Dprime: {
    id: "D': ditimbang bulan lalu dan bulan ini (D − O − B)",
    en: "D': weighed last month and this (D − O − B)",
  },
  BGM: { id: 'BGM: di bawah garis merah', en: 'BGM: below the red line' },
  twoT: { id: '2T: dua kali berturut-turut tidak naik', en: '2T: no gain two months in a row' },
  notWeighed: { id: 'Balita tidak ditimbang bulan ini (S − D)', en: 'Not weighed this month (S − D)' },
} as const

const SKDN_RATIO_LABELS = {
  KS: { code: 'K/S', id: 'K/S: cakupan program', en: 'K/S: programme coverage' },
  DS: { code: 'D/S', id: 'D/S: partisipasi masyarakat', en: 'D/S: community participation' },
  ND: { code: 'N/D', id: 'N/D: keberhasilan penimbangan', en: 'N/D: growth success' },
  NDprime: { code: "N/D'", id: "N/D': keberhasilan (ketat)", en: "N/D': growth success (strict)" },
  DK: { code: 'D/K', id: 'D/K: kelangsungan penimbangan', en: 'D/K: continuity' },
  NS: { code: 'N/S', id: 'N/S: efektivitas program', en: 'N/S: programme effectiveness' },
  BGMD: { code: 'BGM/D', id: 'BGM/D', en: 'BGM/D' },
} as const

const VISIT_LABELS = {
  posyandu: { id: 'Kunjungan di posyandu (hari buka)', en: 'Visits at the posyandu (open day)' },
  rumah: { id: 'Kunjungan rumah', en: 'Home visits' },
  total: { id: 'Jumlah kunjungan', en: 'All visits' },
} as const

const REFERRAL_LABELS = {
  made: { id: 'Orang dirujuk bulan ini', en: 'People referred this month' },
  closed: {
    id: 'Rujukan selesai bulan ini (sudah ke pustu/puskesmas)',
    en: 'Referrals completed this month',
  },
  open: { id: 'Rujukan belum selesai pada akhir bulan', en: 'Referrals still open at month end' },
} as const

/** The report as CSV text (BOM, ';', CRLF — see the header). */
export function pwsCsv(report: PwsReport, lang: Lang): string {
  const rows: Row[] = [
    [T.title[lang], monthName(report.month, lang)],
    [T.referenceDate[lang], date(report.referenceDate, lang)],
    [],
    [...T.figuresHeader[lang]],
    ...figures(report, lang),
    [],
    [T.register[lang]],
    [...T.registerHeader[lang]],
    ...registerRows(report, lang),
    [],
    [T.notes[lang]],
    ...report.notes.map((n) => [n.message[lang]]),
  ]
  const width = Math.max(...rows.map((r) => r.length))
  const lines = rows.map((r) =>
    [...r, ...Array<string>(width - r.length).fill('')].map(field).join(CSV_SEPARATOR),
  )
  return BOM + lines.join(CRLF) + CRLF
}

function figures(r: PwsReport, lang: Lang): Row[] {
  const sasaran = T.sasaran[lang]
  const skdn = T.skdn[lang]
  const coverage = T.coverage[lang]
  const risks = T.risks[lang]
  const visits = T.visits[lang]
  const referrals = T.referrals[lang]
  return [
    [sasaran, 'sasaran.households', T.households[lang], String(r.households.value)],
    count(sasaran, 'sasaran.total', T.totalMembers[lang], r.sasaran.total),
    ...LIFE_STAGES.map((s) => count(sasaran, `sasaran.${s}`, STAGE_LABELS[s][lang], r.sasaran.stages[s])),
    ...OVERLAYS.map((o) => count(sasaran, `sasaran.${o}`, OVERLAY_LABELS[o][lang], r.sasaran.overlays[o])),
    ...(Object.keys(SKDN_LABELS) as (keyof typeof SKDN_LABELS)[]).map((k) =>
      count(skdn, `skdn.${k === 'twoT' ? '2T' : k === 'Dprime' ? "D'" : k}`, SKDN_LABELS[k][lang], r.skdn[k]),
    ),
    ...(Object.keys(SKDN_RATIO_LABELS) as (keyof typeof SKDN_RATIO_LABELS)[]).map((k) =>
      ratio(skdn, `skdn.${SKDN_RATIO_LABELS[k].code}`, SKDN_RATIO_LABELS[k][lang], r.skdn.ratios[k], lang),
    ),
    ...LIFE_STAGES.map((s) =>
      ratio(coverage, `coverage.${s}`, STAGE_LABELS[s][lang], r.coverage.stages[s], lang),
    ),
    ...OVERLAYS.map((o) =>
      ratio(coverage, `coverage.${o}`, OVERLAY_LABELS[o][lang], r.coverage.overlays[o], lang),
    ),
    ...RISKS.map((k) => ratio(risks, `risk.${k}`, RISK_LABELS[k][lang], r.risks[k], lang)),
    ...(['posyandu', 'rumah', 'total'] as const).map((k) =>
      visitRow(visits, `visits.${k}`, VISIT_LABELS[k][lang], r.visits[k]),
    ),
    ...(['made', 'closed', 'open'] as const).map((k) =>
      count(referrals, `referrals.${k}`, REFERRAL_LABELS[k][lang], r.referrals[k]),
    ),
  ]
}

function count(section: string, code: string, label: string, c: Count): Row {
  return [section, code, label, String(c.value)]
}

function visitRow(section: string, code: string, label: string, v: VisitTally): Row {
  return [section, code, label, String(v.value)]
}

function ratio(section: string, code: string, label: string, r: Ratio, lang: Lang): Row {
  return [
    section,
    code,
    label,
    String(r.numerator.value),
    String(r.denominator.value),
    percent(r.value, lang),
  ]
}

function registerRows(r: PwsReport, lang: Lang): Row[] {
  return r.register.map((row, i) => [
    String(i + 1),
    row.name,
    lang === 'id' ? row.sex : row.sex === 'L' ? 'M' : 'F',
    date(row.birthDate, lang),
    formatAge(ageOn(row.birthDate, r.referenceDate), lang),
    [STAGE_LABELS[row.stage][lang], ...row.overlays.map((o) => OVERLAY_LABELS[o][lang])].join(', '),
    row.household.headName,
    row.household.dusun ?? '',
    row.household.rw ?? '',
    row.household.rt ?? '',
    row.flags.map((f) => FLAG_LABELS[f][lang]).join(', '),
    row.findings.map((f) => f.message[lang]).join('; '),
  ])
}

/** Percent with one decimal; empty when there is nothing to divide by. */
function percent(value: number | null, lang: Lang): string {
  if (value === null) return ''
  const text = (Math.round(value * 1000) / 10).toFixed(1)
  return lang === 'id' ? text.replace('.', ',') : text
}

function date(iso: string, lang: Lang): string {
  return lang === 'id' ? toDayMonthYear(iso) : iso
}

function monthName(month: string, lang: Lang): string {
  const [year, m] = month.split('-')
  return `${MONTH_NAMES[lang][Number(m) - 1] ?? m} ${year}`
}

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = new RegExp(`["${CSV_SEPARATOR}\r\n]`)

function field(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}
