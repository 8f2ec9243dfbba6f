import { describe, expect, it } from 'vitest'
import { pwsIndicators } from '../../../src/domain/pws/indicators'
import { makeFollowUp, makeHousehold, makeInput, makeMember, makeVisit } from './builders'

// Screening and follow-up by stage, COUNTED BY HAND. March 2024 (reference date 31-03-2024; found-in-the-last-12-
// months window 01-04-2023 – 31-03-2024).
//
// r1 P 13 y: Hb 11.2 and TTD taken on 10-02-2024; on 09-03-2024 TTD not taken this week → Hb February; TTD no
// r2 P 17 y: 09-03-2024 TTD taken, BP 110/70 at 17 → TTD yes; PTM March
// r3 P 10 y: Hb measured — under 12: no remaja putri figure; under 15: no PTM
// r4 L 15 y: BP 20-01-2024 at 15 y 19 days → PTM January
// r5 P 12 y: Hb on 05-12-2023 → last year's
// d1 L 44 y: BP 165/100 on 10-12-2023 (hipertensi, in the window); follow-up 15-01-2024 "sudah ke puskesmas" → HT
//    dilayani January. GDS 250 on 09-03-2024 (DM found), follow-up 20-03 "belum berangkat" → not served. No BP this
//    year: no PTM.
// d2 P 54 y: 14-02-2024 BP 150/95 (hipertensi; follow-up "menolak"), complete SRQ-20, two TBC symptoms → PTM,
//    jiwa, terduga TBC February; TBC follow-up 01-03-2024 "sudah ke pustu" → dirujuk March
// d3 L 34 y: 02-03-2024 BP 120/80, PHQ-2 [1, 0] and GAD-2 [0, 0] → PTM and jiwa March
// d4 P 39 y: 05-01-2024 SRQ-20 with one item unanswered → not screened
// l1 L 74 y: 10-01-2024 chair stand 16 s (SKILAS read), BP 130/85 → lansia and PTM January
// l2 P 64 y: 01-02-2024 AKS all ten items, complete SRQ-20 → lansia and jiwa February
// l3 L 62 y: 05-03-2024 weight only → nothing
// l4 P 66 y: no visit
// t1 L 49 y: terduga TBC 01-06-2023 (in the window), follow-up 10-06-2023 "sudah ke puskesmas" → sasaran, not this year
// t2 L 45 y: terduga TBC 15-03-2023 (before the window) → not a sasaran
//
// Sasaran and cumulative to March:
//   remaja putri Hb: r1 r2 r5 = 3; r1 (Feb) = 1 · TTD this month: r2 / 3
//   PTM ≥ 15: r2 r4 d1 d2 d3 d4 l1 l2 l3 l4 t1 t2 = 12; Jan l1 r4, Feb d2, Mar d3 r2 = 5
//   hipertensi dilayani: d1 d2 = 2; d1 (Jan) = 1 · DM dilayani: d1 = 1; 0
//   lansia SKILAS/AKS: l1 l2 l3 l4 = 4; Jan l1, Feb l2 = 2
//   jiwa (> 18 y): d1 d2 d3 d4 l1 l2 l3 l4 t1 t2 = 10; Feb d2 l2, Mar d3 = 3
//   terduga TBC: d2 t1 = 2; d2 (Feb) = 1 · dirujuk: d2 (Mar) = 1
const m = (id: string, sex: 'L' | 'P', birthDate: string) => makeMember(id, 'h1', sex, birthDate)
const srq20Complete = Array.from({ length: 20 }, (_, i) => i < 3)
const srq20Missing = [...srq20Complete.slice(0, 19), null]
const twoSymptoms = ['batuk_2_minggu', 'keringat_malam'] as ('batuk_2_minggu' | 'keringat_malam')[]
const aksAll = {
  bab: 2,
  bak: 2,
  membersihkan_diri: 1,
  penggunaan_wc: 2,
  makan: 2,
  berpindah: 3,
  mobilitas: 3,
  berpakaian: 2,
  naik_turun_tangga: 2,
  mandi: 1,
}

