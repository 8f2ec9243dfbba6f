import { describe, expect, it } from 'vitest'
import { DEFAULT_CLINICAL_SETTINGS } from '../../../src/domain/clinical-settings'
import { addDays } from '../../../src/domain/dates'
import { worstLevel } from '../../../src/domain/findings'
import { ancByTrimester, IBU_HAMIL_DANGER_SIGNS, interpretIbuHamil } from '../../../src/domain/screening'
import { trimesterAt } from '../../../src/domain/screening/ibu-hamil'
import { codes, levelOf, makeContext } from './builders'

// HPHT 2024-01-01: 2024-06-15 is 23 w 5 d (TM2), HPL 2024-10-08.
const ctx = makeContext({ hpht: '2024-01-01', birthDate: '1995-03-01' })

describe('interpretIbuHamil', () => {
  it('reports gestational age and HPL from the HPHT', () => {
    const [ga] = interpretIbuHamil({}, ctx)
    expect(ga?.code).toBe('bumil.usia_kehamilan')
    expect(ga?.message.id).toBe('Usia kehamilan 23 mgg 5 hr (trimester 2), HPL 8 Okt 2024')
  })

  it('says the trimester by the same split as the ANC count: at 26 weeks both say trimester 3', () => {
    const at26 = { ...ctx, today: addDays(ctx.hpht as string, 26 * 7) }
    const findings = interpretIbuHamil({ ancContacts: [] }, at26)
    expect(findings[0]?.message.id).toMatch(/^Usia kehamilan 26 mgg 0 hr \(trimester 3\)/)
    expect(findings.map((f) => f.code)).toContain('bumil.anc.tm3.berjalan')
    expect(trimesterAt(24, DEFAULT_CLINICAL_SETTINGS)).toBe(2)
    expect(trimesterAt(25, DEFAULT_CLINICAL_SETTINGS)).toBe(3)
    expect(trimesterAt(12, DEFAULT_CLINICAL_SETTINGS)).toBe(1)
    expect(trimesterAt(13, DEFAULT_CLINICAL_SETTINGS)).toBe(2)
    expect(trimesterAt(27, { ancTrimesterStartWeeks: [13, 28] })).toBe(2)
  })

  it('says nothing about gestation without an HPHT or after delivery', () => {
    expect(interpretIbuHamil({}, makeContext())).toEqual([])
    expect(interpretIbuHamil({}, { ...ctx, deliveryDate: '2024-06-01' })).toEqual([])
  })

  it.each([
    [23.4, 'bumil.lila.kek', 'perhatian'],
    [23.5, 'bumil.lila.normal', 'normal'],
  ])('LiLA %f cm → %s', (lilaCm, code, level) => {
    expect(levelOf(interpretIbuHamil({ lilaCm }, ctx), code)).toBe(level)
  })

  it.each([
    [139, 89, 'bumil.td.normal', 'normal'],
    [140, 89, 'bumil.td.tinggi', 'rujuk'],
    [139, 90, 'bumil.td.tinggi', 'rujuk'],
    [140, 90, 'bumil.td.tinggi', 'rujuk'],
  ])('blood pressure %i/%i → %s', (systolicMmHg, diastolicMmHg, code, level) => {
    expect(levelOf(interpretIbuHamil({ systolicMmHg, diastolicMmHg }, ctx), code)).toBe(level)
  })

  it.each([
    [140, 90, false],
    [159, 109, false],
    [160, 109, true],
    [159, 110, true],
  ])('blood pressure %i/%i refers, segera = %s (≥ 160/110 severe in pregnancy)', (sys, dia, segera) => {
    const [high] = interpretIbuHamil({ systolicMmHg: sys, diastolicMmHg: dia }, ctx).filter(
      (f) => f.code === 'bumil.td.tinggi',
    )
    expect(high?.level).toBe('rujuk')
    expect(high?.urgent === true).toBe(segera)
    expect(high?.message.id).toMatch(segera ? /rujuk segera/ : /— rujuk$/)
  })

  it('adds the pre-eclampsia danger when high blood pressure comes with headache, blurred vision or oedema', () => {
    const high = { systolicMmHg: 150, diastolicMmHg: 95 }
    expect(codes(interpretIbuHamil({ ...high, dangerSigns: ['bengkak'] }, ctx))).toContain(
      'bumil.preeklampsia',
    )
    expect(codes(interpretIbuHamil({ ...high, dangerSigns: [] }, ctx))).not.toContain('bumil.preeklampsia')
    expect(
      codes(
        interpretIbuHamil({ systolicMmHg: 130, diastolicMmHg: 85, dangerSigns: ['sakit_kepala_berat'] }, ctx),
      ),
    ).not.toContain('bumil.preeklampsia')
  })

  it.each([
    [10.9, 'bumil.hb.anemia', 'rujuk'],
    [11, 'bumil.hb.normal', 'normal'],
  ])('Hb %f → %s', (hbGdl, code, level) => {
    expect(levelOf(interpretIbuHamil({ hbGdl }, ctx), code)).toBe(level)
  })

  describe('TTD', () => {
    // On the HPL day no days are left: 90 must already be reached.
    const atHpl = { ...ctx, today: '2024-10-08' }
    it.each([
      [89, 'bumil.ttd.kurang', 'perhatian'],
      [90, 'bumil.ttd.cukup', 'normal'],
    ])('%i tablets on the HPL → %s', (ttdTabletsTotal, code, level) => {
      expect(levelOf(interpretIbuHamil({ ttdTabletsTotal }, atHpl), code)).toBe(level)
    })

    it('is behind only when 90 can no longer be reached at one a day', () => {
      // 2024-07-11: 89 days to HPL. 0 + 89 < 90 → behind; 1 + 89 = 90 → on track.
      const day = { ...ctx, today: '2024-07-11' }
      expect(codes(interpretIbuHamil({ ttdTabletsTotal: 0 }, day))).toContain('bumil.ttd.kurang')
      expect(codes(interpretIbuHamil({ ttdTabletsTotal: 1 }, day))).toContain('bumil.ttd.berjalan')
    })

    it('flags no tablet in the last 24 h and no tablets at home', () => {
      const found = interpretIbuHamil({ ttdTakenLast24h: false, ttdAvailable: false }, ctx)
      expect(codes(found)).toEqual(
        expect.arrayContaining(['bumil.ttd.tidak_diminum', 'bumil.ttd.tidak_tersedia']),
      )
      expect(codes(interpretIbuHamil({ ttdTakenLast24h: true, ttdAvailable: true }, ctx))).toEqual([
        'bumil.usia_kehamilan',
      ])
    })
  })

  it.each(IBU_HAMIL_DANGER_SIGNS)('danger sign %s → rujuk segera', (sign) => {
    const found = interpretIbuHamil({ dangerSigns: [sign] }, ctx)
    expect(levelOf(found, `bumil.tanda_bahaya.${sign}`)).toBe('rujuk')
    expect(worstLevel(found)).toBe('rujuk')
  })

  it('includes the Buku KIA signs perdarahan, muntah terus and kejang', () => {
    expect(IBU_HAMIL_DANGER_SIGNS).toEqual(expect.arrayContaining(['perdarahan', 'muntah_terus', 'kejang']))
  })

  it('an empty danger-sign checklist is normal', () => {
    expect(levelOf(interpretIbuHamil({ dangerSigns: [] }, ctx), 'bumil.tanda_bahaya.tidak_ada')).toBe(
      'normal',
    )
  })
})

