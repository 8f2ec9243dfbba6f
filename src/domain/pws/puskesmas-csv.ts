// The puskesmas' PWS file for a month (issue 15 §4): every figure of the laporan bulanan and every PWS indicator, one
// block of rows per posyandu area, each row starting with the posyandu — the kader report's rows and format
// (csv-format.ts), so a sheet filtered on one posyandu reads like that kader's report. No names, no NIK: figures only.

import type { Lang } from '../text'
import { reportFigureRows } from './csv'
import { csvText, monthName, type Row } from './csv-format'
import { INDICATOR_HEADER, indicatorRows } from './indicator-rows'
import type { PwsIndicators } from './indicators'
import type { PwsReport } from './types'

export interface PosyanduFigures {
  /** The posyandu (or work area) as the puskesmas knows it. */
  name: string
  report: PwsReport
  indicators: PwsIndicators
}

const T = {
  title: { id: 'PWS PUSKESMAS MENURUT POSYANDU', en: 'PUSKESMAS PWS BY POSYANDU' },
  puskesmas: { id: 'Puskesmas', en: 'Puskesmas' },
  posyandu: { id: 'Posyandu', en: 'Posyandu' },
} as const

/** One file for the puskesmas and month; areas in the order given. */
export function puskesmasCsv(
  puskesmas: string,
  month: string,
  areas: readonly PosyanduFigures[],
  lang: Lang,
): string {
  const rows: Row[] = [
    [T.title[lang], monthName(month, lang)],
    [T.puskesmas[lang], puskesmas],
    [],
    [T.posyandu[lang], ...INDICATOR_HEADER[lang]],
    ...areas.flatMap((a) =>
      [...reportFigureRows(a.report, lang), ...indicatorRows(a.indicators, lang)].map((row) => [
        a.name,
        ...row,
      ]),
    ),
  ]
  return csvText(rows)
}
