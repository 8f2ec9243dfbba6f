// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveHousehold, saveMember } from '../../src/data/write'
import { HouseholdList } from '../../src/ui/households/HouseholdList'
import { localDate } from '../../src/ui/shared/today'
import { householdInput, memberInput, NIK_BUDI, NOW, withTestDb } from '../data/fixtures'
import { daysFromToday, renderScreen } from './render'

withTestDb()
afterEach(cleanup)

const today = localDate(new Date())

async function household(headName: string, dusun: string, rt: string, noKk?: string) {
  const result = await saveHousehold(
    householdInput({ headName, noKk, address: { ...householdInput().address, dusun, rt } }),
    { now: NOW },
  )
  if (!result.ok) throw new Error(`fixture ${headName} not saved`)
  return result.record.id
}

beforeEach(async () => {
  const budi = await household('Budi Santoso', 'Krajan', '1', '3301010101200001')
  await saveMember(
    memberInput(budi, {
      name: 'Budi Santoso',
      sex: 'L',
      birthDate: '1988-01-05',
      relation: 'kepala',
      nik: NIK_BUDI,
    }),
    { now: NOW, today },
  )
  await saveMember(
    memberInput(budi, { name: 'Rizky', sex: 'L', birthDate: daysFromToday(-800), relation: 'anak' }),
    { now: NOW, today },
  )
  const joko = await household('Joko Widodo', 'Sidomulyo', '2')
  await saveMember(
    memberInput(joko, {
      name: 'Sri Lestari',
      sex: 'P',
      birthDate: '1995-02-02',
      relation: 'istri',
      hpht: daysFromToday(-60),
    }),
    { now: NOW, today },
  )
  const mbah = await household('Mbah Karto', 'Sidomulyo', '2')
  await saveMember(
    memberInput(mbah, { name: 'Mbah Karto', sex: 'L', birthDate: '1950-03-03', relation: 'kepala' }),
    { now: NOW, today },
  )
})

const names = () =>
  within(screen.getByRole('list', { name: 'Rumah tangga' }))
    .getAllByRole('link')
    .map((a) => a.querySelector('.row-title')?.textContent)

describe('household list', () => {
  it('lists the households of the work area', async () => {
    renderScreen(<HouseholdList />)
    expect(await screen.findByText('3 dari 3 rumah tangga')).toBeTruthy()
    expect(names()).toEqual(['Budi Santoso', 'Joko Widodo', 'Mbah Karto'])
  })

  it('finds a household by a member name, a NIK and a No. KK', async () => {
    const user = userEvent.setup()
    renderScreen(<HouseholdList />)
    await screen.findByText('3 dari 3 rumah tangga')
    const search = screen.getByLabelText('Cari rumah tangga')
    await user.type(search, 'lestari')
    expect(await screen.findByText('1 dari 3 rumah tangga')).toBeTruthy()
    expect(names()).toEqual(['Joko Widodo'])
    await user.clear(search)
    await user.type(search, NIK_BUDI.slice(0, 10))
    expect(await screen.findByText('1 dari 3 rumah tangga')).toBeTruthy()
    expect(names()).toEqual(['Budi Santoso'])
    await user.clear(search)
    await user.type(search, '3301010101200001')
    expect(names()).toEqual(['Budi Santoso'])
  })

  it('filters by dusun, RT and life-cycle stage', async () => {
    const user = userEvent.setup()
    renderScreen(<HouseholdList />)
    await screen.findByText('3 dari 3 rumah tangga')
    await user.selectOptions(screen.getByLabelText('Tahap kehidupan'), 'ibu_hamil')
    expect(await screen.findByText('1 dari 3 rumah tangga')).toBeTruthy()
    expect(names()).toEqual(['Joko Widodo'])
    await user.selectOptions(screen.getByLabelText('Tahap kehidupan'), 'lansia')
    expect(names()).toEqual(['Mbah Karto'])
    await user.selectOptions(screen.getByLabelText('Tahap kehidupan'), '')
    await user.selectOptions(screen.getByLabelText('Dusun'), 'Sidomulyo')
    expect(await screen.findByText('2 dari 3 rumah tangga')).toBeTruthy()
    await user.selectOptions(screen.getByLabelText('Dusun'), '')
    await user.selectOptions(screen.getByLabelText('RT'), '001')
    expect(names()).toEqual(['Budi Santoso'])
  })
})
