import { afterEach, describe, expect, it, vi } from 'vitest'
import { askBinaanAhead, fetchBinaan } from '../../src/sync/binaan'

vi.mock('../../src/data/sync-state', () => ({
  getSyncAuth: async () => ({ token: 'token', baseUrl: 'http://server' }),
}))
const asked: string[] = []
vi.mock('../../src/sync/transport', () => ({
  request: async (_method: string, path: string) => {
    asked.push(path)
    return { body: { path, n: asked.length } }
  },
}))

// The tap on "Wilayah binaan" asks for the overview while the screen's code loads; the screen takes that answer.
describe('the wilayah binaan asked for ahead', () => {
  afterEach(() => {
    asked.length = 0
    vi.useRealTimers()
  })

  it('is taken once by the screen of the same month', async () => {
    askBinaanAhead('2026-12')
    expect(await fetchBinaan('2026-12')).toEqual({ path: '/binaan?month=2026-12', n: 1 })
    // Opened again (a retry, another visit): asked anew.
    expect(await fetchBinaan('2026-12')).toEqual({ path: '/binaan?month=2026-12', n: 2 })
  })

  it('is not taken for another month, nor once it is old', async () => {
    askBinaanAhead('2026-11')
    expect(await fetchBinaan('2026-12')).toMatchObject({ n: 2 })
    vi.useFakeTimers({ now: Date.parse('2026-12-02T10:00:00Z') })
    askBinaanAhead('2026-12')
    vi.setSystemTime(Date.parse('2026-12-02T10:00:11Z'))
    expect(await fetchBinaan('2026-12')).toMatchObject({ n: 4 })
  })
})
