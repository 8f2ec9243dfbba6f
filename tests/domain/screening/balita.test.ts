import { describe, expect, it } from 'vitest'
import { DEFAULT_CLINICAL_SETTINGS } from '../../../src/domain/clinical-settings'
import type { Finding } from '../../../src/domain/findings'
import { zScore } from '../../../src/domain/growth'
import {
  type BalitaContext,
  type BalitaHistoryEntry,
  type BalitaScreening,
  balitaMeasures,
  interpretBalita,
} from '../../../src/domain/screening/balita'
import { codes, levelOf } from './builders'

function ctx(birthDate: string, visitDate: string, overrides: Partial<BalitaContext> = {}): BalitaContext {
  return {
    today: visitDate,
    visitDate,
    birthDate,
    sex: 'P',
    settings: DEFAULT_CLINICAL_SETTINGS,
    ...overrides,
  }
}

/** Only the findings whose code starts with one of the prefixes (immunisation findings are many). */
const only = (findings: Finding[], ...prefixes: string[]) =>
  codes(findings).filter((code) => prefixes.some((p) => code.startsWith(p)))

const weighing = (date: string, weightKg: number): BalitaHistoryEntry => ({ date, balita: { weightKg } })

// A girl born 2022-03-01 seen on 2024-03-10 is 740 days (24.3 months) old: TB/U, BB/TB.
const GIRL_2Y = ctx('2022-03-01', '2024-03-10')

describe('balitaMeasures', () => {
  it('gives the engine’s z-score at the age in days with the recorded position, and the Kemenkes category', () => {
    const m = balitaMeasures({ weightKg: 9, lengthCm: 78, position: 'standing' }, GIRL_2Y)
    expect(m.ageDays).toBe(740)
    expect(m.ageMonths).toBeCloseTo(740 / 30.4375, 10)
    expect(m.indicators.lhfa.z).toEqual(
      zScore({ indicator: 'lhfa', sex: 'P', ageDays: 740, lengthCm: 78, position: 'standing' }),
    )
    expect(m.indicators.lhfa).toMatchObject({ index: 'TB/U', z: { ok: true, z: -2.46 } })
    expect(m.indicators.lhfa.category?.label.id).toBe('Pendek (stunting)')
    expect(m.indicators.wfa).toMatchObject({
      index: 'BB/U',
      category: { label: { id: 'Berat badan kurang' } },
    })
    expect(m.indicators.wflh.index).toBe('BB/TB')
  })

  it('says "Pendek (stunting)" in the findings for a stunted child, and refers', () => {
    const findings = interpretBalita({ lengthCm: 78, position: 'standing' }, GIRL_2Y, [])
    const stunting = findings.find((f) => f.code === 'tbu.pendek')
    expect(stunting?.message.id).toBe('TB/U: Pendek (stunting)')
    expect(stunting?.level).toBe('rujuk')
  })

  it('applies the 0.7 cm rule from the recorded position (standing under 24 months = lying + 0.7 cm)', () => {
    const birthDate = '2022-09-01' // 20 months on 2024-05-01
    const standing = balitaMeasures(
      { lengthCm: 80, position: 'standing' },
      { birthDate, sex: 'L', visitDate: '2024-05-01' },
    )
    const ageDays = standing.ageDays
    expect(standing.indicators.lhfa.z).toEqual(
      zScore({ indicator: 'lhfa', sex: 'L', ageDays, lengthCm: 80.7, position: 'lying' }),
    )
    expect(standing.indicators.lhfa.index).toBe('PB/U')
    expect(standing.indicators.wflh.index).toBe('BB/PB')
  })

  it('keeps the engine’s reason when there is no z-score, and gives no category then', () => {
    const m = balitaMeasures({ weightKg: 9 }, GIRL_2Y)
    expect(m.indicators.lhfa).toEqual({
      indicator: 'lhfa',
      index: 'TB/U',
      z: { ok: false, reason: 'missing-measure' },
    })
    expect(m.indicators.acfa.z).toEqual({ ok: false, reason: 'missing-measure' })
    expect(m.lila).toBeUndefined()
  })

  it('gives no category for a value WHO flags as implausible', () => {
    const m = balitaMeasures({ weightKg: 40 }, GIRL_2Y)
    expect(m.indicators.wfa.z).toMatchObject({ ok: true, flagged: true })
    expect(m.indicators.wfa.category).toBeUndefined()
    const unconfirmed = { ...GIRL_2Y, extremesConfirmed: false }
    expect(only(interpretBalita({ weightKg: 40 }, unconfirmed, []), 'bbu.')).toEqual(['bbu.tidak-wajar'])
  })

  it('refers a boy whose extreme measurements were confirmed (548 days, 4.8 kg, 72 cm): gizi buruk, segera', () => {
    const boy = ctx('2023-01-01', '2024-07-02', { sex: 'L' }) // 548 days
    const findings = interpretBalita({ weightKg: 4.8, lengthCm: 72, position: 'lying' }, boy, [])
    expect(only(findings, 'bbu.', 'kms.bgm', 'bbtb.')).toEqual([
      'bbu.sangat-kurang',
      'kms.bgm',
      'bbtb.gizi-buruk',
    ])
    const growth = findings.filter((f) => /^(bbu\.|bbtb\.|kms\.bgm)/.test(f.code))
    expect(growth.map((f) => f.level)).toEqual(['rujuk', 'rujuk', 'rujuk'])
    expect(findings.find((f) => f.code === 'bbtb.gizi-buruk')?.urgent).toBe(true)
    // While the kader has not confirmed them, the form says to re-measure.
    const typing = interpretBalita(
      { weightKg: 4.8, lengthCm: 72, position: 'lying' },
      { ...boy, extremesConfirmed: false },
      [],
    )
    expect(only(typing, 'bbu.', 'bbtb.')).toEqual(['bbu.tidak-wajar', 'bbtb.tidak-wajar'])
  })

  it('reads LiLA by the absolute cut-offs', () => {
    expect(balitaMeasures({ armCm: 11.4 }, GIRL_2Y).lila?.code).toBe('lila.gizi-buruk')
    expect(balitaMeasures({ armCm: 11.5 }, GIRL_2Y).lila?.code).toBe('lila.gizi-kurang')
    expect(balitaMeasures({ armCm: 12.4 }, GIRL_2Y).lila?.code).toBe('lila.gizi-kurang')
    expect(balitaMeasures({ armCm: 12.5 }, GIRL_2Y).lila?.code).toBe('lila.normal')
    expect(levelOf(interpretBalita({ armCm: 11.4 }, GIRL_2Y, []), 'lila.')).toBe('rujuk')
  })
})

