import { describe, expect, it } from 'vitest'
import { outsideWorkArea } from '../../src/domain/work-area'

const address = {
  kabupaten: 'Cilacap',
  kecamatan: 'Dayeuhluhur',
  desa: 'Bolang',
  dusun: 'Karang Anyar',
  rw: '002',
  rt: '003',
}
const desa = { kabupaten: 'Cilacap', kecamatan: 'Dayeuhluhur', desa: 'Bolang' }

describe('outsideWorkArea', () => {
  it('accepts an address in the desa, whatever its dusun, RW and RT', () => {
    expect(outsideWorkArea(address, desa)).toBeUndefined()
  })

  it('compares names as kaders type them and RT/RW as numbers', () => {
    expect(
      outsideWorkArea(
        { ...address, desa: ' bolang ', dusun: 'karang  anyar' },
        { ...desa, dusun: 'Karang Anyar', rw: '2', rt: '3' },
      ),
    ).toBeUndefined()
  })

  it('names the first field outside the area', () => {
    expect(outsideWorkArea({ ...address, desa: 'Cibadak' }, desa)).toBe('desa')
    expect(outsideWorkArea(address, { ...desa, dusun: 'Krajan' })).toBe('dusun')
    expect(outsideWorkArea(address, { ...desa, rw: '001' })).toBe('rw')
    expect(outsideWorkArea(address, { ...desa, rw: '002', rt: '004' })).toBe('rt')
  })

  it('treats an area with no names yet (before the kader set it) as unbounded', () => {
    expect(outsideWorkArea(address, { kabupaten: '', kecamatan: '', desa: '' })).toBeUndefined()
  })
})
