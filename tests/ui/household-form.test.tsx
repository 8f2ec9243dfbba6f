// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getDb } from '../../src/data/db'
import HouseholdForm from '../../src/ui/households/HouseholdForm'
import { withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(cleanup)

async function fillAddress(user: ReturnType<typeof userEvent.setup>, rt: string) {
  await user.type(screen.getByLabelText('Nama kepala keluarga'), 'Budi Santoso')
  await user.type(screen.getByLabelText('Dusun'), 'Krajan')
  await user.type(screen.getByLabelText('RT'), rt)
  await user.type(screen.getByLabelText('RW'), '1')
  await user.type(screen.getByLabelText('Desa/Kelurahan'), 'Sukamaju')
  await user.type(screen.getByLabelText('Kecamatan'), 'Cibadak')
  await user.type(screen.getByLabelText('Kabupaten/Kota'), 'Sukabumi')
}

describe('household form', () => {
  it('refuses RT "abc" with a message at the field and stores nothing', async () => {
    const user = userEvent.setup()
    renderScreen(<HouseholdForm />)
    await screen.findByLabelText('Nama kepala keluarga')
    await fillAddress(user, 'abc')
    await user.tab()
    expect(await screen.findByText('RT hanya angka, paling banyak 3 angka (contoh: 003).')).toBeTruthy()
    expect(screen.getByLabelText('RT').getAttribute('aria-invalid')).toBe('true')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    expect(await getDb().households.count()).toBe(0)
    expect(await getDb().outbox.count()).toBe(0)
  })

  it('refuses a head name with a broken emoji or a NUL at the field, so it never reaches the outbox', async () => {
    const user = userEvent.setup()
    renderScreen(<HouseholdForm />)
    await screen.findByLabelText('Nama kepala keluarga')
    await fillAddress(user, '3')
    const head = screen.getByLabelText('Nama kepala keluarga')
    for (const bad of ['Budi \ud83d', 'Budi\u0000']) {
      await user.clear(head)
      // Pasted, as such text arrives: a keyboard does not type it.
      await user.click(head)
      await user.paste(bad)
      await user.click(screen.getByRole('button', { name: 'Simpan' }))
      expect(
        await screen.findByText(
          'Ada huruf yang tidak bisa disimpan (mis. emoji terpotong). Hapus lalu ketik ulang.',
        ),
      ).toBeTruthy()
      expect(head.getAttribute('aria-invalid')).toBe('true')
    }
    expect(await getDb().households.count()).toBe(0)
    expect(await getDb().outbox.count()).toBe(0)
  })

  it('saves a valid household with RT padded to three digits', async () => {
    const user = userEvent.setup()
    renderScreen(<HouseholdForm />)
    await screen.findByLabelText('Nama kepala keluarga')
    await fillAddress(user, '3')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await waitFor(async () => expect(await getDb().households.count()).toBe(1))
    const [stored] = await getDb().households.toArray()
    expect(stored?.address.rt).toBe('003')
    await waitFor(() => expect(window.location.hash).toBe(`#/rumah/${stored?.id}`))
  })

  it('keeps the household savable when location permission is refused', async () => {
    const denied = { code: 1, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: 'denied' }
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (_ok: unknown, fail: (e: typeof denied) => void) => fail(denied) },
    })
    const user = userEvent.setup()
    renderScreen(<HouseholdForm />)
    await screen.findByLabelText('Nama kepala keluarga')
    await user.click(screen.getByRole('button', { name: 'Ambil lokasi' }))
    expect(await screen.findByText(/Izin lokasi ditolak/)).toBeTruthy()
    await fillAddress(user, '3')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    await waitFor(async () => expect(await getDb().households.count()).toBe(1))
  })

  it('says the phone is full and keeps what was typed when storage refuses the write', async () => {
    vi.spyOn(getDb().households, 'put').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'))
    const user = userEvent.setup()
    renderScreen(<HouseholdForm />)
    await screen.findByLabelText('Nama kepala keluarga')
    await fillAddress(user, '3')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    expect(await screen.findByText(/Memori HP penuh/)).toBeTruthy()
    expect((screen.getByLabelText('Nama kepala keluarga') as HTMLInputElement).value).toBe('Budi Santoso')
    vi.restoreAllMocks()
    expect(await getDb().households.count()).toBe(0)
  })
})
