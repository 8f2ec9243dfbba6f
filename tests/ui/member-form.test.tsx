// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '../../src/data/db'
import { saveHousehold } from '../../src/data/write'
import type { Household } from '../../src/protocol/records'
import MemberForm from '../../src/ui/households/MemberForm'
import { householdInput, NOW, withTestDb } from '../data/fixtures'
import { daysFromToday, renderScreen } from './render'

withTestDb()
afterEach(cleanup)

let household: Household

beforeEach(async () => {
  const result = await saveHousehold(householdInput(), { now: NOW })
  if (!result.ok) throw new Error('fixture household not saved')
  household = result.record
})

async function openForm() {
  const user = userEvent.setup()
  renderScreen(<MemberForm householdId={household.id} />)
  await screen.findByLabelText('Nama lengkap')
  return user
}

async function fillValidWoman(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Nama lengkap'), 'Siti Aminah')
  await user.click(screen.getByLabelText('Perempuan'))
  await user.type(screen.getByLabelText('Tanggal lahir'), '1990-04-12')
  await user.selectOptions(screen.getByLabelText('Hubungan dengan kepala keluarga'), 'istri')
}

const storedMembers = () => getDb().members.count()
const outboxSize = () => getDb().outbox.count()

describe('member form', () => {
  it('refuses a NIK of 15 digits with a message at the field and stores nothing', async () => {
    const user = await openForm()
    await fillValidWoman(user)
    const nik = screen.getByLabelText('NIK')
    await user.type(nik, '330101520490000')
    await user.tab()
    expect(await screen.findByText('NIK harus 16 angka.')).toBeTruthy()
    expect(nik.getAttribute('aria-invalid')).toBe('true')
    const outboxBefore = await outboxSize()
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    expect(await storedMembers()).toBe(0)
    expect(await outboxSize()).toBe(outboxBefore)
  })

  it('names what disagrees when the NIK date differs from the birth date, and saves only once confirmed', async () => {
    const user = await openForm()
    await fillValidWoman(user)
    // 52-04-90 → a woman born 12 April 1990; the member below was born 12 May 1990.
    await user.clear(screen.getByLabelText('Tanggal lahir'))
    await user.type(screen.getByLabelText('Tanggal lahir'), '1990-05-12')
    await user.type(screen.getByLabelText('NIK'), '3301015204900001')
    await user.tab()
    const messages = await screen.findAllByText(
      /Tanggal lahir di NIK .*12-04-90.* tidak sama dengan tanggal lahir/,
    )
    expect(messages.length).toBeGreaterThan(0)
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    expect(await storedMembers()).toBe(0)

    await user.click(screen.getByLabelText(/NIK sudah saya cocokkan/))
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await waitFor(async () => expect(await storedMembers()).toBe(1))
    const [stored] = await getDb().members.toArray()
    expect(stored?.nikMismatchConfirmed).toBe(true)
  })

  it('refuses a birth date in the future', async () => {
    const user = await openForm()
    await fillValidWoman(user)
    const birth = screen.getByLabelText('Tanggal lahir')
    await user.clear(birth)
    await user.type(birth, daysFromToday(3))
    await user.tab()
    expect(await screen.findByText('Tanggal lahir tidak boleh setelah hari ini.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    expect(await storedMembers()).toBe(0)
  })

  it('shows every missing required field on save, in English when chosen', async () => {
    const user = userEvent.setup()
    renderScreen(<MemberForm householdId={household.id} />, 'en')
    await user.click(await screen.findByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Choose the sex.')).toBeTruthy()
    expect(screen.getByText('Choose the relation to the head of household.')).toBeTruthy()
    expect(screen.getAllByText('Required.').length).toBeGreaterThanOrEqual(1)
    expect(await storedMembers()).toBe(0)
  })

  it('saves a pregnant woman with her HPHT and an outbox entry', async () => {
    const user = await openForm()
    await fillValidWoman(user)
    await user.click(screen.getByLabelText('Sedang hamil'))
    await user.type(screen.getByLabelText('HPHT (hari pertama haid terakhir)'), daysFromToday(-70))
    const outboxBefore = await outboxSize()
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await waitFor(async () => expect(await storedMembers()).toBe(1))
    const [stored] = await getDb().members.toArray()
    expect(stored?.hpht).toBe(daysFromToday(-70))
    expect(await outboxSize()).toBe(outboxBefore + 1)
    await waitFor(() => expect(window.location.hash).toBe(`#/rumah/${household.id}`))
  })

  it('asks a young child whether she has a Buku KIA/KMS and stores the answer; not asked of adults', async () => {
    const user = await openForm()
    await fillValidWoman(user)
    expect(screen.queryByText('Punya Buku KIA/KMS?')).toBeNull()
    const birth = screen.getByLabelText('Tanggal lahir')
    await user.clear(birth)
    await user.type(birth, daysFromToday(-400))
    await user.selectOptions(screen.getByLabelText('Hubungan dengan kepala keluarga'), 'anak')
    expect(await screen.findByText('Punya Buku KIA/KMS?')).toBeTruthy()
    await user.click(screen.getByLabelText('Ya'))
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await waitFor(async () => expect(await storedMembers()).toBe(1))
    const [stored] = await getDb().members.toArray()
    expect(stored?.hasKiaBook).toBe(true)
  })

  it('leaves the Buku KIA/KMS unrecorded when the question is not answered', async () => {
    const user = await openForm()
    await fillValidWoman(user)
    const birth = screen.getByLabelText('Tanggal lahir')
    await user.clear(birth)
    await user.type(birth, daysFromToday(-400))
    await user.selectOptions(screen.getByLabelText('Hubungan dengan kepala keluarga'), 'anak')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await waitFor(async () => expect(await storedMembers()).toBe(1))
    const [stored] = await getDb().members.toArray()
    expect(stored && 'hasKiaBook' in stored).toBe(false)
  })
})
