// @vitest-environment jsdom
// A refused record says why in the words of "Perlu diperbaiki" — the field by its form label, in the kader's
// language — and links to that list, except inside a member's row, which is a link itself.
import { cleanup, screen } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { entriesOf, settleEntries } from '../../../src/data/outbox'
import type { OutboxRejection } from '../../../src/data/schemas'
import { saveHousehold, saveMember } from '../../../src/data/write'
import { RecordSyncMark } from '../../../src/ui/sync/RecordSyncMark'
import { householdInput, memberInput, NOW, withTestDb } from '../../data/fixtures'
import { daysFromToday, renderScreen } from '../render'

const db = withTestDb()
afterEach(cleanup)

/** A household and its member, both written offline and refused by the server with the given answer. */
async function refused(rejection: Omit<OutboxRejection, 'at'>) {
  const home = await saveHousehold(householdInput(), { now: NOW })
  if (!home.ok) throw new Error('household')
  const member = await saveMember(memberInput(home.record.id), { now: NOW, today: daysFromToday(0) })
  if (!member.ok) throw new Error('member')
  const entries = (await db().outbox.toArray()).flatMap(entriesOf)
  await settleEntries(
    db(),
    [],
    entries.map((entry) => ({ entry, rejection: { ...rejection, at: NOW.toISOString() } })),
  )
  return { home: home.record.id, member: member.record.id }
}

it('names the refused field by its label and links to the refused list', async () => {
  const { home } = await refused({ reason: 'forbidden', issues: [{ path: 'address', message: 'err.area' }] })
  const { container } = renderScreen(<RecordSyncMark recordId={home} />)
  await screen.findByText(/Alamat: Alamat di luar wilayah kerja\./)
  expect(container.textContent).toBe(
    '✕ ditolak: Alamat: Alamat di luar wilayah kerja. Lihat daftar yang ditolak',
  )
  expect(screen.getByRole('link', { name: 'Lihat daftar yang ditolak' }).getAttribute('href')).toBe(
    '#/pengaturan/ditolak',
  )
})

it('says it in English, names a member’s field by the member form’s label, and adds no link inside a row', async () => {
  const { member } = await refused({
    reason: 'invalid',
    issues: [{ path: 'householdId', message: 'err.household.missing' }],
  })
  const { container } = renderScreen(
    <>
      <RecordSyncMark recordId={member} />
      <a href="#/anggota">
        <RecordSyncMark recordId={member} link={false} />
      </a>
    </>,
    'en',
  )
  const [own, inRow] = await screen.findAllByText(/^refused: Household: /)
  expect(own?.textContent).toMatch(/^✕ refused: Household: .+ See the refused list$/)
  expect(inRow?.textContent).toBe(own?.textContent?.replace(' See the refused list', ' '))
  expect(container.querySelectorAll('a a')).toHaveLength(0)
  expect(screen.getAllByRole('link', { name: 'See the refused list' })).toHaveLength(1)
})

it('says the reason when the server named no field', async () => {
  const { home } = await refused({ reason: 'clock-skew', issues: [] })
  renderScreen(<RecordSyncMark recordId={home} />)
  await screen.findByText(/ditolak: jam HP salah/)
})
