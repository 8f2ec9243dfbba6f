import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ageOn } from '../../src/domain/age'
import { DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import { addDays, normalizeDate } from '../../src/domain/dates'
import {
  asiEksklusif,
  type DoseGiven,
  firstDateAtAge,
  IMMUNIZATION_SCHEDULE,
  immunizationFindings,
  immunizationStatus,
  isVitaminAMonth,
  lastDateAtAge,
  obatCacingDue,
  vitaminADue,
} from '../../src/domain/immunization'

const birth = '2024-01-15'
const stateOf = (antigen: string, dose: number, today: string, given: DoseGiven[] = []) =>
  immunizationStatus(birth, given, today).find((d) => d.antigen === antigen && d.dose === dose)

describe('minimum interval between doses of a series (4 weeks, clinical-rules.md §2.1)', () => {
  // Born 2024-01-15: DPT-HB-Hib 1 late at 4 months, on 2024-05-20.
  it.each(['DPT-HB-Hib', 'PCV', 'OPV'] as const)(
    '%s: the next dose waits 28 days after a late dose',
    (antigen) => {
      const dose = antigen === 'OPV' ? 2 : 1
      const given: DoseGiven[] = [{ antigen, dose, date: '2024-05-20' }]
      if (antigen === 'OPV') given.push({ antigen, dose: 1, date: '2024-02-15' })
      const next = stateOf(antigen, dose + 1, '2024-05-20', given)
      expect(next?.state).toBe('not_yet_due')
      expect(next?.earliestDate).toBe('2024-06-17')
      expect(stateOf(antigen, dose + 1, '2024-06-16', given)?.state).toBe('not_yet_due')
      // From day 28 it is due — and overdue, as the schedule's month has passed.
      expect(stateOf(antigen, dose + 1, '2024-06-17', given)?.state).toBe('overdue')
    },
  )

  it('no finding says the next dose is due on the day a late dose was given', () => {
    const given: DoseGiven[] = [{ antigen: 'DPT-HB-Hib', dose: 1, date: '2024-05-20' }]
    const codes = immunizationFindings(immunizationStatus(birth, given, '2024-05-20')).map((f) => f.code)
    expect(codes).not.toContain('imunisasi.dpt-hb-hib_2.terlambat')
    expect(codes).not.toContain('imunisasi.dpt-hb-hib_2.jatuh_tempo')
  })

  it('warns about a DPT-HB-Hib dose given less than 28 days after the previous one', () => {
    const given: DoseGiven[] = [
      { antigen: 'DPT-HB-Hib', dose: 1, date: '2024-03-15' },
      { antigen: 'DPT-HB-Hib', dose: 2, date: '2024-04-11' },
    ]
    expect(stateOf('DPT-HB-Hib', 2, '2024-05-01', given)?.warnings).toEqual(['interval_too_short'])
    given[1] = { antigen: 'DPT-HB-Hib', dose: 2, date: '2024-04-12' }
    expect(stateOf('DPT-HB-Hib', 2, '2024-05-01', given)?.warnings).toBeUndefined()
  })
})

describe('IMMUNIZATION_SCHEDULE', () => {
  it('encodes imunisasi_rutin.csv (JE only for endemic districts)', () => {
    expect(IMMUNIZATION_SCHEDULE.map((d) => `${d.ageMonths} ${d.antigen} ${d.dose}`)).toEqual([
      '0 HB0 1',
      '1 BCG 1',
      '1 OPV 1',
      '2 DPT-HB-Hib 1',
      '2 OPV 2',
      '2 PCV 1',
      '2 RV 1',
      '3 DPT-HB-Hib 2',
      '3 OPV 3',
      '3 PCV 2',
      '3 RV 2',
      '4 DPT-HB-Hib 3',
      '4 OPV 4',
      '4 IPV 1',
      '4 RV 3',
      '9 MR 1',
      '9 IPV 2',
      '10 JE 1',
      '12 PCV 3',
      '18 DPT-HB-Hib 4',
      '18 MR 2',
    ])
    expect(immunizationStatus(birth, [], '2024-06-01').some((d) => d.antigen === 'JE')).toBe(false)
    expect(
      immunizationStatus(birth, [], '2024-06-01', { jeEndemic: true }).some((d) => d.antigen === 'JE'),
    ).toBe(true)
  })
})

describe('immunizationStatus', () => {
  it('HB0: due on the birth day, late from day 1, too late after day 7', () => {
    expect(stateOf('HB0', 1, '2024-01-15')?.state).toBe('due')
    expect(stateOf('HB0', 1, '2024-01-16')?.state).toBe('overdue')
    expect(stateOf('HB0', 1, '2024-01-22')?.state).toBe('overdue')
    expect(stateOf('HB0', 1, '2024-01-23')?.state).toBe('too_late')
  })

  it('a 2-month dose: not yet due before 2 months, due in month 2, overdue from 3 months', () => {
    expect(stateOf('DPT-HB-Hib', 1, '2024-03-14')?.state).toBe('not_yet_due')
    expect(stateOf('DPT-HB-Hib', 1, '2024-03-15')).toMatchObject({
      state: 'due',
      dueDate: '2024-03-15',
      overdueDate: '2024-04-15',
    })
    expect(stateOf('DPT-HB-Hib', 1, '2024-04-14')?.state).toBe('due')
    expect(stateOf('DPT-HB-Hib', 1, '2024-04-15')?.state).toBe('overdue')
  })

  it('18-month doses', () => {
    const mr1: DoseGiven[] = [{ antigen: 'MR', dose: 1, date: '2024-10-15' }]
    expect(stateOf('MR', 2, '2025-07-14', mr1)?.state).toBe('not_yet_due')
    expect(stateOf('MR', 2, '2025-07-15', mr1)?.state).toBe('due')
    expect(stateOf('MR', 2, '2025-08-15', mr1)?.state).toBe('overdue')
    // Without MR1, MR2 waits 4 weeks after the MR1 that can be given today.
    expect(stateOf('MR', 2, '2025-07-15')).toMatchObject({ state: 'not_yet_due', earliestDate: '2025-08-12' })
  })

  it('BCG may be given from birth', () => {
    expect(stateOf('BCG', 1, '2024-01-20')?.state).toBe('due')
    expect(stateOf('BCG', 1, '2024-03-15')?.state).toBe('overdue')
  })

  // immunizationStatus remembers each birth date's dose dates: whatever was asked before, and on a second call, the
  // dates are those firstDateAtAge and lastDateAtAge give for the schedule's ages, and the statuses the same.
  it('dose dates equal the schedule ages worked out afresh, call after call', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 1200 }),
        (offsets, todayOffset) => {
          for (const offset of offsets) {
            const birthDate = normalizeDate(2020, 1, 1 + offset)
            const today = normalizeDate(2020, 1, 1 + offset + todayOffset)
            const statuses = immunizationStatus(birthDate, [], today, { jeEndemic: true })
            expect(immunizationStatus(birthDate, [], today, { jeEndemic: true })).toEqual(statuses)
            IMMUNIZATION_SCHEDULE.forEach((dose, i) => {
              const status = statuses[i]
              expect(status?.dueDate).toBe(firstDateAtAge(birthDate, dose.dueFrom))
              expect(status?.overdueDate).toBe(firstDateAtAge(birthDate, dose.overdueFrom))
              expect(status?.lastDate).toBe(dose.latest ? lastDateAtAge(birthDate, dose.latest) : undefined)
            })
          }
        },
      ),
    )
  })

  // firstDateAtAge is computed from the calendar, not searched: it must be the first day ageOn says the child is that
  // old, including births on the 29th–31st whose month is completed on the 1st of the next.
  it('firstDateAtAge is the first day the child is at least that old (day-by-day search)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (offset, months, days) => {
          const birthDate = normalizeDate(2019, 12, 20 + offset)
          const first = firstDateAtAge(birthDate, { months, days })
          const atLeast = (date: string) => {
            const age = ageOn(birthDate, date)
            return age.totalMonths > months || (age.totalMonths === months && age.days >= days)
          }
          expect(atLeast(first)).toBe(true)
          expect(first === birthDate || !atLeast(addDays(first, -1))).toBe(true)
        },
      ),
    )
  })

  it('marks given doses done', () => {
    expect(stateOf('HB0', 1, '2024-06-01', [{ antigen: 'HB0', dose: 1, date: '2024-01-15' }])).toMatchObject({
      state: 'done',
      givenDate: '2024-01-15',
    })
  })

  describe('rotavirus', () => {
    const rv12: DoseGiven[] = [
      { antigen: 'RV', dose: 1, date: '2024-03-15' },
      { antigen: 'RV', dose: 2, date: '2024-04-15' },
    ]

    it('the last dose is possible until 6 months 29 days, too late the day after', () => {
      // 6 months = 2024-07-15; 6 months 29 days = 2024-08-13.
      expect(stateOf('RV', 3, '2024-08-13', rv12)).toMatchObject({ state: 'overdue', lastDate: '2024-08-13' })
      expect(stateOf('RV', 3, '2024-08-14', rv12)?.state).toBe('too_late')
    })

    it('waits 4 weeks after the previous dose', () => {
      const rv1 = [{ antigen: 'RV' as const, dose: 1, date: '2024-04-01' }]
      expect(stateOf('RV', 2, '2024-04-28', rv1)).toMatchObject({
        state: 'not_yet_due',
        earliestDate: '2024-04-29',
      })
      expect(stateOf('RV', 2, '2024-04-29', rv1)?.state).toBe('due')
    })

    it('is too late when the remaining doses cannot fit before 6 months 29 days', () => {
      // RV1 at 6 mo 5 d: RV2 could come 28 days later, 2024-08-17, past 2024-08-13.
      const late = [{ antigen: 'RV' as const, dose: 1, date: '2024-07-20' }]
      expect(stateOf('RV', 2, '2024-07-21', late)?.state).toBe('too_late')
      expect(stateOf('RV', 3, '2024-07-21', late)?.state).toBe('too_late')
      // With nothing given at 5 months 20 days, RV3 (two 4-week gaps away) no longer fits.
      expect(stateOf('RV', 1, '2024-07-05')?.state).toBe('overdue')
      expect(stateOf('RV', 3, '2024-07-05')?.state).toBe('too_late')
      expect(stateOf('RV', 3, '2024-06-16')?.state).toBe('not_yet_due')
    })

    it('warns about a dose given too soon or too late', () => {
      const given: DoseGiven[] = [
        { antigen: 'RV', dose: 1, date: '2024-03-15' },
        { antigen: 'RV', dose: 2, date: '2024-04-04' },
        { antigen: 'RV', dose: 3, date: '2024-08-14' },
      ]
      expect(stateOf('RV', 2, '2024-09-01', given)?.warnings).toEqual(['interval_too_short'])
      expect(stateOf('RV', 3, '2024-09-01', given)?.warnings).toEqual(['after_latest_age'])
    })

    it('6 months 29 days for children born at the end of a month', () => {
      expect(lastDateAtAge('2023-07-31', { months: 6, days: 29 })).toBe('2024-02-29')
      expect(lastDateAtAge('2022-07-31', { months: 6, days: 29 })).toBe('2023-02-28')
    })
  })

  it('says once that nothing is recorded when three or more doses are missing and none is recorded', () => {
    const twoYearsOld = immunizationStatus(birth, [], '2025-12-01')
    expect(immunizationFindings(twoYearsOld).map((f) => [f.code, f.level])).toEqual([
      ['imunisasi.belum_tercatat', 'perhatian'],
    ])
    const withOneDose = immunizationStatus(birth, [{ antigen: 'HB0', dose: 1, date: birth }], '2025-12-01')
    expect(immunizationFindings(withOneDose).some((f) => f.code === 'imunisasi.bcg_1.terlambat')).toBe(true)
  })

  it('turns due, overdue and too-late doses into perhatian findings: never "Normal: … jatuh tempo"', () => {
    const found = immunizationFindings(immunizationStatus(birth, [], '2024-01-23'))
    expect(found.map((f) => [f.code, f.level])).toEqual([
      ['imunisasi.hb0_1.lewat_batas', 'perhatian'],
      ['imunisasi.bcg_1.jatuh_tempo', 'perhatian'],
      ['imunisasi.opv_1.jatuh_tempo', 'perhatian'],
    ])
  })
})

