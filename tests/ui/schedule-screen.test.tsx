// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { saveVisit } from '../../src/data/visits'
import { saveHousehold, saveMember } from '../../src/data/write'
import ScheduleScreen from '../../src/ui/schedule/ScheduleScreen'
import { localDate } from '../../src/ui/shared/today'
import { householdInput, memberInput, withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(cleanup)

describe('schedule screen', () => {
  it('asks to copy the Buku KIA of a two-year-old registered today, due today and not overdue', async () => {
    const now = new Date()
    const h = await saveHousehold(householdInput({ headName: 'Ahmad Yani' }), { now })
    if (!h.ok) throw new Error('household')
    const birth = new Date()
    birth.setFullYear(birth.getFullYear() - 2)
    const child = await saveMember(
      memberInput(h.record.id, { name: 'Rizky', sex: 'L', birthDate: localDate(birth), relation: 'anak' }),
      { now, today: localDate(now) },
    )
    if (!child.ok) throw new Error('member')

    renderScreen(<ScheduleScreen />)
    const due = await screen.findByRole('region', { name: 'Hari ini' }, { timeout: 10_000 })
    expect(within(due).getByText('Ahmad Yani')).toBeTruthy()
    expect(within(due).getByText('Rizky')).toBeTruthy()
    expect(within(due).getByText(/Lengkapi dari Buku KIA: imunisasi sebelum terdaftar/)).toBeTruthy()
    const copy = within(due).getByRole('link', { name: 'Salin' })
    expect(copy.getAttribute('href')).toBe(`#/anggota/${child.record.id}/buku-kia`)
    expect(screen.queryByRole('region', { name: 'Terlambat' })).toBeNull()
    // The open day is not set yet: the screen says which day it assumed.
    expect(screen.getByText(/Hari buka posyandu belum diatur/)).toBeTruthy()
  })

  it('lists an urgent referral follow-up above everything else', async () => {
    const now = new Date()
    const today = localDate(now)
    const h = await saveHousehold(householdInput({ headName: 'Karta' }), { now })
    if (!h.ok) throw new Error('household')
    const m = await saveMember(
      memberInput(h.record.id, { name: 'Siti', sex: 'P', birthDate: '1990-01-01', relation: 'istri' }),
      { now, today },
    )
    if (!m.ok) throw new Error('member')
    const v = await saveVisit(
      {
        memberId: m.record.id,
        date: today,
        place: 'rumah',
        parts: { dewasa: { systolicMmHg: 190, diastolicMmHg: 115 } },
      },
      { now, today },
    )
    if (!v.ok) throw new Error('visit')
    renderScreen(<ScheduleScreen />)
    const urgent = await screen.findByRole('region', { name: 'Rujukan segera' }, { timeout: 10_000 })
    expect(within(urgent).getByText(/Tindak lanjut rujukan .*Tekanan darah \(segera\)/)).toBeTruthy()
    const sections = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'))
    expect(sections[0]).toBe('Rujukan segera')
  })
})
