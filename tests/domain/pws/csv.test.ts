import { describe, expect, it } from 'vitest'
import { pwsCsv, pwsMonth } from '../../../src/domain/pws'
import { MARCH } from './fixture'

/** RFC 4180 reader: ';'-separated, quoted fields with doubled quotes, CRLF rows. */
function parse(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 1
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ';') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += 1
    } else cell += c
  }
  return rows
}

const withNik = {
  ...MARCH,
  members: MARCH.members.map((m, i) => Object.assign({ nik: `3201${String(i).padStart(12, '0')}` }, m)),
}
const report = pwsMonth(withNik)
const csvId = pwsCsv(report, 'id')
const csvEn = pwsCsv(report, 'en')
const rowsId = parse(csvId.slice(1))
const rowsEn = parse(csvEn.slice(1))
const byCode = (rows: string[][], code: string) => rows.find((r) => r[1] === code)

describe('pwsCsv: format', () => {
  it('is UTF-8 text with a BOM, CRLF line ends and ";" between fields', () => {
    expect(csvId.charCodeAt(0)).toBe(0xfeff)
    expect(csvId.endsWith('\r\n')).toBe(true)
    expect(csvId.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    expect(csvId.split('\r\n')[0]).toBe('\uFEFFLAPORAN BULANAN POSYANDU;Maret 2024;;;;;;;;;;')
  })

  it('gives every row the same number of fields', () => {
    const widths = new Set(rowsId.map((r) => r.length))
    expect([...widths]).toEqual([12])
  })

  it('quotes fields holding ";", quotes or line breaks, and defuses formulas', () => {
    const tricky = {
      ...MARCH,
      households: MARCH.households.map((h) => (h.id === 'hh2' ? { ...h, headName: 'Agus; "Pak RT"' } : h)),
      members: MARCH.members.map((m) => (m.id === 'b03' ? { ...m, name: '=HYPERLINK("x")' } : m)),
    }
    const text = pwsCsv(pwsMonth(tricky), 'id')
    expect(text).toContain('"Agus; ""Pak RT"""')
    const row = parse(text.slice(1)).find((r) => r[6] === 'Agus; "Pak RT"' && r[1]?.includes('HYPERLINK'))
    expect(row?.[1]).toBe(`'=HYPERLINK("x")`)
  })
})

describe('pwsCsv: figures', () => {
  it('writes counts and ratios with the report’s numbers, decimal comma in Indonesian', () => {
    expect(byCode(rowsId, 'skdn.S')?.slice(3, 4)).toEqual(['14'])
    expect(byCode(rowsId, 'skdn.D/S')?.slice(3, 6)).toEqual(['12', '14', '85,7'])
    expect(byCode(rowsId, "skdn.N/D'")?.slice(3, 6)).toEqual(['5', '9', '55,6'])
    expect(byCode(rowsId, 'skdn.2T')?.[3]).toBe('1')
    expect(byCode(rowsId, 'risk.hipertensi')?.slice(3, 6)).toEqual(['4', '6', '66,7'])
    expect(byCode(rowsId, 'coverage.dewasa')?.slice(3, 6)).toEqual(['5', '11', '45,5'])
    expect(byCode(rowsId, 'visits.rumah')?.[3]).toBe('7')
    expect(byCode(rowsId, 'referrals.open')?.[3]).toBe('12')
    expect(byCode(rowsId, 'sasaran.households')?.[3]).toBe('5')
  })

  it('uses the decimal point and English labels in English', () => {
    expect(rowsEn[0]?.slice(0, 2)).toEqual(['MONTHLY POSYANDU REPORT', 'March 2024'])
    expect(byCode(rowsEn, 'skdn.D/S')?.slice(2, 6)).toEqual([
      'D/S: community participation',
      '12',
      '14',
      '85.7',
    ])
  })

  it('leaves the percentage empty when there is nothing to divide by', () => {
    const empty = parse(pwsCsv(pwsMonth({ ...MARCH, month: '2015-01' }), 'id').slice(1))
    expect(byCode(empty, 'skdn.D/S')?.slice(3, 6)).toEqual(['0', '0', ''])
  })
})

describe('pwsCsv: register', () => {
  const header = rowsId.findIndex((r) => r[0] === 'No' && r[1] === 'Nama')
  const register = rowsId.slice(header + 1, header + 1 + report.register.length)

  it('has one row per person of the report’s register, in its order', () => {
    expect(register.map((r) => r[0])).toEqual(report.register.map((_, i) => String(i + 1)))
    expect(register.map((r) => r[1])).toEqual(report.register.map((r) => r.name))
    expect(rowsId[header + 1 + report.register.length]?.every((c) => c === '')).toBe(true)
  })

  it('shows age, stage, address, indicators and findings', () => {
    const b03 = register.find((r) => r[1] === 'Nama b03')
    expect(b03).toEqual([
      expect.any(String),
      'Nama b03',
      'L',
      '20-06-2022',
      '1 th 9 bl',
      'Balita (12–59 bulan)',
      'Agus',
      'Krajan',
      '001',
      '002',
      'T (tidak naik), 2T, Rujukan selesai bulan ini',
      expect.stringContaining('T: berat badan tidak naik'),
    ])
    const m1 = register.find((r) => r[1] === 'Siti')
    expect(m1?.[5]).toBe('Usia dewasa (19–59 tahun), Ibu hamil')
  })

  it('never writes a NIK', () => {
    for (const m of withNik.members) expect(csvId).not.toContain(m.nik)
  })

  it('ends with the notes', () => {
    expect(csvId).toContain('K dianggap sama dengan S')
    expect(csvEn).toContain('K is taken as equal to S')
  })
})
