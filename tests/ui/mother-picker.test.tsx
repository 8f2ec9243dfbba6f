// @vitest-environment jsdom
// A child's mother is picked in the member form among the household's women old enough to be her (issue 12).
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, it } from 'vitest'
import { getDb } from '../../src/data/db'
import { saveHousehold, saveMember } from '../../src/data/write'
import MemberForm from '../../src/ui/households/MemberForm'
import { householdInput, memberInput, NOW, TODAY, withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(cleanup)

it('offers the women of the household born 10 years before the child, and stores the one picked', async () => {
  const h = await saveHousehold(householdInput(), { now: NOW })
  if (!h.ok) throw new Error('household')
  const add = async (name: string, sex: 'L' | 'P', birthDate: string) => {
    const m = await saveMember(memberInput(h.record.id, { name, sex, birthDate, relation: 'famili_lain' }), {
      now: NOW,
      today: TODAY,
    })
    if (!m.ok) throw new Error(name)
    return m.record
  }
  const sari = await add('Sari', 'P', '1995-04-12')
  await add('Dedi', 'L', '1990-01-01')
  await add('Rina', 'P', '2016-03-01') // 8 years older than the child: not a mother
  const user = userEvent.setup()
  renderScreen(<MemberForm householdId={h.record.id} />)
  await user.type(await screen.findByLabelText('Nama lengkap'), 'Ayu')
  await user.click(screen.getByLabelText('Perempuan'))
  await user.type(screen.getByLabelText('Tanggal lahir'), '2024-02-01')
  await user.selectOptions(screen.getByLabelText('Hubungan dengan kepala keluarga'), 'anak')
  const picker = screen.getByLabelText('Ibu kandung (di rumah tangga ini)')
  const options = within(picker)
    .getAllByRole('option')
    .map((o) => o.textContent)
  expect(options).toEqual(['Tidak di rumah ini / belum dipilih', 'Sari'])
  await user.selectOptions(picker, sari.id)
  await user.click(screen.getByRole('button', { name: 'Simpan' }))
  await waitFor(async () =>
    expect((await getDb().members.toArray()).find((m) => m.name === 'Ayu')?.motherId).toBe(sari.id),
  )
})
