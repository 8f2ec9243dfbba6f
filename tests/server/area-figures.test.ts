import { describe, expect, it } from 'vitest'
import { AreaFigures } from '../../server/supervisor/compute'
import { AreaRecords } from '../../server/supervisor/store'
import type { RecordRow } from '../../server/sync/rows'
import { DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import { formatHlc } from '../../src/protocol/hlc'

const area = { id: 'bolang-rw2', kabupaten: 'Cilacap', kecamatan: 'Dayeuhluhur', desa: 'Bolang', rw: '2' }
const stamp = formatHlc({ millis: Date.parse('2025-06-20T00:00:00Z'), counter: 0, node: 'dev-a' })

let seq = 0
function row(
  entity: RecordRow['entity'],
  id: string,
  householdId: string,
  data: Record<string, unknown>,
): RecordRow {
  seq += 1
  return {
    desa_key: 'd',
    entity,
    id,
    seq,
    household_id: householdId,
    ...{ kabupaten: null, kecamatan: null, desa: null, dusun: null, rw: null, rt: null },
    data,
    hlcs: Object.fromEntries(Object.keys(data).map((k) => [k, stamp])),
    created_hlc: stamp,
    version: 1,
  }
}
const household = (id: string) => row('households', id, id, { headName: `Kepala ${id}`, address: {} })
const child = (id: string, householdId: string) =>
  row('members', id, householdId, { householdId, name: id, sex: 'L', birthDate: '2024-01-10' })
const weighing = (id: string, memberId: string, householdId: string, weightKg: number) =>
  row('visits', id, householdId, {
    memberId,
    householdId,
    date: '2025-06-15',
    place: 'posyandu',
    parts: { balita: { weightKg, lengthCm: 84, position: 'standing' } },
  })

describe("an area's kept months", () => {
  it('computes again only the share of the households a change touched', () => {
    const records = new AreaRecords(area)
    const homes = Array.from({ length: 40 }, (_, i) => `h${i}`)
    records.apply(
      homes.flatMap((h) => [household(h), child(`${h}-c`, h), weighing(`${h}-v`, `${h}-c`, h, 11)]),
      [],
    )
    const figures = new AreaFigures(DEFAULT_CLINICAL_SETTINGS)
    const june = figures.month(records, '2025-06')
    // 40 households in groups of about 8.
    expect(figures.computed).toBe(5)
    expect(june.figures({}).report.skdn.D.value).toBe(40)
    // Looked at again unchanged: nothing computed.
    expect(figures.month(records, '2025-06')).toBe(june)
    expect(figures.computed).toBe(5)
    // A second weighing of h2's child: h2's group alone.
    records.apply([weighing('h2-v2', 'h2-c', 'h2', 11.4)], [])
    figures.month(records, '2025-06')
    expect(figures.computed).toBe(6)
    // h3's child moves into h1: the groups of both; then h1 leaves the area with its members.
    records.apply([child('h3-c', 'h1')], [])
    figures.month(records, '2025-06')
    expect(figures.computed - 6).toBeOneOf([1, 2])
    const before = figures.computed
    records.apply([], [{ entity: 'households', id: 'h1' }])
    expect(figures.month(records, '2025-06').figures({}).report.skdn.S.value).toBe(38)
    expect(figures.computed).toBe(before + 1)
  })

  it('forgets the least recently used month beyond 96, and computes it whole again', () => {
    const records = new AreaRecords(area)
    records.apply([household('h1'), child('c1', 'h1')], [])
    const figures = new AreaFigures(DEFAULT_CLINICAL_SETTINGS)
    const months = Array.from({ length: 98 }, (_, i) =>
      new Date(Date.UTC(2001, i, 1)).toISOString().slice(0, 7),
    )
    const first = figures.month(records, months[0] as string)
    const kept = figures.month(records, months[1] as string)
    for (const m of months.slice(2)) {
      figures.month(records, m)
      // Looked at all along: never the least recently used.
      expect(figures.month(records, months[1] as string)).toBe(kept)
    }
    expect(figures.month(records, months[0] as string)).not.toBe(first)
  })
})
