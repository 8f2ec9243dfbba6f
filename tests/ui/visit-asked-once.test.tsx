// @vitest-environment jsdom
// One blood pressure per visit and one newborn danger-sign list, however many form parts a member needs (issue 12).
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '../../src/data/db'
import { saveHousehold, saveMember } from '../../src/data/write'
import { addDays } from '../../src/domain/dates'
import type { MemberInput } from '../../src/protocol/records'
import { localDate } from '../../src/ui/shared/today'
import VisitForm from '../../src/ui/visits/VisitForm'
import { householdInput, memberInput, NOW, withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(cleanup)

const today = localDate(new Date())

async function member(fields: Partial<MemberInput>) {
  const h = await saveHousehold(householdInput(), { now: NOW })
  if (!h.ok) throw new Error('household')
  const m = await saveMember(memberInput(h.record.id, fields), { now: NOW, today })
  if (!m.ok) throw new Error('member')
  return m.record
}

describe('asked once per visit', () => {
  it("asks a pregnant woman's blood pressure once, and one BP reading is one referral line", async () => {
    const ibu = await member({
      name: 'Sari',
      sex: 'P',
      birthDate: addDays(today, -30 * 365),
      relation: 'istri',
      hpht: addDays(today, -20 * 7),
    })
    const user = userEvent.setup()
    renderScreen(<VisitForm memberId={ibu.id} />)
    await screen.findByRole('region', { name: 'Ibu hamil' })
    expect(screen.getAllByLabelText(/Tekanan darah atas/)).toHaveLength(1)
    expect(screen.getByText('Tekanan darah: diisi sekali, di bagian Ibu hamil')).toBeTruthy()
    await user.type(screen.getByLabelText(/Tekanan darah atas/), '150')
    await user.type(screen.getByLabelText(/Tekanan darah bawah/), '95')
    const results = screen.getByRole('region', { name: 'Hasil' })
    await waitFor(() => expect(results.textContent).toMatch(/Tekanan darah 150\/95/))
    const bpLines = within(results)
      .getAllByRole('listitem')
      .filter((li) => /^➜Rujuk[^:]*: Tekanan darah/.test(li.textContent ?? ''))
    expect(bpLines).toHaveLength(1)
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await waitFor(async () => expect(await getDb().visits.count()).toBe(1))
    const [visit] = await getDb().visits.toArray()
    expect(visit?.parts.ibu_hamil).toMatchObject({ systolicMmHg: 150, diastolicMmHg: 95 })
    expect(visit?.parts.dewasa?.systolicMmHg).toBeUndefined()
  })

  it('shows a newborn one danger-sign list', async () => {
    const baby = await member({ name: 'Bayi', sex: 'L', birthDate: addDays(today, -5), relation: 'anak' })
    renderScreen(<VisitForm memberId={baby.id} />)
    await screen.findByLabelText('Berat badan (kg)')
    expect(screen.getAllByRole('group', { name: 'Centang tanda bahaya yang ada' })).toHaveLength(1)
  })
})