const input = makeInput({
  households: [makeHousehold('h1')],
  members: [
    m('r1', 'P', '2010-05-01'),
    m('r2', 'P', '2007-01-01'),
    m('r3', 'P', '2013-06-01'),
    m('r4', 'L', '2009-01-01'),
    m('r5', 'P', '2011-12-01'),
    m('d1', 'L', '1980-01-01'),
    m('d2', 'P', '1970-01-01'),
    m('d3', 'L', '1990-01-01'),
    m('d4', 'P', '1985-01-01'),
    m('l1', 'L', '1950-01-01'),
    m('l2', 'P', '1960-02-01'),
    m('l3', 'L', '1962-01-01'),
    m('l4', 'P', '1958-01-01'),
    m('t1', 'L', '1975-01-01'),
    m('t2', 'L', '1979-01-01'),
  ],
  visits: [
    makeVisit('v-r1a', 'r1', '2024-02-10', { remaja: { hbGdl: 11.2, ttdTakenThisWeek: true } }),
    makeVisit('v-r1b', 'r1', '2024-03-09', { remaja: { ttdTakenThisWeek: false } }),
    makeVisit('v-r2', 'r2', '2024-03-09', {
      remaja: { ttdTakenThisWeek: true, systolicMmHg: 110, diastolicMmHg: 70 },
    }),
    makeVisit('v-r3', 'r3', '2024-03-09', { remaja: { hbGdl: 12 } }),
    makeVisit('v-r4', 'r4', '2024-01-20', { remaja: { systolicMmHg: 115, diastolicMmHg: 75 } }),
    makeVisit('v-r5', 'r5', '2023-12-05', { remaja: { hbGdl: 12.4 } }),
    makeVisit('v-d1a', 'd1', '2023-12-10', { dewasa: { systolicMmHg: 165, diastolicMmHg: 100 } }),
    makeVisit('v-d1b', 'd1', '2024-03-09', { dewasa: { gdsMgDl: 250 } }),
    makeVisit('v-d2', 'd2', '2024-02-14', {
      dewasa: { systolicMmHg: 150, diastolicMmHg: 95, srq20: srq20Complete, tbcSymptoms: twoSymptoms },
    }),
    makeVisit('v-d3', 'd3', '2024-03-02', {
      dewasa: { systolicMmHg: 120, diastolicMmHg: 80, phq2: [1, 0], gad2: [0, 0] },
    }),
    makeVisit('v-d4', 'd4', '2024-01-05', { dewasa: { srq20: srq20Missing } }),
    makeVisit('v-l1', 'l1', '2024-01-10', {
      lansia: { systolicMmHg: 130, diastolicMmHg: 85, skilas: { chairStandSeconds: 16 } },
    }),
    makeVisit('v-l2', 'l2', '2024-02-01', { lansia: { aks: aksAll, srq20: srq20Complete } }),
    makeVisit('v-l3', 'l3', '2024-03-05', { lansia: { weightKg: 60 } }),
    makeVisit('v-t1', 't1', '2023-06-01', { dewasa: { tbcSymptoms: twoSymptoms } }),
    makeVisit('v-t2', 't2', '2023-03-15', { dewasa: { tbcSymptoms: twoSymptoms } }),
  ],
  followUps: [
    makeFollowUp('v-d1a', 'td.hipertensi', '2024-01-15', 'sudah_ke_puskesmas'),
    makeFollowUp('v-d1b', 'gds.tinggi', '2024-03-20', 'belum_berangkat'),
    makeFollowUp('v-d2', 'td.hipertensi', '2024-02-20', 'menolak'),
    makeFollowUp('v-d2', 'tbc.terduga', '2024-03-01', 'sudah_ke_pustu'),
    makeFollowUp('v-t1', 'tbc.terduga', '2023-06-10', 'sudah_ke_puskesmas'),
  ],
  month: '2024-03',
})

