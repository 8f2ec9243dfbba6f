import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadKecamatanLookup } from '../../src/data/regions'

// Every level-3 row of the source list, as PPKKCC.
const csv = readFileSync(
  new URL('../../../shared/data/wilayah/wilayah_kemendagri.csv', import.meta.url),
  'utf8',
)
const sourceCodes = csv
  .split('\n')
  .filter((row) => /^\d{2}\.\d{2}\.\d{2},/.test(row))
  .map((row) => row.slice(0, 8).replaceAll('.', ''))

describe('loadKecamatanLookup', () => {
  it('knows the kecamatan of the Kemendagri list, first, last and in between', async () => {
    const isKnown = await loadKecamatanLookup()
    expect(sourceCodes).toHaveLength(7285)
    expect(isKnown('330101')).toBe(true) // Kedungreja, Cilacap
    expect(sourceCodes.every(isKnown)).toBe(true)
  })

  it('does not know codes outside the list', async () => {
    const isKnown = await loadKecamatanLookup()
    expect(isKnown('999999')).toBe(false)
    expect(isKnown('110100')).toBe(false) // a kabupaten with a zero kecamatan part
    expect(isKnown('33010')).toBe(false)
    expect(isKnown('3301011')).toBe(false)
    expect(isKnown('000000')).toBe(false)
  })
})
