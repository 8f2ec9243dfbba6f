// @vitest-environment jsdom
// Forms never lose a kader's work: drafts as she types, Back that asks, one record per save, and the first
// invalid field in view after a failed Simpan — shown on the household form, which shares this with every form.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '../../src/data/db'
import { draftKeys, getDraft, putDraft } from '../../src/data/drafts'
import { uuidv7 } from '../../src/data/ids'
import DraftList from '../../src/ui/drafts/DraftList'
import HouseholdForm from '../../src/ui/households/HouseholdForm'
import { withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(cleanup)
beforeEach(() => window.history.replaceState(null, '', '#/rumah/baru'))

async function openForm(saveId: string) {
  renderScreen(<HouseholdForm saveId={saveId} />)
  return (await screen.findByLabelText('Nama kepala keluarga', {}, { timeout: 5_000 })) as HTMLInputElement
}

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Nama kepala keluarga'), 'Slamet Riyadi')
  await user.type(screen.getByLabelText('Dusun'), 'Krajan')
  await user.type(screen.getByLabelText('RT'), '3')
  await user.type(screen.getByLabelText('RW'), '1')
  await user.type(screen.getByLabelText('Desa/Kelurahan'), 'Sukamaju')
  await user.type(screen.getByLabelText('Kecamatan'), 'Cibadak')
  await user.type(screen.getByLabelText('Kabupaten/Kota'), 'Sukabumi')
}

describe('form drafts', () => {
  it('keeps what was typed as a draft and resumes it when the form opens again', async () => {
    const user = userEvent.setup()
    const saveId = uuidv7()
    await user.type(await openForm(saveId), 'Slamet Riyadi')
    await waitFor(async () =>
      expect((await getDraft(draftKeys.householdNew(saveId)))?.values.headName).toBe('Slamet Riyadi'),
    )
    cleanup()
    expect((await openForm(saveId)).value).toBe('Slamet Riyadi')
    expect(screen.getByText(/Melanjutkan draf/)).toBeTruthy()
    expect((await getDraft(draftKeys.householdNew(saveId)))?.label).toBe('Slamet Riyadi')
  })

  it('writes the draft at once when the tab is hidden', async () => {
    const saveId = uuidv7()
    fireEvent.change(await openForm(saveId), { target: { value: 'Slamet' } })
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' })
    document.dispatchEvent(new Event('visibilitychange'))
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' })
    await waitFor(async () => expect(await getDraft(draftKeys.householdNew(saveId))).toBeDefined())
  })

  it('"Buang draf" goes back to a clean form and deletes the draft', async () => {
    const user = userEvent.setup()
    const saveId = uuidv7()
    await user.type(await openForm(saveId), 'Slamet')
    await waitFor(async () => expect(await getDraft(draftKeys.householdNew(saveId))).toBeDefined())
    cleanup()
    await openForm(saveId)
    window.confirm = () => true
    await user.click(screen.getByRole('button', { name: 'Buang draf' }))
    await waitFor(() =>
      expect((screen.getByLabelText('Nama kepala keluarga') as HTMLInputElement).value).toBe(''),
    )
    expect(await getDraft(draftKeys.householdNew(saveId))).toBeUndefined()
  })
})

describe('leaving a form with changes', () => {
  it('asks on the top bar\'s back link; "Lanjut mengisi" stays, "Keluar" keeps the draft and leaves', async () => {
    const user = userEvent.setup()
    const saveId = uuidv7()
    await user.type(await openForm(saveId), 'Slamet')
    await user.click(screen.getByRole('link', { name: 'Kembali' }))
    expect(screen.getByRole('alertdialog', { name: 'Isian belum disimpan' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Lanjut mengisi' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(window.location.hash).toBe('#/rumah/baru')

    await user.click(screen.getByRole('link', { name: 'Kembali' }))
    await user.click(screen.getByRole('button', { name: 'Keluar, simpan sebagai draf' }))
    await waitFor(() => expect(window.location.hash).toBe('#/'))
    expect((await getDraft(draftKeys.householdNew(saveId)))?.values.headName).toBe('Slamet')
  })

  it("asks on the phone's Back, and discarding deletes the draft", async () => {
    const user = userEvent.setup()
    const saveId = uuidv7()
    await user.type(await openForm(saveId), 'Slamet')
    await waitFor(async () => expect(await getDraft(draftKeys.householdNew(saveId))).toBeDefined())
    act(() => window.history.back())
    expect(await screen.findByRole('alertdialog', { name: 'Isian belum disimpan' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Buang isian' }))
    await waitFor(async () => expect(await getDraft(draftKeys.householdNew(saveId))).toBeUndefined())
  })

  it('does not ask when nothing was changed', async () => {
    const user = userEvent.setup()
    await openForm(uuidv7())
    await user.click(screen.getByRole('link', { name: 'Kembali' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })
})

describe('saving', () => {
  it('stores one household when Simpan is tapped three times at once, and no draft is left', async () => {
    const user = userEvent.setup()
    const saveId = uuidv7()
    await openForm(saveId)
    await fill(user)
    const save = screen.getByRole('button', { name: 'Simpan' })
    fireEvent.click(save)
    fireEvent.click(save)
    fireEvent.click(save)
    await waitFor(() => expect(window.location.hash).toBe(`#/rumah/${saveId}`))
    expect(await getDb().households.count()).toBe(1)
    expect(await getDb().outbox.count()).toBe(1)
    expect(await getDraft(draftKeys.householdNew(saveId))).toBeUndefined()
  })

  it('after a failed Simpan puts the focus on the first invalid field', async () => {
    const user = userEvent.setup()
    await openForm(uuidv7())
    await user.type(screen.getByLabelText('RT'), 'abc')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Nama kepala keluarga')))
    expect(screen.getByLabelText('Nama kepala keluarga').getAttribute('aria-invalid')).toBe('true')
  })
})

describe('the Draf list', () => {
  it('lists the drafts newest first with what they are, resumes one by its link, and discards one', async () => {
    const user = userEvent.setup()
    const saveId = uuidv7()
    await putDraft({
      id: draftKeys.householdNew(saveId),
      kind: 'household',
      path: `#/rumah/baru/${saveId}`,
      label: 'Slamet Riyadi',
      values: { headName: 'Slamet Riyadi' },
      updatedAt: '2025-06-15T03:00:00.000Z',
    })
    await putDraft({
      id: draftKeys.visit(saveId),
      kind: 'visit',
      path: `#/anggota/${saveId}/kunjungan`,
      label: 'Rizky',
      values: {},
      updatedAt: '2025-06-15T04:00:00.000Z',
    })
    renderScreen(<DraftList />)
    const items = await screen.findAllByRole('listitem')
    expect(items.map((i) => i.querySelector('.row-title')?.textContent)).toEqual(['Rizky', 'Slamet Riyadi'])
    expect(items[1]?.textContent).toContain('Rumah tangga')
    const resume = screen.getAllByRole('link', { name: 'Lanjutkan' })[1]
    expect(resume?.getAttribute('href')).toBe(`#/rumah/baru/${saveId}`)
    window.confirm = () => true
    await user.click(screen.getAllByRole('button', { name: 'Buang draf' })[0] as HTMLElement)
    await waitFor(() => expect(screen.queryByText('Rizky')).toBeNull())
    expect(await getDraft(draftKeys.visit(saveId))).toBeUndefined()
  })
})
