import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  buildHouseholdRows,
  filterHouseholdRows,
  filterOptions,
  type HouseholdRow,
  listedRow,
  prepareSearch,
  shownRows,
} from '../../src/data/household-rows'
import { makeHousehold, makeMember, NIK_BUDI, NIK_SITI, TODAY } from './fixtures'

const pak = makeHousehold({
  headName: 'Budi Santoso',
  noKk: '3301010101250001',
  address: { dusun: 'Krajan', rw: '001', rt: '003' },
})
const bu = makeHousehold({ headName: 'ÉLLY Susanti', address: { dusun: 'Krajan', rw: '001', rt: '003' } })
const earlierRt = makeHousehold({ headName: 'Zainal', address: { dusun: 'Krajan', rw: '001', rt: '002' } })
const otherRw = makeHousehold({ headName: 'Agus', address: { dusun: 'Krajan', rw: '002', rt: '001' } })
const otherDusun = makeHousehold({ headName: 'Ahmad', address: { dusun: 'babakan', rw: '003', rt: '010' } })

const budi = makeMember(pak.id, {
  name: 'Budi Santoso',
  sex: 'L',
  birthDate: '1988-01-05',
  relation: 'kepala',
  nik: NIK_BUDI,
})
const siti = makeMember(pak.id, { name: 'Siti Aminah', nik: NIK_SITI, hpht: '2025-03-01' })
const bayi = makeMember(pak.id, { name: 'Putri', relation: 'anak', birthDate: '2025-06-01' })
const lansia = makeMember(bu.id, {
  name: 'Mbah José',
  sex: 'L',
  relation: 'orang_tua',
  birthDate: '1950-02-02',
})
const unborn = makeMember(bu.id, { name: 'Salah Tanggal', relation: 'anak', birthDate: '2025-07-01' })

const rows = buildHouseholdRows(
  [pak, bu, earlierRt, otherRw, otherDusun],
  [lansia, bayi, siti, budi, unborn],
  TODAY,
)
const headNames = (rs: typeof rows) => rs.map((r) => r.household.headName)

describe('buildHouseholdRows', () => {
  it('sorts by dusun, RW, RT, then head name, ignoring case and accents', () => {
    expect(headNames(rows)).toEqual(['Ahmad', 'Zainal', 'Budi Santoso', 'ÉLLY Susanti', 'Agus'])
  })

  it('groups members, kepala first then oldest, with their stages', () => {
    const row = rows.find((r) => r.household.id === pak.id)
    expect(row?.members.map((m) => m.name)).toEqual(['Budi Santoso', 'Siti Aminah', 'Putri'])
    expect(row?.stages.get(siti.id)).toMatchObject({ stage: 'dewasa', overlays: ['ibu_hamil'] })
    expect(row?.stages.get(bayi.id)?.stage).toBe('bayi_baru_lahir')
    expect([...(row?.stageSet ?? [])].sort()).toEqual(['bayi_baru_lahir', 'dewasa', 'ibu_hamil'])
  })

  it('gives no stage to a member born after today', () => {
    const row = rows.find((r) => r.household.id === bu.id)
    expect(row?.members).toHaveLength(2)
    expect(row?.stages.has(unborn.id)).toBe(false)
    expect([...(row?.stageSet ?? [])]).toEqual(['lansia'])
  })
})

