// The generated tables hold exactly WHO's numbers (scripts/gen-growth-tables.mjs packs them).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { lmsRow } from '../../../src/domain/growth/lms'
import {
  ACFA,
  BFA,
  BFA_2007,
  HCFA,
  HFA_2007,
  LHFA,
  type PackedTable,
  WFA,
  WFA_2007,
  WFH,
  WFL,
} from '../../../src/domain/growth/tables.generated'

const SOURCE = new URL('../../../reference/who-growth/', import.meta.url)
const FILES: [string, PackedTable][] = [
  ['wfa_0_5y_by_day.csv', WFA],
  ['lhfa_0_5y_by_day.csv', LHFA],
  ['wfl_45_110cm.csv', WFL],
  ['wfh_65_120cm.csv', WFH],
  ['bfa_0_5y_by_day.csv', BFA],
  ['hcfa_0_5y_by_day.csv', HCFA],
  ['acfa_3m_5y_by_day.csv', ACFA],
  ['bfa_5_19y_by_month_who2007.csv', BFA_2007],
  ['hfa_5_19y_by_month_who2007.csv', HFA_2007],
  ['wfa_5_10y_by_month_who2007.csv', WFA_2007],
]

describe('tables.generated.ts', () => {
  it('has the WHO row counts and first rows', () => {
    expect([WFA.first, WFA.count, ACFA.first, ACFA.count]).toEqual([0, 1827, 91, 1736])
    expect([WFL.first, WFL.count, WFH.first, WFH.count]).toEqual([45, 651, 65, 551])
    expect([HFA_2007.first, HFA_2007.count, WFA_2007.count]).toEqual([60, 170, 62])
    // wfa_0_5y_by_day.csv "1,0,0.3487,3.3464,0.14602" and bfa_5_19y_by_month_who2007.csv "2,229,-0.7496,21.4269,0.14441"
    expect(lmsRow(WFA, 'L', 0)).toEqual({ l: 0.3487, m: 3.3464, s: 0.14602 })
    expect(lmsRow(BFA_2007, 'P', 229 - 60)).toEqual({ l: -0.7496, m: 21.4269, s: 0.14441 })
    expect(lmsRow(WFA, 'L', 1827)).toBeUndefined()
  })

  describe('equals every L, M and S of the WHO CSVs in reference/who-growth', () => {
    it.each(FILES)('%s', (file, table) => {
      const lines = readFileSync(new URL(file, SOURCE), 'utf8').trim().split('\n').slice(1)
      const counts = { L: 0, P: 0 }
      for (const line of lines) {
        const [sex, , l, m, s] = line.split(',')
        const key = sex === '1' ? 'L' : 'P'
        expect(lmsRow(table, key, counts[key]++)).toEqual({ l: Number(l), m: Number(m), s: Number(s) })
      }
      expect(counts).toEqual({ L: table.count, P: table.count })
    })
  })
})
