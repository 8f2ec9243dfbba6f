// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { saveHousehold, saveMember } from '../../src/data/write'
import ScheduleScreen from '../../src/ui/schedule/ScheduleScreen'
import { localDate } from '../../src/ui/shared/today'
import { householdInput, memberInput, NOW, withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(cleanup)

describe('schedule screen', () => {
  it('lists a two-year-old with no vaccination recorded as overdue, with a button to record the visit', async () => {
    const h = await saveHousehold(householdInput({ headName: 'Ahmad Yani' }), { now: NOW })
    if (!h.ok) throw new Error('household')
    const birth = new Date()
    birth.setFullYear(birth.getFullYear() - 2)
    const child = await saveMember(
      memberInput(h.record.id, { name: 'Rizky', sex: 'L', birthDate: localDate(birth), relation: 'anak' }),
      { now: NOW, today: localDate(new Date()) },
    )
    if (!child.ok) throw new Error('member')

    renderScreen(<ScheduleScreen />)
    const overdue = await screen.findByRole('region', { name: 'Terlambat' }, { timeout: 10_000 })
    expect(within(overdue).getByText('Ahmad Yani')).toBeTruthy()
    expect(within(overdue).getByText('Rizky')).toBeTruthy()
    const record = within(overdue).getAllByRole('link', { name: 'Catat' })[0]
    expect(record?.getAttribute('href')).toBe(`#/anggota/${child.record.id}/kunjungan`)
    // The open day is not set yet: the screen says which day it assumed.
    expect(screen.getByText(/Hari buka posyandu belum diatur/)).toBeTruthy()
  })
})
