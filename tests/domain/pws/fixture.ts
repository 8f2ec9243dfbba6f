// A small posyandu area for March 2024 (reference date 31-03-2024), every figure COUNTED BY HAND below. The test
// (report.test.ts) asserts each one. KBM (settings 'kms'): 300 g at 9 months, 400 g at 6 months, 200 g from 11.
//
// Five households (hh1–hh5) plus hh6, deleted, whose child x01 is weighed in March and must count nowhere; z01 is
// a deleted member of hh1 with a March weighing, also nowhere.
//
// SASARAN on 31-03-2024 (30 people):
//   bayi baru lahir (≤ 28 d) 1: b13 (born 20-03-2024, 11 days)
//   bayi (< 12 mo)           2: b06 (6 mo), b12 (9 mo)
//   balita (12–59 mo)       11: b01 (12 mo: born 10-03-2023), b02, b03, b04, b05, b07, b08, b09, b10, b11, b14
//   prasekolah (60–71 mo)    1: p01 — born 15-03-2019, turns 60 months on 15-03-2024, mid-month: prasekolah on the
//                               31st, so outside S and D although weighed on 05-03 at 59 months
//   usia sekolah & remaja    2: r1 (16 y), s1 (7 y)
//   dewasa (19–59 y)        11: d1–d7, m1, m2, m3, n1
//   lansia (≥ 60 y)          2: l1 (65 y), l2 (70 y)
//   overlays: ibu hamil 3 (m1 26 w, m2 15 w, m3 34 w); ibu nifas 1 (n1, delivered 20-03-2024 — no longer hamil)
//
// SKDN: S = the 14 children 0–59 months (b01–b14) = K (no Buku KIA field).
//   b01 Feb 9.0 → Mar 9.3: +300 ≥ 200 ............................................ N
//   b02 Feb 8.5 → Mar 8.6: +100 < 200 ............................................ T
//   b03 Jan 10.0 → Feb 10.1 (T) → Mar 10.2 (T) .................................... T, 2T
//   b04 Jan 11.0, no February → Mar 11.5 .......................................... O
//   b05 first weighing ever on 09-03 .............................................. B
//   b06 Feb 7.0 → 01-03 (first day, home) 7.5: +500 ≥ 400 (6 months on 01-03) ........ N
//   b07 29-02 12.0 → 31-03 (last day) 12.1: +100 .................................. T   (its 01-04 visit is April's)
//   b08 weighed in February only; in March a home visit measured LiLA, no weight ... not weighed
//   b09 Feb 7.6 → Mar 7.9: +300 — but 7.9 kg at 24 months is BB/U < −3 SD ......... N, BGM
//   b10 Feb 12.0 → Mar 12.2: +200 ≥ 200; 85 cm standing at 35 months: TB/U < −2 ..... N (stunting)
//   b11 Feb 8.4 → Mar 8.6: +200; 82 cm lying: BB/PB < −2, BB/U < −2 ................ N (wasting, underweight)
//   b12 Feb 6.8 → Mar 7.2 (N, +400 ≥ 300) SUPERSEDED by the correction 6.9: +100 < 300  T
//   b13 newborn, first weighing 25-03 at home ..................................... B
//   b14 no visit at all ............................................................ not weighed
//   D = 12, N = 5 (b01 b06 b09 b10 b11), T = 4 (b02 b03 b07 b12), O = 1 (b04), B = 2 (b05 b13): 5+4+1+2 = 12 = D.
//   D′ = N + T = 9; BGM = 1 (b09); 2T = 1 (b03); not weighed = 2 (b08, b14).
//   D/S = 12/14, N/D = 5/12, N/D′ = 5/9, D/K = 12/14, N/S = 5/14, K/S = 14/14, BGM/D = 1/12.
//
// AT RISK (latest measurement in March; numerator / measured):
//   stunting 1/2 (b10; measured b10, b11) · wasting 1/2 (b11; measured b10, b11) · underweight 2/12 (b09 < −3,
//   b11 < −2; BB/U read for all 12 weighed)
//   KEK 1/3: m1 22.0 cm; m2 24.0; m3 23.0 on 02-03 but 23.5 on 20-03 — the latest, and 23.5 is not < 23.5
//   hipertensi 4/6: d1 150/95, d3 140/80 (sys = 140), d4 120/90 (dia = 90), l2 160/100 — not d2 139/89 (her 150/100
//     visit is superseded by that correction), not l1 130/85; d4's later 110/70 visit is deleted; d6 and d7 were
//     hypertensive in February only: not measured this month
//   gula darah ≥ 200: 2/3 (d1 = 200, l1 250; d5 199 is not)
//   terduga TBC 1/2 (d5 two symptoms; d1 none) · SKILAS positive 1/2 (l1 chair stand 16 s > 14; l2 all negative)
//
// COVERAGE (a visit in March with the stage's part / sasaran):
//   bayi baru lahir 1/1, bayi 2/2, balita 10/11 (not b14), prasekolah 1/1, remaja 1/2 (not s1), dewasa 5/11
//   (d1–d5; d6 d7 no March visit; m1–m3 and n1 only had their ibu hamil / nifas part), lansia 2/2,
//   ibu hamil 3/3, ibu nifas 1/1
//
// VISITS in March (current, not deleted, in the area): posyandu 20 — b01 b02 b03 b04 b05 b07 b09 b10 b11 b12(fix)
//   p01 r1 d1 d2(fix) d3 d4 l1 l2 m1 m3(02-03); home 7 — b06 b08 b13 d5 m2 m3(20-03) n1. Total 27 visits, 26 people.
//
// REFERRALS (one per problem, over each person's whole history; a visit that did not re-measure never closes one):
//   opened in February: b03 (T on 10-02, growth), b09 (BGM on 10-02), d6, d7 (hipertensi)
//   made in March (opened by a March visit): b02 b07 b12 (T), b10 (stunting), b11 (wasting), d1 (hipertensi, GDS),
//     d3 d4 l2 (hipertensi), l1 (GDS, SKILAS), d5 (TBC) = 11 — b03 and b09 still refer in March but their
//     February referral is the one open
//   closed in March: b03 (its growth referral, followed up on 20-03 — one referral for T and 2T), d1 (both, 15-03
//     and 20-03), d6 (February's, 05-03) = 3
//   open on 31-03: b02 b07 b09 b10 b11 b12, d3 (belum berangkat), d4 d5 l1, l2 (went on 02-04: after the month),
//     d7 (February, never followed up) = 12
//
// REGISTER: everyone above with a flag = 16: b02 b03 b07 b09 b10 b11 b12 m1 d1 d3 d4 d5 d6 d7 l1 l2.
import type { PwsInput } from '../../../src/domain/pws'
import { makeFollowUp, makeHousehold, makeInput, makeMember, makeVisit } from './builders'