describe('vitaminADue', () => {
  // The schedule skips the months isVitaminAMonth rejects without asking vitaminADue (schedule/child.ts).
  it("names the day's own month as the round exactly when isVitaminAMonth says it is a round month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2500 }), (day, age) => {
        const today = normalizeDate(2022, 1, 1 + day)
        const status = vitaminADue(normalizeDate(2022, 1, 1 + day - age), [], today)
        expect(status.round === today.slice(0, 7)).toBe(isVitaminAMonth(today.slice(0, 7)))
      }),
    )
  })

  const born = '2023-08-10'

  it('blue capsule from 6 months in a February or August round', () => {
    expect(vitaminADue(born, [], '2024-02-09')).toEqual({ state: 'not_eligible', round: '2024-02' })
    expect(vitaminADue(born, [], '2024-02-10')).toEqual({ state: 'due', round: '2024-02', capsule: 'biru' })
    expect(vitaminADue(born, ['2024-02-10'], '2024-02-20')).toMatchObject({ state: 'done', capsule: 'biru' })
  })

  it('one blue capsule in infancy; red every round from 12 months', () => {
    expect(vitaminADue(born, ['2024-02-10'], '2024-08-09')).toMatchObject({ state: 'done', capsule: 'biru' })
    expect(vitaminADue(born, ['2024-02-10'], '2024-08-10')).toMatchObject({ state: 'due', capsule: 'merah' })
    expect(vitaminADue(born, ['2024-02-10', '2024-08-12'], '2024-08-20')).toMatchObject({
      state: 'done',
      capsule: 'merah',
    })
  })

  it('ends at 59 months', () => {
    expect(vitaminADue('2019-08-10', [], '2024-08-09')).toMatchObject({ state: 'due', capsule: 'merah' })
    expect(vitaminADue('2019-08-10', [], '2024-08-10')).toEqual({ state: 'not_eligible', round: '2024-08' })
  })

  it('outside February and August names the next round', () => {
    expect(vitaminADue(born, [], '2024-03-05')).toEqual({
      state: 'not_yet_due',
      round: '2024-08',
      capsule: 'biru',
    })
    expect(vitaminADue(born, [], '2024-09-01')).toEqual({
      state: 'not_yet_due',
      round: '2025-02',
      capsule: 'merah',
    })
  })
})

