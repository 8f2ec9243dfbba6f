import { describe, expect, it } from 'vitest'
import { puskesmasCsv, pwsCsv, pwsMonthAndIndicators } from '../../../src/domain/pws'
import { makeHousehold, makeInput, makeMember, makeVisit } from './builders'
import { MARCH } from './fixture'

// Two posyandu areas for March 2024: "Mawar" is fixture.ts's area; "Melati" has two adults, one with her BP taken on
// 09-03-2024. Counted by hand:
//   Mawar PTM ≥ 15 y: sasaran 14 (r1, d1–d7, m1–m3, n1, l1, l2); BP in February d6 d7, in March d1 d2 d3 d4 l1 l2 r1
//     → this month 7/14 = 50,0 %, cumulative 9/14 = 64,3 %, target to date 3/12 = 25,0 %, 7 ≥ 2 → Baik (hijau)
//   Melati PTM ≥ 15 y: 1 of 2 in March → 50,0 %, cumulative 1 → 50,0 %, 1 ≥ 0 → Baik (hijau)
//   Mawar K (Buku KIA/KMS): 10; persalinan di fasyankes: sasaran n1 (delivered 20-03-2024) = 1, not countable yet.
const melati = makeInput({
  households: [makeHousehold('m-h1')],
  members: [makeMember('m-d1', 'm-h1', 'P', '1980-01-01'), makeMember('m-d2', 'm-h1', 'L', '1970-01-01')],
  visits: [makeVisit('m-v1', 'm-d1', '2024-03-09', { dewasa: { systolicMmHg: 120, diastolicMmHg: 80 } })],
})
const mawar = pwsMonthAndIndicators(MARCH)
const other = pwsMonthAndIndicators(melati)
const areas = [
  { name: 'Mawar', ...mawar },
  { name: 'Melati', ...other },
]
const lines = (csv: string) => csv.replace('\uFEFF', '').split('\r\n')

describe('the puskesmas CSV by posyandu', () => {
  const csv = puskesmasCsv('Puskesmas Dayeuhluhur', '2024-03', areas, 'id')
  const rows = lines(csv)

  it('has the kader report’s format: BOM, ";" and CRLF, every row the same width', () => {
    expect(csv.startsWith('\uFEFFPWS PUSKESMAS MENURUT POSYANDU;Maret 2024')).toBe(true)
    const widths = new Set(rows.filter((r) => r !== '').map((r) => r.split(';').length))
    expect(widths.size).toBe(1)
    expect(rows[3]).toBe(
      'Posyandu;Bagian;Kode;Indikator;Jumlah bulan ini;Dari (sasaran);Persen bulan ini (%);Kumulatif sejak Januari;Cakupan kumulatif (%);Target s.d. bulan ini (%);Status',
    )
  })

  it('gives every posyandu the same rows, each starting with its name', () => {
    const mawarRows = rows.filter((r) => r.startsWith('Mawar;'))
    const melatiRows = rows.filter((r) => r.startsWith('Melati;'))
    expect(mawarRows.length).toBeGreaterThan(100)
    expect(melatiRows.length).toBe(mawarRows.length)
  })

  it('writes the cumulative indicators with coverage, target to date and status', () => {
    expect(rows).toContain(
      'Mawar;Skrining menurut usia;ptm.skrining;Skrining PTM usia ≥ 15 tahun;7;14;50,0;9;64,3;25,0;Baik (hijau)',
    )
    expect(rows).toContain(
      'Melati;Skrining menurut usia;ptm.skrining;Skrining PTM usia ≥ 15 tahun;1;2;50,0;1;50,0;25,0;Baik (hijau)',
    )
  })

  it('counts persalinan di fasyankes like any indicator: none recorded at a fasyankes in this area', () => {
    const row = rows.find((r) => r.startsWith('Mawar;PWS-KIA;kia.persalinanFasyankes;'))
    expect(row?.split(';').slice(4, 6)).toEqual(['0', '1'])
  })

  it('keeps the laporan bulanan figures, K among them', () => {
    expect(rows).toContain('Mawar;SKDN balita (0–59 bulan);skdn.K;K: balita punya Buku KIA/KMS;10;;;;;;')
  })

  it('in English: decimal point and English labels', () => {
    const en = lines(puskesmasCsv('Puskesmas Dayeuhluhur', '2024-03', areas, 'en'))
    expect(en).toContain(
      'Melati;Screening by age;ptm.skrining;NCD screening, age ≥ 15;1;2;50.0;1;50.0;25.0;Good (green)',
    )
  })
})

describe('the kader’s laporan bulanan with the PWS indicators', () => {
  it('adds the indicator section between the figures and the register', () => {
    const rows = lines(pwsCsv(mawar.report, 'id', mawar.indicators))
    const section = rows.findIndex((r) => r.startsWith('INDIKATOR PWS;'))
    expect(section).toBeGreaterThan(rows.findIndex((r) => r.startsWith('Rujukan;referrals.open')))
    expect(section).toBeLessThan(rows.findIndex((r) => r.startsWith('REGISTER SASARAN')))
    expect(rows[section + 1]?.startsWith('Bagian;Kode;Indikator;Jumlah bulan ini;')).toBe(true)
    expect(rows).toContain(
      'SKDN menurut jenis kelamin dan umur;skdn.P.24-59.K;K: perempuan 24–59 bulan;1;;;;;;;;',
    )
  })
})