describe('ANC per trimester', () => {
  const settings = DEFAULT_CLINICAL_SETTINGS // [1, 2, 3], TM2 from 13 w, TM3 from 25 w
  const hpht = '2024-01-01'
  // Week boundaries from HPHT 2024-01-01: 13 w 0 d = 2024-04-01; 25 w 0 d = 2024-06-24.

  it('places a contact at 12 w 6 d in TM1 and at 13 w 0 d in TM2', () => {
    const counts = ancByTrimester(
      hpht,
      [{ date: '2024-03-31' }, { date: '2024-04-01' }],
      '2024-05-01',
      settings,
    )
    expect(counts.map((c) => c.done)).toEqual([1, 1, 0])
  })

  it('places a contact at 24 w 6 d in TM2 and at 25 w 0 d in TM3 (Permenkes bounds)', () => {
    const counts = ancByTrimester(
      hpht,
      [{ date: '2024-06-23' }, { date: '2024-06-24' }],
      '2024-06-24',
      settings,
    )
    expect(counts.map((c) => c.done)).toEqual([0, 1, 1])
  })

  it('follows other trimester bounds and splits from settings', () => {
    const kia = { ancPerTrimester: [2, 1, 3] as const, ancTrimesterStartWeeks: [13, 28] as const }
    const counts = ancByTrimester(hpht, [{ date: '2024-06-24' }], '2024-07-01', kia)
    expect(counts.map((c) => [c.required, c.done])).toEqual([
      [2, 0],
      [1, 1],
      [3, 0],
    ])
  })

  it('ignores duplicate days, contacts before the HPHT and contacts after today', () => {
    const contacts = [
      { date: '2023-12-01' },
      { date: '2024-02-01' },
      { date: '2024-02-01' },
      { date: '2024-09-01' },
    ]
    expect(ancByTrimester(hpht, contacts, '2024-06-15', settings).map((c) => c.done)).toEqual([1, 0, 0])
  })

  it('flags missing contacts only for trimesters that are over', () => {
    // 2024-06-15 is 23 w 5 d: TM1 over with 0/1; TM2 running with 1/2.
    const found = interpretIbuHamil({ ancContacts: [{ date: '2024-05-01' }] }, ctx)
    expect(levelOf(found, 'bumil.anc.tm1')).toBe('perhatian')
    expect(codes(found)).toContain('bumil.anc.tm1.kurang')
    expect(codes(found)).toContain('bumil.anc.tm2.berjalan')
    expect(codes(found).some((c) => c.startsWith('bumil.anc.tm3'))).toBe(false)
  })

  it('is normal when the elapsed trimester had its contacts', () => {
    const found = interpretIbuHamil({ ancContacts: [{ date: '2024-02-15' }, { date: '2024-05-01' }] }, ctx)
    expect(codes(found)).toEqual(expect.arrayContaining(['bumil.anc.tm1.cukup', 'bumil.anc.tm2.berjalan']))
    expect(levelOf(found, 'bumil.anc')).toBe('normal')
  })

  it('flags TM2 once 25 weeks are reached without 2 contacts', () => {
    const contacts = [{ date: '2024-02-15' }, { date: '2024-05-01' }]
    expect(codes(interpretIbuHamil({ ancContacts: contacts }, { ...ctx, today: '2024-06-23' }))).toContain(
      'bumil.anc.tm2.berjalan',
    )
    expect(codes(interpretIbuHamil({ ancContacts: contacts }, { ...ctx, today: '2024-06-24' }))).toContain(
      'bumil.anc.tm2.kurang',
    )
  })
})