describe('measurement position', () => {
  // Born 2023-10-01, seen 2024-04-15: 6 months — too young to stand.
  const baby = ctx('2023-10-01', '2024-04-15')

  it('asks to re-measure lying, once, for a standing measurement before 9 months', () => {
    const s: BalitaScreening = { weightKg: 7, lengthCm: 65, position: 'standing' }
    const m = balitaMeasures(s, baby)
    expect(m.indicators.lhfa.z).toEqual({ ok: false, reason: 'implausible-position' })
    expect(m.indicators.wflh.z).toEqual({ ok: false, reason: 'implausible-position' })
    const findings = interpretBalita(s, baby, [])
    expect(only(findings, 'tbu.', 'bbtb.', 'imtu.')).toEqual(['tbu.posisi-salah'])
    expect(levelOf(findings, 'tbu.posisi-salah')).toBe('perhatian')
    // Weight-for-age does not depend on the position.
    expect(only(findings, 'bbu.')).toEqual(['bbu.normal'])
  })

  it('reads the same measurement lying', () => {
    const findings = interpretBalita({ weightKg: 7, lengthCm: 65, position: 'lying' }, baby, [])
    expect(only(findings, 'tbu.', 'bbtb.')).toEqual(['tbu.normal', 'bbtb.gizi-baik'])
  })
})