describe('obatCacingDue', () => {
  const settings = DEFAULT_CLINICAL_SETTINGS

  it('from 12 months, once per semester by default', () => {
    expect(obatCacingDue('2023-01-10', [], '2024-01-09', settings).state).toBe('not_eligible')
    expect(obatCacingDue('2023-01-10', [], '2024-01-10', settings)).toEqual({
      state: 'due',
      period: '2024-S1',
    })
    expect(obatCacingDue('2023-01-10', ['2024-02-01'], '2024-06-30', settings).state).toBe('done')
    expect(obatCacingDue('2023-01-10', ['2024-02-01'], '2024-07-01', settings)).toEqual({
      state: 'due',
      period: '2024-S2',
    })
  })

  it('once a year when settings say so', () => {
    const yearly = { ...settings, dewormingPerYear: 1 as const }
    expect(obatCacingDue('2023-01-10', ['2024-02-01'], '2024-09-01', yearly)).toEqual({
      state: 'done',
      period: '2024',
    })
  })

  it('up to 12 years', () => {
    expect(obatCacingDue('2011-06-15', [], '2024-06-14', settings).state).toBe('due')
    expect(obatCacingDue('2011-06-15', [], '2024-06-15', settings).state).toBe('not_eligible')
  })
})

describe('asiEksklusif', () => {
  it('asked until 6 months are completed', () => {
    expect(asiEksklusif(birth, '2024-07-14', false).map((f) => [f.code, f.level])).toEqual([
      ['asi_eksklusif.tidak', 'perhatian'],
    ])
    expect(asiEksklusif(birth, '2024-07-14', true).map((f) => f.code)).toEqual(['asi_eksklusif.ya'])
    expect(asiEksklusif(birth, '2024-07-15', false)).toEqual([])
  })
})