const krajan = (rw: string, rt: string) => ({ dusun: 'Krajan', rw, rt })
const wetan = (rw: string, rt: string) => ({ dusun: 'Wetan', rw, rt })

const households = [
  makeHousehold('hh1', { headName: 'Budi Santoso', address: krajan('001', '001') }),
  makeHousehold('hh2', { headName: 'Agus', address: krajan('001', '002') }),
  makeHousehold('hh3', { headName: 'Slamet', address: krajan('002', '001') }),
  makeHousehold('hh4', { headName: 'Wayan', address: wetan('003', '004') }),
  makeHousehold('hh5', { headName: 'Darto', address: wetan('003', '005') }),
  makeHousehold('hh6', { headName: 'Pindah', deleted: true }),
]

const members = [
  makeMember('d1', 'hh1', 'L', '1979-01-05', { name: 'Budi Santoso' }),
  makeMember('m1', 'hh1', 'P', '1999-02-02', { name: 'Siti', hpht: '2023-10-01' }),
  makeMember('b01', 'hh1', 'L', '2023-03-10'),
  makeMember('b02', 'hh1', 'P', '2023-01-15'),
  makeMember('r1', 'hh1', 'P', '2008-01-20'),
  makeMember('z01', 'hh1', 'P', '2022-01-01', { deleted: true }),
  makeMember('d3', 'hh2', 'L', '1974-03-03', { name: 'Agus' }),
  makeMember('d4', 'hh2', 'P', '1994-04-04'),
  makeMember('b03', 'hh2', 'L', '2022-06-20'),
  makeMember('b04', 'hh2', 'P', '2021-08-05'),
  makeMember('b05', 'hh2', 'L', '2022-11-11'),
  makeMember('s1', 'hh2', 'L', '2016-09-09'),
  makeMember('l2', 'hh3', 'L', '1954-01-01', { name: 'Slamet' }),
  makeMember('l1', 'hh3', 'P', '1959-01-01'),
  makeMember('m2', 'hh3', 'P', '2000-05-05', { hpht: '2023-12-15' }),
  makeMember('b06', 'hh3', 'P', '2023-09-01'),
  makeMember('b07', 'hh3', 'L', '2022-02-14'),
  makeMember('b08', 'hh3', 'P', '2021-05-05'),
  makeMember('d5', 'hh4', 'L', '1980-08-08', { name: 'Wayan' }),
  makeMember('n1', 'hh4', 'P', '1996-06-06', { hpht: '2023-06-15', deliveryDate: '2024-03-20' }),
  makeMember('b13', 'hh4', 'L', '2024-03-20'),
  makeMember('b09', 'hh4', 'L', '2022-03-01'),
  makeMember('b10', 'hh4', 'P', '2021-03-20'),
  makeMember('m3', 'hh4', 'P', '1998-07-07', { hpht: '2023-08-01' }),
  makeMember('d6', 'hh5', 'L', '1970-10-10', { name: 'Darto' }),
  makeMember('d7', 'hh5', 'P', '1972-11-11'),
  makeMember('d2', 'hh5', 'P', '1984-02-02'),
  makeMember('b11', 'hh5', 'L', '2022-09-10'),
  makeMember('b12', 'hh5', 'P', '2023-06-01'),
  makeMember('b14', 'hh5', 'P', '2020-07-07'),
  makeMember('p01', 'hh5', 'L', '2019-03-15'),
  makeMember('x01', 'hh6', 'L', '2022-01-01'),
]

