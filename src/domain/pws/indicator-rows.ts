// The PWS indicators (indicators.ts) as CSV rows, shared by the kader's laporan bulanan (csv.ts) and the puskesmas'
// file by posyandu (puskesmas-csv.ts). Columns extend the report's figures: section, code, indicator, this month's
// number, out of, percent — then, for the cumulative indicators, the total since January, its coverage of the
// annual sasaran, the target to date and the PWS status.

import type { Lang } from '../text'
import { countRow, percent, type Row, ratioRow } from './csv-format'
import { STATUS_LIGHT } from './cumulative'
import {
  AGE_GROUP_LABELS,
  GROUP_LABELS,
  indicatorGroup,
  indicatorLabel,
  NUTRITION_LABELS,
  STATUS_LABELS,
} from './indicator-labels'
import type { IndicatorSeries, PwsIndicators } from './indicators'
import { NUTRITION } from './skdn-groups'

export const INDICATOR_HEADER: Record<Lang, readonly string[]> = {
  id: [
    'Bagian',
    'Kode',
    'Indikator',
    'Jumlah bulan ini',
    'Dari (sasaran)',
    'Persen bulan ini (%)',
    'Kumulatif sejak Januari',
    'Cakupan kumulatif (%)',
    'Target s.d. bulan ini (%)',
    'Status',
  ],
  en: [
    'Section',
    'Code',
    'Indicator',
    'This month',
    'Out of (target population)',
    'This month (%)',
    'Cumulative since January',
    'Cumulative coverage (%)',
    'Target to date (%)',
    'Status',
  ],
}

const SECTIONS = {
  skdnGroups: { id: 'SKDN menurut jenis kelamin dan umur', en: 'SKDN by sex and age' },
  nutrition: { id: 'Status gizi balita ditimbang', en: 'Nutrition of the children weighed' },
  vitaminA: { id: 'Vitamin A', en: 'Vitamin A' },
  remaja: { id: 'Remaja putri', en: 'Adolescent girls' },
} as const

const SEX = { L: { id: 'laki-laki', en: 'boys' }, P: { id: 'perempuan', en: 'girls' } } as const
const LIGHT = {
  green: { id: 'hijau', en: 'green' },
  yellow: { id: 'kuning', en: 'yellow' },
  red: { id: 'merah', en: 'red' },
} as const

export function indicatorRows(ind: PwsIndicators, lang: Lang): Row[] {
  return [
    ...Object.values(ind.series).map((s) => seriesRow(s, lang)),
    ...ind.skdnGroups.flatMap((g) =>
      (['S', 'K', 'D', 'N'] as const).map((letter) =>
        countRow(
          SECTIONS.skdnGroups[lang],
          `skdn.${g.sex}.${g.age}.${letter}`,
          `${letter}: ${SEX[g.sex][lang]} ${AGE_GROUP_LABELS[g.age][lang]}`,
          g.counts[letter],
        ),
      ),
    ),
    ...NUTRITION.map((n) =>
      ratioRow(SECTIONS.nutrition[lang], `gizi.${n}`, NUTRITION_LABELS[n][lang], ind.nutrition[n], lang),
    ),
    ...ind.vitaminA.flatMap((round) =>
      (['bayi', 'balita', 'total'] as const).map((group) =>
        ratioRow(
          SECTIONS.vitaminA[lang],
          `vitaminA.${round.round}.${group}`,
          `Vitamin A ${round.round} — ${VITAMIN_A_GROUPS[group][lang]}`,
          round[group],
          lang,
        ),
      ),
    ),
    ratioRow(
      SECTIONS.remaja[lang],
      'remaja.ttdPutri',
      lang === 'id' ? 'Remaja putri minum TTD minggu ini' : 'Adolescent girls took iron tablets this week',
      ind.remajaPutriTtd,
      lang,
    ),
  ]
}

const VITAMIN_A_GROUPS = {
  bayi: { id: 'bayi 6–11 bulan (biru)', en: 'infants 6–11 months (blue)' },
  balita: { id: 'balita 12–59 bulan (merah)', en: 'children 12–59 months (red)' },
  total: { id: 'semua 6–59 bulan', en: 'all 6–59 months' },
} as const

function seriesRow(s: IndicatorSeries, lang: Lang): Row {
  const head = [GROUP_LABELS[indicatorGroup(s.id)][lang], s.id, indicatorLabel(s.id, lang)]
  const month = s.months.at(-1)
  if (!month) return head
  const status = s.status ? `${STATUS_LABELS[s.status][lang]} (${LIGHT[STATUS_LIGHT[s.status]][lang]})` : ''
  return [
    ...head,
    String(month.memberIds.length),
    String(s.sasaran.value),
    percent(month.coverage, lang),
    String(month.cumulative),
    percent(month.cumulativeCoverage, lang),
    percent(month.expected, lang),
    status,
  ]
}
