// Strings of the PWS indicators section (PwsIndicators.tsx, PwsChart.tsx), a dictionary of that lazy chunk (useT).
// Indicator names themselves come bilingual from the domain (domain/pws/indicator-labels.ts), as the CSV needs them.
import { defineMessages } from '../i18n'

export const indicatorMessages = defineMessages(
  {
    'pwsInd.title': 'Indikator PWS — kumulatif sejak Januari',
    'pwsInd.explain':
      'Angka: tercapai sejak Januari / sasaran setahun. Status membandingkan dengan target s.d. bulan ini dan dengan bulan lalu. Ketuk untuk melihat grafik.',
    'pwsInd.perDose': 'Per dosis imunisasi ({n})',
    'pwsInd.sasaran.terdaftar':
      'Sasaran setahun: {n} orang terdaftar (belum ada sasaran proyeksi dari puskesmas).',
    'pwsInd.sasaran.proyeksi': 'Sasaran setahun: {n} (sasaran proyeksi puskesmas).',
    'pwsInd.who': 'Lihat siapa saja ({n})',
    'pwsInd.noSasaran': 'Belum ada sasaran untuk indikator ini.',
    'pwsInd.chartSummary': '{label}: cakupan kumulatif {cumulative}, target s.d. bulan ini {target}',
    'pwsInd.legend.month': 'bulan ini',
    'pwsInd.legend.cumulative': 'kumulatif',
    'pwsInd.legend.target': 'target ({percent} % setahun)',
    'pwsInd.skdnGroups': 'SKDN menurut jenis kelamin dan umur',
    'pwsInd.group': 'Kelompok',
    'pwsInd.sex.L': 'Laki-laki',
    'pwsInd.sex.P': 'Perempuan',
    'pwsInd.more': 'Gizi, vitamin A dan TTD',
    'pwsInd.vitaminA.bayi': 'Vitamin A {round}: bayi 6–11 bulan',
    'pwsInd.vitaminA.balita': 'Vitamin A {round}: balita 12–59 bulan',
    'pwsInd.ttd': 'Remaja putri minum TTD minggu ini',
  },
  {
    'pwsInd.title': 'PWS indicators — cumulative since January',
    'pwsInd.explain':
      'Figures: reached since January / the year’s target population. The status compares with the target to date and with last month. Tap for the chart.',
    'pwsInd.perDose': 'Per vaccine dose ({n})',
    'pwsInd.sasaran.terdaftar':
      'Target population for the year: {n} registered people (no projection from the puskesmas yet).',
    'pwsInd.sasaran.proyeksi': 'Target population for the year: {n} (the puskesmas’ projection).',
    'pwsInd.who': 'Show who ({n})',
    'pwsInd.noSasaran': 'No target population for this indicator yet.',
    'pwsInd.chartSummary': '{label}: cumulative coverage {cumulative}, target to date {target}',
    'pwsInd.legend.month': 'this month',
    'pwsInd.legend.cumulative': 'cumulative',
    'pwsInd.legend.target': 'target ({percent} % a year)',
    'pwsInd.skdnGroups': 'SKDN by sex and age',
    'pwsInd.group': 'Group',
    'pwsInd.sex.L': 'Boys',
    'pwsInd.sex.P': 'Girls',
    'pwsInd.more': 'Nutrition, vitamin A and iron tablets',
    'pwsInd.vitaminA.bayi': 'Vitamin A {round}: infants 6–11 months',
    'pwsInd.vitaminA.balita': 'Vitamin A {round}: children 12–59 months',
    'pwsInd.ttd': 'Adolescent girls took iron tablets this week',
  },
)