describe('oedema', () => {
  it('refers bilateral oedema as gizi buruk and computes no weight-based z-score', () => {
    const s: BalitaScreening = { weightKg: 7.5, lengthCm: 85, position: 'standing', oedema: true }
    const m = balitaMeasures(s, GIRL_2Y)
    expect(m.indicators.wfa.z).toEqual({ ok: false, reason: 'oedema' })
    expect(m.indicators.wflh.z).toEqual({ ok: false, reason: 'oedema' })
    expect(m.indicators.lhfa.z.ok).toBe(true)
    const findings = interpretBalita(s, GIRL_2Y, [])
    expect(levelOf(findings, 'balita.edema')).toBe('rujuk')
    // No BB/U, BGM or BB/TB from a weight that oedema inflates.
    expect(only(findings, 'bbu.', 'kms.bgm', 'bbtb.', 'imtu.')).toEqual([])
  })

  it('says no oedema when checked and absent', () => {
    expect(only(interpretBalita({ oedema: false }, GIRL_2Y, []), 'balita.edema')).toEqual([
      'balita.edema_tidak_ada',
    ])
  })
})

describe('BGM', () => {
  it('refers a child below the red line (BB/U < −3)', () => {
    const findings = interpretBalita({ weightKg: 7.5 }, GIRL_2Y, [])
    expect(balitaMeasures({ weightKg: 7.5 }, GIRL_2Y).indicators.wfa.z).toMatchObject({ z: -3.63 })
    expect(only(findings, 'bbu.', 'kms.bgm')).toEqual(['bbu.sangat-kurang', 'kms.bgm'])
    expect(levelOf(findings, 'kms.bgm')).toBe('rujuk')
  })

  it('is not BGM at BB/U −2.08', () => {
    expect(only(interpretBalita({ weightKg: 9 }, GIRL_2Y, []), 'bbu.', 'kms.bgm')).toEqual(['bbu.kurang'])
  })
})

describe('N/T/O/B and 2T', () => {
  // A boy born 2023-10-10 is 4 months old on 2024-02-10 and 5 months (KBM 500 g, KMS table) on 2024-03-12.
  const boy = ctx('2023-10-10', '2024-03-12', { sex: 'L' })
  const february = weighing('2024-02-10', 6)

  it('is B at the first weighing ever', () => {
    expect(only(interpretBalita({ weightKg: 6 }, boy, []), 'kms.')).toEqual(['kms.b'])
  })

  it('is N at exactly the KBM and T one gram-step below it', () => {
    expect(only(interpretBalita({ weightKg: 6.5 }, boy, [february]), 'kms.')).toEqual(['kms.n'])
    const below = interpretBalita({ weightKg: 6.49 }, boy, [february])
    expect(only(below, 'kms.')).toEqual(['kms.t'])
    expect(levelOf(below, 'kms.t')).toBe('rujuk')
  })

  it('reads the KBM table the settings choose (3 months: KMS 800 g, Tulip 600 g)', () => {
    const b = ctx('2023-12-05', '2024-03-06', { sex: 'L' }) // 3 months on 2024-03-06
    const history = [weighing('2024-02-06', 5)]
    expect(only(interpretBalita({ weightKg: 5.7 }, b, history), 'kms.')).toEqual(['kms.t'])
    const tulip = { ...b, settings: { ...DEFAULT_CLINICAL_SETTINGS, kbmTable: 'tulip' as const } }
    expect(only(interpretBalita({ weightKg: 5.7 }, tulip, history), 'kms.')).toEqual(['kms.n'])
  })

  it('compares with last month’s latest weighing, whatever the order of the history', () => {
    const history = [
      weighing('2024-03-02', 6.45), // earlier this month: not "last month"
      weighing('2024-02-25', 6.1), // last month's latest weighing
      february,
      weighing('2024-01-10', 5.2),
    ]
    // 6.55 − 6.1 = 450 g < 500 g → T (against 2024-02-10's 6.0 it would be N).
    expect(only(interpretBalita({ weightKg: 6.55 }, boy, history), 'kms.')).toEqual(['kms.t'])
  })

  it('is O across a missed month, not N or T', () => {
    const findings = interpretBalita({ weightKg: 7.5 }, boy, [weighing('2024-01-10', 5.2)])
    expect(only(findings, 'kms.')).toEqual(['kms.o'])
    expect(levelOf(findings, 'kms.o')).toBe('normal')
  })

  it('refers 2T: two monthly T in a row', () => {
    // A girl born 2023-06-10: 8 and 9 months in February and March (KBM 300 g).
    const girl = ctx('2023-06-10', '2024-03-11')
    const history = [weighing('2024-02-12', 7.1), weighing('2024-01-10', 7.0)]
    const findings = interpretBalita({ weightKg: 7.2 }, girl, history)
    expect(only(findings, 'kms.')).toEqual(['kms.t', 'kms.2t'])
    expect(levelOf(findings, 'kms.2t')).toBe('rujuk')
  })

  it('is not 2T when a missed month comes between the two T', () => {
    const girl = ctx('2023-06-10', '2024-04-11')
    const history = [weighing('2024-01-10', 7.0), weighing('2024-02-12', 7.1)] // T in Feb, March missed
    expect(only(interpretBalita({ weightKg: 7.2 }, girl, history), 'kms.')).toEqual(['kms.o'])
  })

  it('gives no weighing status without a weight at this visit', () => {
    expect(only(interpretBalita({ lengthCm: 64, position: 'lying' }, boy, [february]), 'kms.')).toEqual([])
  })

  it('ignores visits after the visit date, so an old visit reads the same forever', () => {
    const before = interpretBalita({ weightKg: 6.5 }, boy, [february])
    const later = [
      february,
      weighing('2024-04-10', 7),
      { date: '2024-04-10', balita: { vitaminA: true, obatCacing: true, immunizations: [] } },
    ]
    expect(interpretBalita({ weightKg: 6.5 }, boy, later)).toEqual(before)
  })
})