describe('filterHouseholdRows', () => {
  it.each([
    ['siti', ['Budi Santoso']],
    ['  SANTOSO ', ['Budi Santoso']],
    ['elly', ['ÉLLY Susanti']],
    ['jose', ['ÉLLY Susanti']],
    ['josé', ['ÉLLY Susanti']],
    ['a', ['Ahmad', 'Zainal', 'Budi Santoso', 'ÉLLY Susanti', 'Agus']],
    ['', ['Ahmad', 'Zainal', 'Budi Santoso', 'ÉLLY Susanti', 'Agus']],
    ['tidak ada', []],
  ])('query %j finds names: %j', (query, expected) => {
    expect(headNames(filterHouseholdRows(rows, { query }))).toEqual(expected)
  })

  it.each([
    ['330', ['Budi Santoso']], // start of a NIK and of the No. KK
    ['520490', ['Budi Santoso']], // inside Siti's NIK
    ['0101250001', ['Budi Santoso']], // inside the No. KK
    ['999', []],
    ['33', []], // too short to search numbers
  ])('digits %j find NIK and No. KK: %j', (query, expected) => {
    expect(headNames(filterHouseholdRows(rows, { query }))).toEqual(expected)
  })

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('finds the same rows when the search text was prepared while idle, a slice per idle period', () => {
    const fresh = buildHouseholdRows([pak, bu, earlierRt], [lansia, siti, budi], TODAY)
    const idle: IdleRequestCallback[] = []
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => idle.push(cb))
    vi.stubGlobal('cancelIdleCallback', () => {})
    prepareSearch(fresh)
    // Time for two rows only: the third waits for the next idle period.
    let left = 2
    idle.shift()?.({ didTimeout: false, timeRemaining: () => (left-- > 0 ? 10 : 0) })
    expect(idle).toHaveLength(1)
    idle.shift()?.({ didTimeout: false, timeRemaining: () => 10 })
    expect(idle).toHaveLength(0)
    expect(headNames(filterHouseholdRows(fresh, { query: 'jose' }))).toEqual(['ÉLLY Susanti'])
    expect(headNames(filterHouseholdRows(fresh, { query: '520490' }))).toEqual(['Budi Santoso'])
  })

  it('filters by dusun, RT (padded or not) and stage, combined with the query', () => {
    expect(headNames(filterHouseholdRows(rows, { dusun: 'babakan' }))).toEqual(['Ahmad'])
    expect(headNames(filterHouseholdRows(rows, { rt: '3' }))).toEqual(['Budi Santoso', 'ÉLLY Susanti'])
    expect(headNames(filterHouseholdRows(rows, { rt: '003', query: 'elly' }))).toEqual(['ÉLLY Susanti'])
    expect(headNames(filterHouseholdRows(rows, { stage: 'ibu_hamil' }))).toEqual(['Budi Santoso'])
    expect(headNames(filterHouseholdRows(rows, { stage: 'lansia', dusun: 'Krajan' }))).toEqual([
      'ÉLLY Susanti',
    ])
    expect(headNames(filterHouseholdRows(rows, { stage: 'balita' }))).toEqual([])
  })
})

describe('shownRows', () => {
  const listed = rows.map(listedRow)
  const names = (shown: ReturnType<typeof shownRows>) => shown?.map((r) => r.headName)

  it('shows what the list shows of each row: its text, member count and stage badges in order', () => {
    expect(listedRow(rows[2] as HouseholdRow)).toEqual({
      id: pak.id,
      headName: 'Budi Santoso',
      dusun: 'Krajan',
      rt: '003',
      rw: '001',
      memberCount: 3,
      stages: ['bayi_baru_lahir', 'dewasa', 'ibu_hamil'],
    })
  })

  it('filters the snapshot by the menus, and waits for the rows to search names', () => {
    expect(names(shownRows({ listed }, { rt: '3', stage: 'lansia' }))).toEqual(['ÉLLY Susanti'])
    expect(names(shownRows({ listed }, { dusun: 'babakan' }))).toEqual(['Ahmad'])
    expect(shownRows({ listed }, { query: 'jose' })).toBeUndefined()
    expect(names(shownRows({ rows, listed }, { query: 'jose' }))).toEqual(['ÉLLY Susanti'])
  })
})

it('filterOptions lists each dusun and RT once, sorted', () => {
  expect(filterOptions(rows.map(listedRow))).toEqual({
    dusun: ['babakan', 'Krajan'],
    rt: ['001', '002', '003', '010'],
  })
})
