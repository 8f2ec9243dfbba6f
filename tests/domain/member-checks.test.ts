import { describe, expect, it } from 'vitest'
import { checkMember } from '../../src/domain/member-checks'

const today = '2024-06-15'
const known = (code: string) => code === '330101'
// A woman born 12-03-1990 (NIK day 12 + 40 = 52), pregnant since 2024-01-01.
const woman = { birthDate: '1990-03-12', sex: 'P' as const, nik: '3301015203900001', hpht: '2024-01-01' }
const keys = (m: Parameters<typeof checkMember>[0]) => checkMember(m, today, known).map((p) => p.code)

describe('checkMember', () => {
  it('finds nothing wrong with a consistent member', () => {
    expect(checkMember(woman, today, known)).toEqual([])
    expect(checkMember({}, today)).toEqual([])
  })

  describe('birth date', () => {
    it('refuses a birth date in the future', () => {
      expect(checkMember({ birthDate: '2024-06-16' }, today)).toEqual([
        { field: 'birthDate', code: 'birthDate.future', severity: 'error' },
      ])
    })

    it('refuses an age over 120 completed years', () => {
      expect(keys({ birthDate: '1903-06-16' })).toEqual([])
      expect(checkMember({ birthDate: '1903-06-15' }, today)).toEqual([
        { field: 'birthDate', code: 'birthDate.tooOld', params: { years: '121' }, severity: 'error' },
      ])
    })

    it('leaves a malformed date to the record schema', () => {
      expect(checkMember({ birthDate: '1990-02-30', hpht: 'x', deliveryDate: '' }, today)).toEqual([])
    })
  })

  describe('NIK', () => {
    it('maps NIK issues to err.nik.<code> on the nik field', () => {
      expect(checkMember({ nik: '33010152039' }, today)).toEqual([
        { field: 'nik', code: 'nik.length', params: { length: '11' }, severity: 'error' },
      ])
      expect(checkMember({ nik: '9999995203900001' }, today, known)).toEqual([
        { field: 'nik', code: 'nik.region', params: { region: '999999' }, severity: 'warning' },
      ])
    })

    it('refuses a NIK that disagrees with the person until the kader confirms it', () => {
      const m = { ...woman, birthDate: '1990-04-12', sex: 'L' as const, hpht: undefined }
      expect(checkMember(m, today, known)).toEqual([
        {
          field: 'nik',
          code: 'nik.birthDate',
          params: { nikDate: '12-03-90', birthDate: '12-04-1990' },
          severity: 'mismatch',
        },
        { field: 'nik', code: 'nik.sex', params: { nikSex: 'P', sex: 'L' }, severity: 'mismatch' },
      ])
      const confirmed = checkMember({ ...m, nikMismatchConfirmed: true }, today, known)
      expect(confirmed.map((p) => [p.code, p.severity])).toEqual([
        ['nik.birthDate', 'warning'],
        ['nik.sex', 'warning'],
      ])
    })

    it('keeps errors as errors when a mismatch is confirmed', () => {
      const problems = checkMember({ nik: '3301015203900000', nikMismatchConfirmed: true }, today)
      expect(problems).toEqual([
        { field: 'nik', code: 'nik.serial', params: { serial: '0000' }, severity: 'error' },
      ])
    })
  })

  describe('HPHT', () => {
    it('refuses an HPHT for a man', () => {
      expect(checkMember({ birthDate: '1990-03-12', sex: 'L', hpht: '2024-01-01' }, today)).toEqual([
        { field: 'hpht', code: 'hpht.male', severity: 'error' },
      ])
    })

    it('refuses an HPHT in the future', () => {
      expect(keys({ ...woman, hpht: '2024-06-15' })).toEqual([])
      expect(keys({ ...woman, hpht: '2024-06-16' })).toEqual(['hpht.future'])
    })

    it('refuses an HPHT more than 44 weeks ago: the delivery must be recorded', () => {
      expect(keys({ ...woman, hpht: '2023-08-12' })).toEqual([]) // 44 w 0 d
      expect(keys({ ...woman, hpht: '2023-08-11' })).toEqual(['hpht.tooOld']) // 44 w 1 d
      expect(keys({ ...woman, hpht: '2023-08-11', deliveryDate: '2024-05-10' })).toEqual([])
    })

    it('asks for a second look when the woman was under 10 or over 55 years at the HPHT', () => {
      const at = (birthDate: string) => checkMember({ birthDate, sex: 'P', hpht: '2024-01-01' }, today)
      expect(at('2014-01-01')).toEqual([])
      expect(at('2014-01-02')).toEqual([
        { field: 'hpht', code: 'hpht.age', params: { age: '9' }, severity: 'warning' },
      ])
      expect(at('1968-01-02')).toEqual([])
      expect(at('1968-01-01')).toEqual([
        { field: 'hpht', code: 'hpht.age', params: { age: '56' }, severity: 'warning' },
      ])
    })

    it('refuses an HPHT before the woman’s birth', () => {
      expect(keys({ sex: 'P', birthDate: '2024-01-02', hpht: '2024-01-01' })).toEqual(['hpht.beforeBirth'])
    })
  })

  describe('delivery date', () => {
    it('refuses a delivery for a man, in the future, or before the mother’s birth', () => {
      expect(keys({ sex: 'L', deliveryDate: '2024-06-01' })).toEqual(['deliveryDate.male'])
      expect(keys({ sex: 'P', deliveryDate: '2024-06-15' })).toEqual([])
      expect(keys({ sex: 'P', deliveryDate: '2024-06-16' })).toEqual(['deliveryDate.future'])
      expect(keys({ sex: 'P', birthDate: '1990-03-12', deliveryDate: '1990-03-11' })).toEqual([
        'deliveryDate.beforeBirth',
      ])
    })
  })

  it('returns every problem at once, per field', () => {
    const problems = checkMember(
      {
        birthDate: '2024-07-01',
        sex: 'L',
        nik: '3301015203900001',
        hpht: '2024-01-01',
        deliveryDate: '2025-01-01',
      },
      today,
      known,
    )
    expect(problems.map((p) => [p.field, p.code, p.severity])).toEqual([
      ['birthDate', 'birthDate.future', 'error'],
      ['nik', 'nik.birthDate', 'mismatch'],
      ['nik', 'nik.sex', 'mismatch'],
      ['hpht', 'hpht.male', 'error'],
      ['deliveryDate', 'deliveryDate.male', 'error'],
    ])
  })
})
