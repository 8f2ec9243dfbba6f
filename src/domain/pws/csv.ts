// The laporan bulanan posyandu as a CSV file the kader opens in Excel or sends to the pustu: a figures section
// (sasaran, SKDN, coverage, risks, visits, referrals), the PWS indicators (indicator-rows.ts) and a register — one
// row per person with a finding or indicator, without NIK (the report leaves the phone; the name, age and address
// are what the kader needs). The format (BOM, ';', CRLF, decimal comma, formula guard) is csv-format.ts's.
import { ageOn, formatAge } from '../age'
import { LIFE_STAGES, OVERLAYS } from '../lifecycle'
import type { Lang } from '../text'
import { CSV_SEPARATOR, countRow, csvText, date, monthName, type Row, ratioRow } from './csv-format'
import { INDICATOR_HEADER, indicatorRows } from './indicator-rows'
import type { PwsIndicators } from './indicators'
import { FLAG_LABELS, OVERLAY_LABELS, RISK_LABELS, STAGE_LABELS } from './labels'
import { type PwsReport, RISKS } from './types'

export { CSV_SEPARATOR }

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
  indicators: { id: 'INDIKATOR PWS', en: 'PWS INDICATORS' },
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
  kiaBookUnrecorded: {
    id: 'Balita belum dicatat punya Buku KIA/KMS',
    en: 'Buku KIA/KMS not recorded (either way)',
  },
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

/** The report as CSV text (BOM, ';', CRLF — csv-format.ts), with the PWS indicators when given. */
export function pwsCsv(report: PwsReport, lang: Lang, indicators?: PwsIndicators): string {
  const rows: Row[] = [
    [T.title[lang], monthName(report.month, lang)],
    [T.referenceDate[lang], date(report.referenceDate, lang)],
    [],
    [...T.figuresHeader[lang]],
    ...reportFigureRows(report, lang),
    [],
    ...(indicators
      ? [[T.indicators[lang]], [...INDICATOR_HEADER[lang]], ...indicatorRows(indicators, lang), []]
      : []),
    [T.register[lang]],
    [...T.registerHeader[lang]],
    ...registerRows(report, lang),
    [],
    [T.notes[lang]],
    ...report.notes.map((n) => [n.message[lang]]),
  ]
  return csvText(rows)
}

/** The report's figures: [section, code, indicator, number, out of, percent] rows. */
export function reportFigureRows(r: PwsReport, lang: Lang): Row[] {
  const sasaran = T.sasaran[lang]
  const skdn = T.skdn[lang]
  const coverage = T.coverage[lang]
  const risks = T.risks[lang]
  const visits = T.visits[lang]
  const referrals = T.referrals[lang]
  return [
    [sasaran, 'sasaran.households', T.households[lang], String(r.households.value)],
    countRow(sasaran, 'sasaran.total', T.totalMembers[lang], r.sasaran.total),
    ...LIFE_STAGES.map((s) => countRow(sasaran, `sasaran.${s}`, STAGE_LABELS[s][lang], r.sasaran.stages[s])),
    ...OVERLAYS.map((o) => countRow(sasaran, `sasaran.${o}`, OVERLAY_LABELS[o][lang], r.sasaran.overlays[o])),
    ...(Object.keys(SKDN_LABELS) as (keyof typeof SKDN_LABELS)[]).map((k) =>
      countRow(
        skdn,
        `skdn.${k === 'twoT' ? '2T' : k === 'Dprime' ? "D'" : k}`,
        SKDN_LABELS[k][lang],
        r.skdn[k],
      ),
    ),
    ...(Object.keys(SKDN_RATIO_LABELS) as (keyof typeof SKDN_RATIO_LABELS)[]).map((k) =>
      ratioRow(skdn, `skdn.${SKDN_RATIO_LABELS[k].code}`, SKDN_RATIO_LABELS[k][lang], r.skdn.ratios[k], lang),
    ),
    ...LIFE_STAGES.map((s) =>
      ratioRow(coverage, `coverage.${s}`, STAGE_LABELS[s][lang], r.coverage.stages[s], lang),
    ),
    ...OVERLAYS.map((o) =>
      ratioRow(coverage, `coverage.${o}`, OVERLAY_LABELS[o][lang], r.coverage.overlays[o], lang),
    ),
    ...RISKS.map((k) => ratioRow(risks, `risk.${k}`, RISK_LABELS[k][lang], r.risks[k], lang)),
    ...(['posyandu', 'rumah', 'total'] as const).map((k) => [
      visits,
      `visits.${k}`,
      VISIT_LABELS[k][lang],
      String(r.visits[k].value),
    ]),
    ...(['made', 'closed', 'open'] as const).map((k) =>
      countRow(referrals, `referrals.${k}`, REFERRAL_LABELS[k][lang], r.referrals[k]),
    ),
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
