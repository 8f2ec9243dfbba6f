import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadKecamatanLookup } from '../../src/data/regions'

// The kecamatan rows of the Kemendagri list the generated codes come from (reference/wilayah/README.md).
const SOURCE = new URL('../../reference/wilayah/kecamatan.csv', import.meta.url)

describe('loadKecamatanLookup', () => {
  it('knows real kecamatan codes', async () => {
    const isKnown = await loadKecamatanLookup()
    expect(isKnown('330101')).toBe(true) // Kedungreja, Cilacap
    expect(isKnown('110101')).toBe(true) // Bakongan, Aceh Selatan
  })

  it('knows every kecamatan of the Kemendagri list', async () => {
    // Every level-3 row of the source list, as PPKKCC.
    const sourceCodes = readFileSync(SOURCE, 'utf8')
      .split('\n')
      .filter((row) => /^\d{2}\.\d{2}\.\d{2},/.test(row))
      .map((row) => row.slice(0, 8).replaceAll('.', ''))
    const isKnown = await loadKecamatanLookup()
    expect(sourceCodes).toHaveLength(7285)
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