const result = pwsIndicators(input)
const s = (id: string) => {
  const found = result.series[id]
  if (!found) throw new Error(`no series ${id}`)
  return found
}
const byMonth = (id: string) => s(id).months.map((m) => m.memberIds)

describe('stage indicators, the hand-counted March 2024 area', () => {
  it('remaja putri: Hb screening this year, and TTD taken this month', () => {
    expect(s('remaja.hbPutri').registered.memberIds).toEqual(['r1', 'r2', 'r5'])
    expect(byMonth('remaja.hbPutri')).toEqual([[], ['r1'], []])
    expect(result.remajaPutriTtd.numerator.memberIds).toEqual(['r2'])
    expect(result.remajaPutriTtd.denominator.memberIds).toEqual(['r1', 'r2', 'r5'])
  })

  it('PTM ≥ 15 y: blood pressure measured (a remaja from 15), not a glucose alone', () => {
    expect(s('ptm.skrining').registered.value).toBe(12)
    expect(byMonth('ptm.skrining')).toEqual([['l1', 'r4'], ['d2'], ['d3', 'r2']])
  })

  it('hipertensi and DM dilayani: found in the last 12 months, followed up as reaching the pustu/puskesmas', () => {
    expect(s('ptm.hipertensiDilayani').registered.memberIds).toEqual(['d1', 'd2'])
    expect(byMonth('ptm.hipertensiDilayani')).toEqual([['d1'], [], []])
    expect(s('ptm.dmDilayani').registered.memberIds).toEqual(['d1'])
    expect(s('ptm.dmDilayani').months.at(-1)?.cumulative).toBe(0)
  })

  it('lansia screened with SKILAS or AKS', () => {
    expect(s('lansia.skrining').registered.memberIds).toEqual(['l1', 'l2', 'l3', 'l4'])
    expect(byMonth('lansia.skrining')).toEqual([['l1'], ['l2'], []])
  })

  it('mental health: a complete SRQ-20, or PHQ-2 with GAD-2; not an SRQ-20 with an item missing', () => {
    expect(s('jiwa.skrining').registered.value).toBe(10)
    expect(byMonth('jiwa.skrining')).toEqual([[], ['d2', 'l2'], ['d3']])
  })

  it('terduga TBC found this year, and those whose referral reached the pustu/puskesmas', () => {
    expect(s('tbc.terduga').registered.memberIds).toEqual(['d2', 't1'])
    expect(byMonth('tbc.terduga')).toEqual([[], ['d2'], []])
    expect(byMonth('tbc.dirujuk')).toEqual([[], [], ['d2']])
  })

  it('status: PTM 5/12 above 3/12 and rising → baik; lansia 2/4 above but falling → kurang', () => {
    expect(s('ptm.skrining').status).toBe('baik')
    expect(s('lansia.skrining').status).toBe('kurang')
  })
  it('a follow-up naming the problem counts when the person got there, not when she moved away', () => {
    const withProblem = (outcome: 'sampai' | 'pindah') => ({
      ...input,
      followUps: [{ visitId: 'v-d1a', problem: 'tekanan_darah', date: '2024-01-15', outcome }],
    })
    const served = pwsIndicators(withProblem('sampai')).series['ptm.hipertensiDilayani']
    expect(served?.months.map((m) => m.memberIds)).toEqual([['d1'], [], []])
    const moved = pwsIndicators(withProblem('pindah')).series['ptm.hipertensiDilayani']
    expect(moved?.months.at(-1)?.cumulative).toBe(0)
  })

  it('one blood pressure per visit: a pregnant woman’s reading is not a PTM hipertensi', () => {
    const pregnant = {
      ...input,
      visits: input.visits.map((v) =>
        v.id === 'v-d1a'
          ? { ...v, parts: { ...v.parts, ibu_hamil: { systolicMmHg: 165, diastolicMmHg: 100 } } }
          : v,
      ),
    }
    expect(pwsIndicators(pregnant).series['ptm.hipertensiDilayani']?.registered.memberIds).toEqual(['d2'])
  })
})
