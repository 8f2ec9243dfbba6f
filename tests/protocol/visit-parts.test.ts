import { describe, expect, it } from 'vitest'
import { parse } from '../../src/data/validation'
import {
  balitaPart,
  dewasaPart,
  ibuHamilPart,
  lansiaPart,
  nifasPart,
  visitParts,
} from '../../src/protocol/visit-parts'
import { visitInput } from '../../src/protocol/visits'

const errorsOf = (schema: Parameters<typeof parse>[0], raw: unknown) => parse(schema, raw).errors

describe('visit part schemas', () => {
  it('accepts a full, plausible balita payload and keeps every field', () => {
    const payload = {
      weightKg: 12.5,
      lengthCm: 86.2,
      position: 'standing',
      headCm: 48,
      armCm: 14.5,
      oedema: false,
      immunizations: [{ antigen: 'DPT-HB-Hib', dose: 4 }],
      vitaminA: true,
      obatCacing: true,
      temperatureC: 36.8,
      dangerSigns: [],
    }
    expect(balitaPart.parse(payload)).toEqual(payload)
  })

  it('refuses typos outside the hard range with the range key', () => {
    expect(errorsOf(balitaPart, { weightKg: 125 })).toEqual({ weightKg: { key: 'err.visit.range' } })
    expect(errorsOf(balitaPart, { lengthCm: 300 })).toEqual({ lengthCm: { key: 'err.visit.range' } })
    expect(errorsOf(dewasaPart, { heightCm: 300, weightKg: 0.2 })).toEqual({
      heightCm: { key: 'err.visit.range' },
      weightKg: { key: 'err.visit.range' },
    })
    expect(errorsOf(dewasaPart, { gdsMgDl: 900, waistCm: 20 })).toEqual({
      gdsMgDl: { key: 'err.visit.range' },
      waistCm: { key: 'err.visit.range' },
    })
    expect(errorsOf(ibuHamilPart, { hbGdl: 1.5, lilaCm: 235 })).toEqual({
      hbGdl: { key: 'err.visit.range' },
      lilaCm: { key: 'err.visit.range' },
    })
    expect(errorsOf(balitaPart, { temperatureC: 375, headCm: 4.8 })).toEqual({
      temperatureC: { key: 'err.visit.range' },
      headCm: { key: 'err.visit.range' },
    })
  })

  it('keeps the bounds themselves', () => {
    expect(errorsOf(balitaPart, { weightKg: 0.5, lengthCm: 130, headCm: 20, temperatureC: 45 })).toEqual({})
    expect(
      errorsOf(dewasaPart, { weightKg: 250, heightCm: 30, systolicMmHg: 300, diastolicMmHg: 30 }),
    ).toEqual({})
  })

  it('carries min, max and unit on the range issue', () => {
    const issue = balitaPart.safeParse({ weightKg: 41 }).error?.issues[0]
    expect(issue).toMatchObject({ message: 'err.visit.range', params: { min: '0.5', max: '40', unit: 'kg' } })
  })

  it('refuses a diastolic that is not below the systolic, at the diastolic', () => {
    expect(errorsOf(dewasaPart, { systolicMmHg: 80, diastolicMmHg: 120 })).toEqual({
      diastolicMmHg: { key: 'err.visit.bpOrder' },
    })
    expect(errorsOf(ibuHamilPart, { systolicMmHg: 120, diastolicMmHg: 120 })).toEqual({
      diastolicMmHg: { key: 'err.visit.bpOrder' },
    })
    expect(errorsOf(dewasaPart, { diastolicMmHg: 120 })).toEqual({})
  })

  it('wants whole, non-negative counts', () => {
    expect(errorsOf(ibuHamilPart, { ttdTabletsTotal: 12.5 })).toEqual({
      ttdTabletsTotal: { key: 'err.visit.integer' },
    })
    expect(errorsOf(ibuHamilPart, { ttdTabletsTotal: -1 })).toEqual({
      ttdTabletsTotal: { key: 'err.visit.count' },
    })
    expect(errorsOf(dewasaPart, { puma: { cigarettesPerDay: 2.5 } })).toEqual({
      'puma.cigarettesPerDay': { key: 'err.visit.integer' },
    })
    expect(errorsOf(lansiaPart, { aks: { berpindah: 4, mandi: 1 } })).toEqual({
      'aks.berpindah': { key: 'err.visit.count' },
    })
    expect(errorsOf(dewasaPart, { phq2: [1, 4] })).toEqual({ 'phq2.1': { key: 'err.visit.count' } })
  })

  it('says "not a number" for an entry that did not parse', () => {
    expect(errorsOf(balitaPart, { weightKg: Number.NaN })).toEqual({ weightKg: { key: 'err.visit.number' } })
  })

  it('checks dates, times and the doses of the schedule', () => {
    expect(errorsOf(nifasPart, { vitaminADates: ['2025-02-30'], deliveryTime: '25:00' })).toEqual({
      'vitaminADates.0': { key: 'err.date' },
      deliveryTime: { key: 'err.visit.time' },
    })
    expect(errorsOf(balitaPart, { immunizations: [{ antigen: 'BCG', dose: 2 }] })).toEqual({
      'immunizations.0.dose': { key: 'err.visit.dose' },
    })
  })

  it('validates nested SKILAS fields and keeps SRQ-20 to 20 answers', () => {
    expect(errorsOf(lansiaPart, { skilas: { wordsRecalled: 4, lilaCm: 2 } })).toEqual({
      'skilas.wordsRecalled': { key: 'err.visit.count' },
      'skilas.lilaCm': { key: 'err.visit.range' },
    })
    expect(dewasaPart.safeParse({ srq20: Array(20).fill(null) }).success).toBe(true)
    expect(dewasaPart.safeParse({ srq20: Array(21).fill(false) }).success).toBe(false)
  })

  it('reaches the visit: errors are keyed parts.<part>.<field>', () => {
    const input = {
      memberId: '0190b0a0-0000-7000-8000-000000000001',
      date: '2025-03-01',
      place: 'posyandu',
      parts: { balita: { weightKg: 400 }, dewasa: { systolicMmHg: 120, diastolicMmHg: 130 } },
    }
    expect(errorsOf(visitInput, input)).toEqual({
      'parts.balita.weightKg': { key: 'err.visit.range' },
      'parts.dewasa.diastolicMmHg': { key: 'err.visit.bpOrder' },
    })
  })

  it('accepts an empty visit parts object and empty parts', () => {
    expect(visitParts.parse({})).toEqual({})
    expect(visitParts.parse({ lansia: {}, nifas: {} })).toEqual({ lansia: {}, nifas: {} })
  })
})
