import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLINICAL_SETTINGS as settings } from '../../src/domain/clinical-settings'
import { normalizeDate } from '../../src/domain/dates'
import type { Finding } from '../../src/domain/findings'
import { zScore } from '../../src/domain/growth'
import { IMMUNIZATION_SCHEDULE } from '../../src/domain/immunization'
import { problemItemOf } from '../../src/domain/referrals'
import { BALITA_DANGER_SIGNS } from '../../src/domain/screening/balita-part'
import { TBC_SYMPTOMS } from '../../src/domain/screening/dewasa-part'
import {
  type FindingsMember,
  type FindingsVisit,
  memberProblemFindings,
  problemFindings,
  visitFindings,
} from '../../src/domain/visit-findings'

const codes = (findings: readonly Finding[]) => findings.map((f) => f.code)
const only = (findings: readonly Finding[], ...prefixes: string[]) =>
  codes(findings).filter((code) => prefixes.some((p) => code.startsWith(p)))
const levelOf = (findings: readonly Finding[], code: string) => findings.find((f) => f.code === code)?.level

describe('visitFindings: balita', () => {
  // A boy born 2023-10-10: 5 months (KBM 500 g) on 2024-03-12.
  const boy: FindingsMember = { birthDate: '2023-10-10', sex: 'L' }
  const february: FindingsVisit = { id: 'v1', date: '2024-02-10', parts: { balita: { weightKg: 6 } } }

  it('reads the balita part with the member’s earlier visits', () => {
    const visit: FindingsVisit = { id: 'v2', date: '2024-03-12', parts: { balita: { weightKg: 6.5 } } }
    expect(only(visitFindings(visit, boy, [february], settings), 'kms.')).toEqual(['kms.n'])
    expect(only(visitFindings(visit, boy, [], settings), 'kms.')).toEqual(['kms.b'])
  })

  it('skips the visit itself and visits a correction superseded', () => {
    const corrected: FindingsVisit = {
      id: 'v1b',
      date: '2024-02-10',
      supersedes: 'v1',
      parts: { balita: { weightKg: 6.2 } },
    }
    const visit: FindingsVisit = { id: 'v2', date: '2024-03-12', parts: { balita: { weightKg: 6.5 } } }
    // Against the corrected 6.2 kg the gain is 300 g < 500 g: T. Against the superseded 6.0 kg it would be N.
    const history = [february, corrected, visit]
    expect(only(visitFindings(visit, boy, history, settings), 'kms.')).toEqual(['kms.t'])
  })

  it('drops the visit this one corrects from its own history', () => {
    const original: FindingsVisit = { id: 'v2', date: '2024-03-12', parts: { balita: { weightKg: 6.5 } } }
    const correction: FindingsVisit = {
      id: 'v2b',
      date: '2024-03-12',
      supersedes: 'v2',
      parts: { balita: { weightKg: 6.4 } },
    }
    expect(only(visitFindings(correction, boy, [february, original], settings), 'kms.')).toEqual(['kms.t'])
  })

  it('shows "Pendek (stunting)" for a stunted child', () => {
    const visit: FindingsVisit = {
      date: '2024-03-10',
      parts: { balita: { weightKg: 9, lengthCm: 78, position: 'standing' } },
    }
    const findings = visitFindings(visit, { birthDate: '2022-03-01', sex: 'P' }, [], settings)
    expect(findings.find((f) => f.code === 'tbu.pendek')?.message.id).toBe('TB/U: Pendek (stunting)')
  })
})