describe('fever and danger signs', () => {
  it('refers a temperature of 37.5 °C and above', () => {
    expect(levelOf(interpretBalita({ temperatureC: 37.5 }, GIRL_2Y, []), 'balita.demam')).toBe('rujuk')
    expect(only(interpretBalita({ temperatureC: 37.4 }, GIRL_2Y, []), 'balita.demam', 'balita.suhu')).toEqual(
      ['balita.suhu_normal'],
    )
  })

  it('refers every danger sign ticked now, and says none when the list was asked empty', () => {
    const findings = interpretBalita({ dangerSigns: ['kejang', 'diare'] }, GIRL_2Y, [])
    expect(only(findings, 'balita.tanda_bahaya')).toEqual([
      'balita.tanda_bahaya.kejang',
      'balita.tanda_bahaya.diare',
    ])
    expect(findings.find((f) => f.code === 'balita.tanda_bahaya.kejang')?.message.id).toMatch(/rujuk segera/)
    expect(only(interpretBalita({ dangerSigns: [] }, GIRL_2Y, []), 'balita.tanda_bahaya')).toEqual([
      'balita.tanda_bahaya.tidak_ada',
    ])
  })
})

describe('immunisation through the history', () => {
  // Born 2023-06-01; on 2023-09-15 she is 3 months 14 days: DPT-HB-Hib 1 (2 months) is late from 2023-09-01.
  const baby = ctx('2023-06-01', '2023-09-15')
  const history: BalitaHistoryEntry[] = [
    {
      date: '2023-07-03',
      balita: {
        immunizations: [
          { antigen: 'BCG', dose: 1 },
          { antigen: 'OPV', dose: 1 },
        ],
      },
    },
    { date: '2023-06-01', balita: { immunizations: [{ antigen: 'HB0', dose: 1 }] } },
  ]

  it('counts doses given at earlier visits and flags the overdue ones', () => {
    const findings = interpretBalita({ weightKg: 5.8 }, baby, history)
    expect(only(findings, 'imunisasi.hb0', 'imunisasi.bcg', 'imunisasi.opv_1')).toEqual([])
    expect(levelOf(findings, 'imunisasi.dpt-hb-hib_1.terlambat')).toBe('perhatian')
    // DPT-HB-Hib 2 waits 4 weeks after dose 1, which is not given yet (clinical-rules.md §2.1).
    expect(only(findings, 'imunisasi.dpt-hb-hib_2')).toEqual([])
  })

  it('counts this visit’s doses', () => {
    const s: BalitaScreening = {
      immunizations: [
        { antigen: 'DPT-HB-Hib', dose: 1 },
        { antigen: 'OPV', dose: 2 },
        { antigen: 'PCV', dose: 1 },
        { antigen: 'RV', dose: 1 },
      ],
    }
    const findings = interpretBalita(s, baby, history)
    expect(only(findings, 'imunisasi.dpt-hb-hib_1', 'imunisasi.opv_2', 'imunisasi.pcv_1')).toEqual([])
  })

  it('does not count a dose recorded after the visit date', () => {
    const later = [
      ...history,
      { date: '2023-10-01', balita: { immunizations: [{ antigen: 'DPT-HB-Hib' as const, dose: 1 }] } },
    ]
    expect(levelOf(interpretBalita({}, baby, later), 'imunisasi.dpt-hb-hib_1.terlambat')).toBe('perhatian')
  })
})

