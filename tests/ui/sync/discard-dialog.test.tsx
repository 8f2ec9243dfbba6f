// @vitest-environment jsdom
// "Perlu diperbaiki" → "Buang perubahan": the confirmation names the record and the refusal; Back discards nothing,
// a double tap on "Ya, buang" discards that one change once, and the other refused change stays.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { entriesOf, settleEntries } from '../../../src/data/outbox'
import { saveHousehold } from '../../../src/data/write'
import { RejectedList } from '../../../src/ui/sync/RejectedList'
import { householdInput, LATER, NOW, withTestDb } from '../../data/fixtures'
import { renderScreen } from '../render'

const db = withTestDb()
afterEach(cleanup)

/** Two households the server stored, each edited and the edit refused as out of the area. */
async function twoRefusedEdits() {
  const homes = []
  for (const headName of ['Budi Santoso', 'Sri Wahyuni']) {
    const saved = await saveHousehold(householdInput({ headName }), { now: NOW })
    if (!saved.ok) throw new Error('household')
    homes.push(saved.record)
  }
  await db().outbox.clear()
  for (const c of await db().clocks.toArray()) await db().clocks.put({ key: c.key, hlcs: c.hlcs })
  for (const h of homes) {
    const edit = await saveHousehold(householdInput({ headName: `${h.headName} Baru` }), {
      id: h.id,
      now: LATER,
    })
    if (!edit.ok) throw new Error('edit')
  }
  const entries = (await db().outbox.toArray()).flatMap(entriesOf)
  const rejection = { reason: 'forbidden' as const, issues: [], at: NOW.toISOString() }
  await settleEntries(
    db(),
    [],
    entries.map((entry) => ({ entry, rejection })),
  )
  return entries
}

const outbox = async () =>
  (await db().outbox.toArray()).flatMap(entriesOf).map((e) => [e.recordId, e.refresh === true, !!e.rejected])

it('asks before discarding, discards nothing on Back, and only that change once on a double tap', async () => {
  const [first, second] = await twoRefusedEdits()
  renderScreen(<RejectedList />)
  const discards = await screen.findAllByRole('button', { name: 'Buang perubahan' })
  expect(discards).toHaveLength(2)

  fireEvent.click(discards[0] as HTMLElement)
  const dialog = await screen.findByRole('alertdialog', { name: 'Buang perubahan ini?' })
  expect(dialog.textContent).toContain('Rumah tangga — Budi Santoso Baru')
  expect(dialog.textContent).toContain('Ditolak server: di luar wilayah kerja Anda')
  await screen.findByText(/Data kembali seperti yang ada di server/)
  fireEvent.click(screen.getByRole('button', { name: 'Kembali' }))
  expect(screen.queryByRole('alertdialog')).toBeNull()
  expect(await outbox()).toEqual([
    [first?.recordId, false, true],
    [second?.recordId, false, true],
  ])

  fireEvent.click(discards[0] as HTMLElement)
  const confirm = await screen.findByRole('button', { name: 'Ya, buang' })
  fireEvent.click(confirm)
  fireEvent.click(confirm)
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
  await waitFor(() => expect(screen.getAllByRole('button', { name: 'Buang perubahan' })).toHaveLength(1))
  expect(await outbox()).toEqual([
    [second?.recordId, false, true],
    [first?.recordId, true, false],
  ])
})

it('says it in English', async () => {
  await twoRefusedEdits()
  renderScreen(<RejectedList />, 'en')
  const [discard] = await screen.findAllByRole('button', { name: 'Discard change' })
  fireEvent.click(discard as HTMLElement)
  const dialog = await screen.findByRole('alertdialog', { name: 'Discard this change?' })
  expect(dialog.textContent).toContain('Household — Budi Santoso Baru')
  expect(dialog.textContent).toContain('Refused by the server: outside your work area')
  await screen.findByRole('button', { name: 'Yes, discard' })
})