describe('visitFindings: a pregnant 17-year-old', () => {
  const member: FindingsMember = { birthDate: '2007-01-01', sex: 'P', hpht: '2024-03-01' }
  const visit: FindingsVisit = {
    date: '2024-06-15',
    parts: {
      remaja: { weightKg: 50, heightCm: 140, hbGdl: 10.5, systolicMmHg: 118, diastolicMmHg: 76 },
      ibu_hamil: { lilaCm: 22, hbGdl: 10.5 },
    },
  }

  it('gives the remaja findings with IMT/U and TB/U computed from BB and TB (WHO 2007), then the ibu hamil ones', () => {
    const findings = visitFindings(visit, member, [], settings)
    const ageDays = 6375 // 2007-01-01 → 2024-06-15
    const hfa = zScore({ indicator: 'lhfa', sex: 'P', ageDays, lengthCm: 140 })
    expect(hfa).toMatchObject({ ok: true, reference: 'who2007' })
    expect(hfa.ok && hfa.z).toBeLessThan(-3)
    expect(only(findings, 'tbu.', 'imtu.')).toEqual([expect.stringMatching(/^imtu\./), 'tbu.sangat_pendek'])
    expect(levelOf(findings, 'tbu.sangat_pendek')).toBe('rujuk')
    expect(findings.find((f) => f.code === 'tbu.sangat_pendek')?.message.id).toContain(
      `${hfa.ok ? hfa.z.toFixed(2) : ''} SD`,
    )
    expect(levelOf(findings, 'td.normal')).toBe('normal')
    // Pregnant: Hb is read with the pregnancy cut-off by the ibu hamil part, not the remaja one.
    expect(only(findings, 'hb.')).toEqual([])
    expect(levelOf(findings, 'bumil.hb.anemia')).toBe('rujuk')
    expect(levelOf(findings, 'bumil.lila.kek')).not.toBeUndefined()
    // Part order: remaja before ibu hamil.
    const lastRemaja = Math.max(
      ...['imtu.', 'tbu.', 'td.'].map((p) => codes(findings).findLastIndex((c) => c.startsWith(p))),
    )
    const firstBumil = codes(findings).findIndex((c) => c.startsWith('bumil.'))
    expect(lastRemaja).toBeLessThan(firstBumil)
  })

  it('reads the pregnancy at the visit date, so an old visit reads the same forever', () => {
    const findings = visitFindings(visit, member, [], settings)
    // HPHT 2024-03-01 → 15 weeks 1 day on 2024-06-15, whenever this runs.
    expect(findings.find((f) => f.code === 'bumil.usia_kehamilan')?.message.id).toMatch(
      /^Usia kehamilan 15 mgg 1 hr/,
    )
  })

  it('uses the stored z-scores when the payload has no BB/TB', () => {
    const stored: FindingsVisit = { date: '2024-06-15', parts: { remaja: { bfaZ: 0.2, hfaZ: -2.5 } } }
    expect(only(visitFindings(stored, member, [], settings), 'tbu.', 'imtu.')).toEqual([
      'imtu.gizi_baik',
      'tbu.pendek',
    ])
  })

  it('asks to re-measure a z-score WHO flags as implausible until the kader confirms it; then reads it', () => {
    const extreme: FindingsVisit = { date: '2024-06-15', parts: { remaja: { weightKg: 200, heightCm: 150 } } }
    const unconfirmed = visitFindings(extreme, member, [], settings, { extremesConfirmed: false })
    expect(only(unconfirmed, 'imtu.')).toEqual(['imtu.tidak-wajar'])
    expect(levelOf(unconfirmed, 'imtu.tidak-wajar')).toBe('perhatian')
    expect(only(unconfirmed, 'tbu.')).toEqual(['tbu.normal'])
    // A saved visit was confirmed (the form saves no unconfirmed extreme): obesitas, referred.
    const saved = visitFindings(extreme, member, [], settings)
    expect(only(saved, 'imtu.')).toEqual(['imtu.obesitas'])
    expect(levelOf(saved, 'imtu.obesitas')).toBe('rujuk')
  })
})

describe('visitFindings: other parts', () => {
  it('reads dewasa and lansia parts through the stage interpreters at the visit date', () => {
    const visit: FindingsVisit = {
      date: '2024-06-15',
      parts: { dewasa: { systolicMmHg: 150, diastolicMmHg: 95 } },
    }
    const findings = visitFindings(visit, { birthDate: '1980-05-05', sex: 'L' }, [], settings)
    expect(levelOf(findings, 'td.hipertensi')).toBe('rujuk')
  })

  it('gives nothing for a visit with no parts', () => {
    expect(
      visitFindings({ date: '2024-06-15', parts: {} }, { birthDate: '1980-05-05', sex: 'L' }, [], settings),
    ).toEqual([])
  })

  it('reads a newborn’s balita and neonatus parts, balita first', () => {
    const visit: FindingsVisit = {
      date: '2024-06-05',
      parts: { balita: { weightKg: 3.4 }, neonatus: { dangerSigns: ['kejang'] } },
    }
    const findings = visitFindings(visit, { birthDate: '2024-06-01', sex: 'P' }, [], settings)
    expect(codes(findings)[0]).toBe('bbu.normal')
    expect(levelOf(findings, 'neonatus.tanda_bahaya.kejang')).toBe('rujuk')
  })
})

