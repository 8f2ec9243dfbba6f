import { describe, expect, it, vi } from 'vitest'
import { getDataIssues } from '../../src/data/data-issues'
import { getDeviceId, getWorkArea, saveWorkArea } from '../../src/data/meta'
import { withTestDb } from './fixtures'

const db = withTestDb()

describe('device id', () => {
  it('is a UUID v7 made once and then kept', async () => {
    const id = await getDeviceId()
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await Promise.all([getDeviceId(), getDeviceId()])).toEqual([id, id])
    expect(await db().meta.get('deviceId')).toEqual({ key: 'deviceId', value: id })
  })
})

describe('work area', () => {
  it('defaults to the local work area until one is saved', async () => {
    expect(await getWorkArea()).toEqual({ id: 'wilayah-lokal', kabupaten: '', kecamatan: '', desa: '' })
    await saveWorkArea({
      id: 'wilayah-lokal',
      kabupaten: ' Cilacap ',
      kecamatan: 'Dayeuhluhur',
      desa: 'Bolang',
    })
    expect(await getWorkArea()).toEqual({
      id: 'wilayah-lokal',
      kabupaten: 'Cilacap',
      kecamatan: 'Dayeuhluhur',
      desa: 'Bolang',
    })
  })

  it('falls back to the default, and reports, when the stored value is corrupt', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    await db().meta.put({ key: 'workArea', value: { id: 'w', kabupaten: 7 } })
    expect((await getWorkArea()).id).toBe('wilayah-lokal')
    expect(getDataIssues().find((i) => i.table === 'meta')?.paths).toEqual(['kabupaten', 'kecamatan', 'desa'])
    vi.restoreAllMocks()
  })
})
