import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLINICAL_SETTINGS as settings } from '../../../src/domain/clinical-settings'
import { normalizeDate } from '../../../src/domain/dates'
import type { Finding } from '../../../src/domain/findings'
import { balitaReading, monthlyWeighings, statusesAt } from '../../../src/domain/pws/balita-reading'
import { BALITA_DANGER_SIGNS } from '../../../src/domain/screening/balita-part'
import { type FindingsVisit, visitFindings } from '../../../src/domain/visit-findings'

// balita-reading.ts calls the growth engine directly instead of visitFindings (which also computes the whole
// immunisation schedule, ≈ 1 ms a visit). This is the guard: on random children and weighing histories, the codes
// the report reads — every growth code and every 'rujuk' — are the same either way.
const GROWTH = /^(bbu|tbu|bbtb|imtu|lku|lila|lilau|kms)\./
const relevant = (findings: readonly Finding[]) =>
  findings
    .filter((f) => f.level === 'rujuk' || GROWTH.test(f.code))
    // interpretBalita says "measure lying" once where growthFindings says it per index: a presentation detail.
    .filter((f) => !f.code.endsWith('.posisi-salah'))
    .map((f) => f.code)
    .sort()

const round1 = (n: number) => Math.round(n * 10) / 10
const visitArb = fc.record(
  {
    // Mostly the next month, so that N and T (not only O and B) are read; sometimes the same month or one skipped.
    gapMonths: fc.constantFrom(0, 1, 1, 1, 2),
    day: fc.integer({ min: 1, max: 28 }),
    // Gains around the KBM (100–900 g): 100 g steps from −300 to +1000 on the previous weighing.
    gainGrams: fc.integer({ min: -3, max: 10 }).map((n) => n * 100),
    lengthCm: fc.double({ min: 45, max: 120, noNaN: true }).map(round1),
    position: fc.constantFrom('lying' as const, 'standing' as const),
    armCm: fc.double({ min: 9, max: 20, noNaN: true }).map(round1),
    // Oedema, temperature and danger signs send the visit to visitFindings whole; half the visits have none.
    clinical: fc.option(
      fc.record({
        oedema: fc.boolean(),
        temperatureC: fc.double({ min: 35, max: 40, noNaN: true }).map(round1),
        dangerSigns: fc.subarray([...BALITA_DANGER_SIGNS], { maxLength: 2 }),
      }),
    ),
  },
  { requiredKeys: ['gapMonths', 'day', 'gainGrams', 'clinical'] },
)

describe('balitaReading: the same growth and referral codes as visitFindings', () => {
  it('on random weighing histories', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('L' as const, 'P' as const),
        fc.integer({ min: 0, max: 2000 }),
        // Half the children start in their first year, where the KBM changes month by month.
        fc.oneof(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 58 })),
        fc.double({ min: 2.5, max: 15, noNaN: true }).map(round1),
        fc.array(visitArb, { minLength: 1, maxLength: 6 }),
        (sex, birthOffset, startMonths, firstWeightKg, generated) => {
          const birthDate = normalizeDate(2019, 1, 1 + birthOffset)
          const [y, m] = birthDate.split('-').map(Number) as [number, number]
          let month = m + startMonths
          let weightKg = firstWeightKg
          const visits: FindingsVisit[] = generated
            .map(({ gapMonths, day, gainGrams, clinical, ...measures }) => {
              month += gapMonths
              weightKg = Math.max(1, round1(weightKg + gainGrams / 1000))
              const balita = { ...measures, ...clinical, weightKg }
              return { date: normalizeDate(y, month, day), parts: { balita } }
            })
            .filter((v) => v.date >= birthDate)
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
            .map((v, i) => ({ ...v, id: `v${String(i).padStart(2, '0')}` }))
          const member = { birthDate, sex }
          const weighings = monthlyWeighings(visits, birthDate)
          visits.forEach((visit, i) => {
            const history = visits.slice(0, i)
            const ours = balitaReading(visit, visit.parts.balita ?? {}, {
              member,
              settings,
              history: () => history,
              weighings: () => weighings,
            })
            expect(relevant(ours)).toEqual(relevant(visitFindings(visit, member, history, settings)))
          })
        },
      ),
      { numRuns: 150 },
    )
  }, 60_000)
})

describe('statusesAt', () => {
  const birthDate = '2023-01-15'
  const weighings = monthlyWeighings(
    [
      { date: '2024-01-10', parts: { balita: { weightKg: 9 } } },
      { date: '2024-02-03', parts: { balita: { weightKg: 9.5 } } },
      { date: '2024-02-20', parts: { balita: { weightKg: 9.1 } } }, // February's latest
    ],
    birthDate,
  )

  it('keeps each month’s latest weighing', () => {
    expect(weighings.map((w) => [w.month, w.weightKg])).toEqual([
      ['2024-01', 9],
      ['2024-02', 9.1],
    ])
  })

  it('gives last month’s status and this one’s', () => {
    // Jan 9.0 → Feb 9.1: +100 < 200 T; Feb 9.1 → Mar 9.2: T again.
    expect(statusesAt('2024-03-09', 9.2, weighings, birthDate, 'kms')).toEqual(['T', 'T'])
    expect(statusesAt('2024-04-09', 9.6, weighings, birthDate, 'kms')).toEqual(['T', 'O'])
    expect(statusesAt('2023-12-09', 8.6, weighings, birthDate, 'kms')).toEqual(['B'])
    expect(statusesAt('2024-03-09', undefined, weighings, birthDate, 'kms')).toEqual([])
  })
})
