import { describe, expect, it } from 'vitest'
import { checkKk, checkNik, parseNik } from '../../src/domain/nik'

// 330101 = Kedungreja, Cilacap. A man born 12-03-1990 and a woman born on the same day (day + 40).
const MAN = '3301011203900001'
const WOMAN = '3301015203900002'
const known = (code: string) => code === '330101'

describe('parseNik', () => {
  it('reads a man’s and a woman’s NIK', () => {
    expect(parseNik(MAN)).toEqual({
      regionCode: '330101',
      day: 12,
      month: 3,
      yy: 90,
      sex: 'L',
      serial: '0001',
    })
    expect(parseNik(WOMAN)).toEqual({
      regionCode: '330101',
      day: 12,
      month: 3,
      yy: 90,
      sex: 'P',
      serial: '0002',
    })
  })

  it.each([
    ['01', 1, 'L'],
    ['31', 31, 'L'],
    ['41', 1, 'P'],
    ['71', 31, 'P'],
  ])('day %s is day %i, sex %s', (dd, day, sex) => {
    expect(parseNik(`330101${dd}0190`.padEnd(16, '1'))).toMatchObject({ day, sex })
  })

  it.each(['00', '32', '40', '72', '99'])('rejects day %s', (dd) => {
    expect(parseNik(`330101${dd}0190`.padEnd(16, '1'))).toBeUndefined()
  })

  it.each(['00', '13'])('rejects month %s', (mm) => {
    expect(parseNik(`33010112${mm}90`.padEnd(16, '1'))).toBeUndefined()
  })

  it('rejects a day the month does not have, but allows 29 February (the century is unknown)', () => {
    expect(parseNik('3301013002900001')).toBeUndefined()
    expect(parseNik('3301012902010001')).toMatchObject({ day: 29, month: 2, yy: 1 })
  })

  it('rejects anything but 16 digits', () => {
    expect(parseNik('330101120390000')).toBeUndefined()
    expect(parseNik('33010112039000011')).toBeUndefined()
    expect(parseNik('3301011203 90001')).toBeUndefined()
  })
})

describe('checkNik', () => {
  it('finds nothing wrong with a NIK that matches the person', () => {
    expect(checkNik(MAN, { birthDate: '1990-03-12', sex: 'L' }, known)).toEqual([])
    expect(checkNik(WOMAN, { birthDate: '1990-03-12', sex: 'P' }, known)).toEqual([])
    expect(checkNik(MAN, {})).toEqual([])
  })

  it('reports non-digits and a wrong length as errors', () => {
    expect(checkNik('3301011203A00001', {})).toEqual([{ code: 'digits', severity: 'error', params: {} }])
    expect(checkNik('330101120390001', {})).toEqual([
      { code: 'length', severity: 'error', params: { length: '15' } },
    ])
    expect(checkNik('33-01', {}).map((i) => i.code)).toEqual(['digits', 'length'])
  })

  it('reports an impossible day, month and serial as errors', () => {
    expect(checkNik('3301013513900001', {})).toEqual([
      { code: 'day', severity: 'error', params: { day: '35' } },
      { code: 'month', severity: 'error', params: { month: '13' } },
    ])
    expect(checkNik('3301011203900000', { birthDate: '1990-03-12', sex: 'L' })).toEqual([
      { code: 'serial', severity: 'error', params: { serial: '0000' } },
    ])
  })

  it('reports one birth-date mismatch naming both dates, whichever part differs', () => {
    const issue = (birthDate: string) => ({
      code: 'birthDate',
      severity: 'mismatch',
      params: { nikDate: '12-03-90', birthDate },
    })
    expect(checkNik(MAN, { birthDate: '1990-04-12' })).toEqual([issue('12-04-1990')])
    expect(checkNik(MAN, { birthDate: '1990-03-13' })).toEqual([issue('13-03-1990')])
    expect(checkNik(MAN, { birthDate: '1991-03-12' })).toEqual([issue('12-03-1991')])
    expect(checkNik(MAN, { birthDate: '1989-04-13' })).toEqual([issue('13-04-1989')])
  })

  it('compares only the two-digit year (the NIK has no century)', () => {
    expect(checkNik(MAN, { birthDate: '1890-03-12' })).toEqual([])
  })

  it('reports a sex mismatch naming both', () => {
    expect(checkNik(WOMAN, { sex: 'L' })).toEqual([
      { code: 'sex', severity: 'mismatch', params: { nikSex: 'P', sex: 'L' } },
    ])
    expect(checkNik(MAN, { birthDate: '1990-03-12', sex: 'P' })).toEqual([
      { code: 'sex', severity: 'mismatch', params: { nikSex: 'L', sex: 'P' } },
    ])
  })

  it('warns, never errs, about a region code not in today’s list', () => {
    expect(checkNik('9999991203900001', { birthDate: '1990-03-12', sex: 'L' }, known)).toEqual([
      { code: 'region', severity: 'warning', params: { region: '999999' } },
    ])
  })
})

describe('checkKk', () => {
  it('accepts 16 digits from a known kecamatan', () => {
    expect(checkKk('3301010101200001', known)).toEqual([])
    expect(checkKk('9999990101200001')).toEqual([])
  })

  it('reports non-digits and a wrong length as errors', () => {
    expect(checkKk('3301010101 00001')).toEqual([{ code: 'digits', severity: 'error', params: {} }])
    expect(checkKk('33010101012000011')).toEqual([
      { code: 'length', severity: 'error', params: { length: '17' } },
    ])
  })

  it('warns about a region code not in today’s list', () => {
    expect(checkKk('9999990101200001', known)).toEqual([
      { code: 'region', severity: 'warning', params: { region: '999999' } },
    ])
  })
})