describe('vitamin A, obat cacing, ASI eksklusif', () => {
  // Born 2022-12-01: 14 months in February 2024 (red capsule), past 12 months (obat cacing).
  const birthDate = '2022-12-01'

  it('asks for vitamin A in February until it is given', () => {
    const feb = ctx(birthDate, '2024-02-14')
    expect(levelOf(interpretBalita({}, feb, []), 'vitamin_a.jatuh_tempo')).toBe('perhatian')
    expect(interpretBalita({}, feb, []).find((f) => f.code === 'vitamin_a.jatuh_tempo')?.message.id).toMatch(
      /kapsul merah/,
    )
    expect(only(interpretBalita({ vitaminA: true }, feb, []), 'vitamin_a.')).toEqual(['vitamin_a.sudah'])
    const givenEarlier = [{ date: '2024-02-03', balita: { vitaminA: true } }]
    expect(only(interpretBalita({}, feb, givenEarlier), 'vitamin_a.')).toEqual(['vitamin_a.sudah'])
  })

  it('says nothing about vitamin A outside February and August', () => {
    expect(only(interpretBalita({}, ctx(birthDate, '2024-03-14'), []), 'vitamin_a.')).toEqual([])
  })

  it('asks for obat cacing once per semester with the default settings', () => {
    const given = [{ date: '2024-02-03', balita: { obatCacing: true } }]
    expect(only(interpretBalita({}, ctx(birthDate, '2024-03-14'), given), 'obat_cacing.')).toEqual([
      'obat_cacing.sudah',
    ])
    const july = interpretBalita({}, ctx(birthDate, '2024-07-14'), given)
    expect(levelOf(july, 'obat_cacing.jatuh_tempo')).toBe('perhatian')
    const once = {
      ...ctx(birthDate, '2024-07-14'),
      settings: { ...DEFAULT_CLINICAL_SETTINGS, dewormingPerYear: 1 as const },
    }
    expect(only(interpretBalita({}, once, given), 'obat_cacing.')).toEqual(['obat_cacing.sudah'])
  })

  it('reads ASI eksklusif under 6 months only', () => {
    const three = ctx('2024-01-05', '2024-04-10')
    expect(levelOf(interpretBalita({ asiEksklusif: false }, three, []), 'asi_eksklusif.tidak')).toBe(
      'perhatian',
    )
    expect(only(interpretBalita({ asiEksklusif: true }, three, []), 'asi_eksklusif')).toEqual([
      'asi_eksklusif.ya',
    ])
    const seven = ctx('2023-09-01', '2024-04-10')
    expect(only(interpretBalita({ asiEksklusif: false }, seven, []), 'asi_eksklusif')).toEqual([])
  })
})

describe('interpretBalita guards', () => {
  it('reads nothing for a visit dated before the birth date', () => {
    expect(interpretBalita({ weightKg: 3 }, ctx('2024-05-01', '2024-04-30'), [])).toEqual([])
  })

  it('gives every finding a source', () => {
    const findings = interpretBalita(
      {
        weightKg: 7.5,
        lengthCm: 78,
        position: 'standing',
        armCm: 11,
        temperatureC: 38,
        dangerSigns: ['lemas'],
      },
      GIRL_2Y,
      [weighing('2024-02-08', 7.6)],
    )
    expect(findings.length).toBeGreaterThan(5)
    for (const f of findings) expect(f.source).not.toBe('')
  })
})