// problemFindings skips the rules that never refer; this is its guard: on random children, histories (in any order,
// with corrections, some visits before the birth) and other parts, it gives exactly visitFindings' findings of a
// referral problem, in the same order — and memberProblemFindings gives the same for each visit of a history.
describe('problemFindings: the referral-problem findings of visitFindings', () => {
  const round1 = (n: number) => Math.round(n * 10) / 10
  const outcome = (read: () => Finding[]) => {
    try {
      return read()
    } catch (error) {
      return String(error)
    }
  }
  const visitArb = fc.record(
    {
      gapMonths: fc.constantFrom(-1, 0, 0, 1, 1, 1, 2),
      day: fc.integer({ min: 1, max: 31 }),
      // Gains around the KBM, so that N, T and 2T all occur.
      gainGrams: fc.integer({ min: -3, max: 10 }).map((n) => n * 100),
      lengthCm: fc.double({ min: 45, max: 120, noNaN: true }).map(round1),
      position: fc.constantFrom('lying' as const, 'standing' as const),
      headCm: fc.double({ min: 30, max: 55, noNaN: true }).map(round1),
      armCm: fc.double({ min: 9, max: 20, noNaN: true }).map(round1),
      oedema: fc.boolean(),
      temperatureC: fc.double({ min: 35, max: 40, noNaN: true }).map(round1),
      dangerSigns: fc.subarray([...BALITA_DANGER_SIGNS], { maxLength: 2 }),
      vitaminA: fc.boolean(),
      obatCacing: fc.boolean(),
      asiEksklusif: fc.boolean(),
      immunizations: fc.subarray(
        IMMUNIZATION_SCHEDULE.map((d) => ({ antigen: d.antigen, dose: d.dose })),
        { maxLength: 3 },
      ),
      dewasa: fc.record({
        systolicMmHg: fc.integer({ min: 90, max: 200 }),
        diastolicMmHg: fc.integer({ min: 60, max: 120 }),
        gdsMgDl: fc.integer({ min: 70, max: 300 }),
        tbcSymptoms: fc.subarray([...TBC_SYMPTOMS], { maxLength: 3 }),
      }),
      weighed: fc.boolean(),
      corrects: fc.boolean(),
    },
    { requiredKeys: ['gapMonths', 'day', 'gainGrams'] },
  )

  it('on random histories', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('L' as const, 'P' as const),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: -1, max: 70 }),
        fc.double({ min: 2.5, max: 15, noNaN: true }).map(round1),
        fc.array(visitArb, { minLength: 1, maxLength: 10 }),
        fc.constantFrom('earlier', 'all', 'reversed'),
        fc.boolean(),
        (sex, birthOffset, startMonths, firstWeightKg, generated, historyOf, jeEndemic) => {
          const birthDate = normalizeDate(2019, 1, 1 + birthOffset)
          const [y, m] = birthDate.split('-').map(Number) as [number, number]
          let month = m + startMonths
          let weightKg = firstWeightKg
          const visits: FindingsVisit[] = generated.map(
            ({ gapMonths, day, gainGrams, dewasa, weighed, corrects, ...balita }, i) => {
              month += gapMonths
              weightKg = Math.max(1, round1(weightKg + gainGrams / 1000))
              return {
                id: `v${String(i).padStart(2, '0')}`,
                date: normalizeDate(y, month, day),
                ...(corrects && i > 0 ? { supersedes: `v${String(i - 1).padStart(2, '0')}` } : {}),
                parts: {
                  balita: weighed === false ? balita : { ...balita, weightKg },
                  ...(dewasa ? { dewasa } : {}),
                },
              }
            },
          )
          const member = { birthDate, sex }
          const options = { jeEndemic }
          visits.forEach((visit, i) => {
            const history =
              historyOf === 'earlier'
                ? visits.slice(0, i)
                : historyOf === 'all'
                  ? visits
                  : [...visits].reverse()
            // A dewasa part before the birth date throws (ageOn): then both must throw alike.
            const expected = outcome(() =>
              visitFindings(visit, member, history, settings, options).filter((f) => problemItemOf(f.code)),
            )
            expect(outcome(() => problemFindings(visit, member, history, settings, options))).toEqual(
              expected,
            )
          })
          // The schedule's one pass over a member's current visits, oldest first.
          const superseded = new Set(visits.flatMap((v) => v.supersedes ?? []))
          const current = visits
            .filter((v) => !superseded.has(v.id as string) && v.date >= birthDate)
            .sort((a, b) =>
              a.date === b.date ? ((a.id as string) < (b.id as string) ? -1 : 1) : a.date < b.date ? -1 : 1,
            )
          const batch = memberProblemFindings(current, member, settings, options)
          current.forEach((visit, i) => {
            expect(batch[i]).toEqual(problemFindings(visit, member, current.slice(0, i), settings, options))
          })
        },
      ),
      { numRuns: 300 },
    )
  }, 60_000)

  it('finds the rujuk findings the generator is meant to reach', () => {
    // Guards the generator: oedema, fever, danger signs and 2T must all be reachable.
    const boy: FindingsMember = { birthDate: '2023-10-10', sex: 'L' }
    const w = (date: string, weightKg: number): FindingsVisit => ({
      id: date,
      date,
      parts: { balita: { weightKg } },
    })
    const history = [w('2024-01-10', 6), w('2024-02-10', 6.1)]
    const visit: FindingsVisit = {
      id: 'x',
      date: '2024-03-10',
      parts: { balita: { weightKg: 6.2, oedema: true, temperatureC: 38, dangerSigns: ['diare'] } },
    }
    expect(codes(problemFindings(visit, boy, history, settings))).toEqual(
      expect.arrayContaining(['kms.2t', 'balita.edema', 'balita.demam']),
    )
  })
})