const weigh = (id: string, memberId: string, date: string, weightKg: number) =>
  makeVisit(id, memberId, date, { balita: { weightKg } })
const home = { place: 'rumah' } as const

const visits = [
  // January and February: the weighings March is compared with, and two February referrals.
  weigh('v-b03-01', 'b03', '2024-01-13', 10.0),
  weigh('v-b04-01', 'b04', '2024-01-13', 11.0),
  weigh('v-b01-02', 'b01', '2024-02-10', 9.0),
  weigh('v-b02-02', 'b02', '2024-02-10', 8.5),
  weigh('v-b03-02', 'b03', '2024-02-10', 10.1),
  weigh('v-b06-02', 'b06', '2024-02-01', 7.0),
  weigh('v-b07-02', 'b07', '2024-02-29', 12.0),
  weigh('v-b08-02', 'b08', '2024-02-10', 12.5),
  weigh('v-b09-02', 'b09', '2024-02-10', 7.6),
  weigh('v-b10-02', 'b10', '2024-02-10', 12.0),
  weigh('v-b11-02', 'b11', '2024-02-10', 8.4),
  weigh('v-b12-02', 'b12', '2024-02-10', 6.8),
  makeVisit('v-d6-02', 'd6', '2024-02-10', { dewasa: { systolicMmHg: 165, diastolicMmHg: 100 } }),
  makeVisit('v-d7-02', 'd7', '2024-02-10', { dewasa: { systolicMmHg: 170, diastolicMmHg: 105 } }),

  // March
  weigh('v-b01-03', 'b01', '2024-03-09', 9.3),
  weigh('v-b02-03', 'b02', '2024-03-09', 8.6),
  weigh('v-b03-03', 'b03', '2024-03-09', 10.2),
  weigh('v-b04-03', 'b04', '2024-03-09', 11.5),
  weigh('v-b05-03', 'b05', '2024-03-09', 10.0),
  makeVisit('v-b06-03', 'b06', '2024-03-01', { balita: { weightKg: 7.5 } }, home),
  weigh('v-b07-03', 'b07', '2024-03-31', 12.1),
  weigh('v-b07-04', 'b07', '2024-04-01', 12.6),
  makeVisit('v-b08-03', 'b08', '2024-03-16', { balita: { armCm: 14 } }, home),
  weigh('v-b09-03', 'b09', '2024-03-09', 7.9),
  makeVisit('v-b10-03', 'b10', '2024-03-09', {
    balita: { weightKg: 12.2, lengthCm: 85, position: 'standing' },
  }),
  makeVisit('v-b11-03', 'b11', '2024-03-09', { balita: { weightKg: 8.6, lengthCm: 82, position: 'lying' } }),
  weigh('v-b12-03', 'b12', '2024-03-09', 7.2),
  makeVisit('v-b12-03x', 'b12', '2024-03-09', { balita: { weightKg: 6.9 } }, { supersedes: 'v-b12-03' }),
  makeVisit('v-b13-03', 'b13', '2024-03-25', { balita: { weightKg: 3.3 } }, home),
  weigh('v-p01-03', 'p01', '2024-03-05', 17),
  weigh('v-x01-03', 'x01', '2024-03-09', 11),
  weigh('v-z01-03', 'z01', '2024-03-09', 11),
  makeVisit('v-r1-03', 'r1', '2024-03-09', { remaja: { hbGdl: 12.5, systolicMmHg: 110, diastolicMmHg: 70 } }),
  makeVisit('v-d1-03', 'd1', '2024-03-09', {
    dewasa: { systolicMmHg: 150, diastolicMmHg: 95, gdsMgDl: 200, tbcSymptoms: [] },
  }),
  makeVisit('v-d2-03', 'd2', '2024-03-09', { dewasa: { systolicMmHg: 150, diastolicMmHg: 100 } }),
  makeVisit(
    'v-d2-03x',
    'd2',
    '2024-03-09',
    { dewasa: { systolicMmHg: 139, diastolicMmHg: 89 } },
    { supersedes: 'v-d2-03' },
  ),
  makeVisit('v-d3-03', 'd3', '2024-03-09', { dewasa: { systolicMmHg: 140, diastolicMmHg: 80 } }),
  makeVisit('v-d4-03', 'd4', '2024-03-09', { dewasa: { systolicMmHg: 120, diastolicMmHg: 90 } }),
  makeVisit(
    'v-d4-03d',
    'd4',
    '2024-03-20',
    { dewasa: { systolicMmHg: 110, diastolicMmHg: 70 } },
    { deleted: true },
  ),
  makeVisit(
    'v-d5-03',
    'd5',
    '2024-03-12',
    { dewasa: { gdsMgDl: 199, tbcSymptoms: ['batuk_2_minggu', 'keringat_malam'] } },
    home,
  ),
  makeVisit('v-l1-03', 'l1', '2024-03-09', {
    lansia: { systolicMmHg: 130, diastolicMmHg: 85, gdsMgDl: 250, skilas: { chairStandSeconds: 16 } },
  }),
  makeVisit('v-l2-03', 'l2', '2024-03-09', {
    lansia: {
      systolicMmHg: 160,
      diastolicMmHg: 100,
      skilas: {
        orientationTimeCorrect: true,
        orientationPlaceCorrect: true,
        wordsRecalled: 3,
        chairStandSeconds: 10,
        weightLoss: false,
        appetiteLoss: false,
        lilaCm: 24,
        eyeProblem: false,
        fingerCountCorrect: true,
        whisperTest: 'dengar',
        feelingDown: false,
        littleInterest: false,
      },
    },
  }),
  makeVisit('v-m1-03', 'm1', '2024-03-09', { ibu_hamil: { lilaCm: 22 } }),
  makeVisit('v-m2-03', 'm2', '2024-03-14', { ibu_hamil: { lilaCm: 24 } }, home),
  makeVisit('v-m3-03a', 'm3', '2024-03-02', { ibu_hamil: { lilaCm: 23 } }),
  makeVisit('v-m3-03b', 'm3', '2024-03-20', { ibu_hamil: { lilaCm: 23.5 } }, home),
  makeVisit('v-n1-03', 'n1', '2024-03-25', { nifas: { dangerSigns: [] } }, home),
]

const followUps = [
  makeFollowUp('v-d6-02', 'td.hipertensi', '2024-03-05', 'sudah_ke_puskesmas'),
  makeFollowUp('v-d1-03', 'td.hipertensi', '2024-03-15', 'sudah_ke_puskesmas'),
  makeFollowUp('v-d1-03', 'gds.tinggi', '2024-03-20', 'sudah_ke_pustu'),
  makeFollowUp('v-d3-03', 'td.hipertensi', '2024-03-25', 'belum_berangkat'),
  makeFollowUp('v-l2-03', 'td.hipertensi', '2024-04-02', 'sudah_ke_pustu'),
  makeFollowUp('v-b03-03', 'kms.t', '2024-03-20', 'sudah_ke_puskesmas'),
]

export const MARCH: PwsInput = makeInput({ households, members, visits, followUps, month: '2024-03' })
