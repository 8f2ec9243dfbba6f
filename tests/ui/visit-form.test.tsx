// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '../../src/data/db'
import { deleteMember, saveHousehold, saveMember } from '../../src/data/write'
import type { Member } from '../../src/protocol/records'
import { localDate } from '../../src/ui/shared/today'
import VisitForm from '../../src/ui/visits/VisitForm'
import { householdInput, memberInput, NOW, withTestDb } from '../data/fixtures'
import { daysFromToday, renderScreen } from './render'

withTestDb()
afterEach(cleanup)

let child: Member

beforeEach(async () => {
  const h = await saveHousehold(householdInput(), { now: NOW })
  if (!h.ok) throw new Error('household')
  const birth = new Date()
  birth.setFullYear(birth.getFullYear() - 3)
  const m = await saveMember(
    memberInput(h.record.id, { name: 'Rizky', sex: 'L', birthDate: localDate(birth), relation: 'anak' }),
    { now: NOW, today: localDate(new Date()) },
  )
  if (!m.ok) throw new Error('member')
  child = m.record
})

async function openForm() {
  const user = userEvent.setup()
  renderScreen(<VisitForm memberId={child.id} />)
  await screen.findByLabelText('Berat badan (kg)')
  return user
}

describe('visit form', () => {
  it('tells the kader at once that a 3-year-old boy of 87 cm is stunted, and saves the visit', async () => {
    const user = await openForm()
    await user.type(screen.getByLabelText('Berat badan (kg)'), '12,4')
    await user.type(screen.getByLabelText(/Tinggi badan \(TB\)/), '87')
    const results = await screen.findByRole('region', { name: 'Hasil' })
    await waitFor(() => expect(results.textContent).toContain('Pendek (stunting)'))
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await waitFor(async () => expect(await getDb().visits.count()).toBe(1))
    const [visit] = await getDb().visits.toArray()
    expect(visit?.parts.balita).toMatchObject({ weightKg: 12.4, lengthCm: 87, position: 'standing' })
    await waitFor(() => expect(window.location.hash).toBe(`#/anggota/${child.id}`))
  })

  it('refuses a negative weight and a 300 cm height, storing nothing', async () => {
    const user = await openForm()
    await user.type(screen.getByLabelText('Berat badan (kg)'), '-3')
    await user.type(screen.getByLabelText(/Tinggi badan \(TB\)/), '300')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    expect((await screen.findAllByRole('alert')).length).toBeGreaterThanOrEqual(2)
    expect(await getDb().visits.count()).toBe(0)
  })

  it('refuses a visit dated in the future', async () => {
    const user = await openForm()
    await user.type(screen.getByLabelText('Berat badan (kg)'), '12')
    const date = screen.getByLabelText('Tanggal')
    await user.clear(date)
    await user.type(date, daysFromToday(2))
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    expect(await screen.findByText('Tanggal tidak boleh setelah hari ini.')).toBeTruthy()
    expect(await getDb().visits.count()).toBe(0)
  })

  it('asks for confirmation of an extreme but possible weight before saving', async () => {
    const user = await openForm()
    await user.type(screen.getByLabelText('Berat badan (kg)'), '29')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    expect(await getDb().visits.count()).toBe(0)
    await user.click(await screen.findByLabelText(/Ya, nilainya benar/))
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await waitFor(async () => expect(await getDb().visits.count()).toBe(1))
  })

  it('stores nothing for a member deleted while the form was open', async () => {
    const user = await openForm()
    await user.type(screen.getByLabelText('Berat badan (kg)'), '12')
    await deleteMember(child.id, { now: new Date() })
    // The open form follows the database: the member is gone, so is the form (saveVisit refuses it too).
    expect(await screen.findByText('Anggota tidak ditemukan atau sudah dihapus.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Simpan' })).toBeNull()
    expect(await getDb().visits.count()).toBe(0)
  })
})
