// @vitest-environment jsdom
// First run and polish of the household list: the welcome that offers the login or trying without an account,
// the install offer, and the legend of the stage codes.
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chooseAccount } from '../../src/data/crypto/session'
import { getDb } from '../../src/data/db'
import { forgetKaderSettings } from '../../src/data/kader-settings'
import { AUTH_KEY, STATUS_KEY } from '../../src/data/sync-state'
import { saveHousehold, saveMember } from '../../src/data/write'
import { HouseholdList } from '../../src/ui/households/HouseholdList'
import { welcomed } from '../../src/ui/households/Welcome'
import { InstallBanner, InstallCard } from '../../src/ui/pwa'
import { listenForInstall } from '../../src/ui/pwa/install'
import { householdInput, memberInput, NOW, withTestDb } from '../data/fixtures'
import { daysFromToday, renderScreen } from './render'

withTestDb()
// The first read of IndexedDB can take over a second on a loaded machine.
const SLOW = { timeout: 5_000 }
beforeEach(() => localStorage.clear())
afterEach(cleanup)

describe('first run', () => {
  it('welcomes a newcomer with the login and "try without an account", remembered on the phone', async () => {
    const user = userEvent.setup()
    renderScreen(<HouseholdList />)
    expect(await screen.findByRole('heading', { name: 'Selamat datang di Kader ILP' }, SLOW)).toBeTruthy()
    expect(screen.getByText(/bekerja tanpa sinyal/)).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Masuk dengan akun' }).getAttribute('href')).toBe('#/pengaturan')
    await user.click(screen.getByRole('button', { name: 'Coba tanpa akun' }))
    expect(screen.getByText(/Belum ada rumah tangga/)).toBeTruthy()
    cleanup()
    renderScreen(<HouseholdList />)
    expect(await screen.findByText(/Belum ada rumah tangga/, {}, SLOW)).toBeTruthy()
    expect(screen.queryByRole('heading', { name: 'Selamat datang di Kader ILP' })).toBeNull()
  })

  it('welcomes each kader of a shared phone once, under her account id, never her name', async () => {
    const kader = (n: number, dbName: string) => ({ id: `${n}`.repeat(32), dbName, number: n, addedAt: '' })
    const [first, second] = [kader(1, 'kader-ilp'), kader(2, 'kader-ilp-2')]
    // An older version's phone-wide flag was the phone's one kader's: the first account's.
    localStorage.setItem('kader-ilp.welcomed', '1')
    const user = userEvent.setup()
    try {
      chooseAccount(first)
      expect(welcomed()).toBe(true)
      chooseAccount(second)
      expect(welcomed()).toBe(false)

      renderScreen(<HouseholdList />)
      await user.click(await screen.findByRole('button', { name: 'Coba tanpa akun' }, SLOW))
      cleanup()
      renderScreen(<HouseholdList />)
      expect(await screen.findByText(/Belum ada rumah tangga/, {}, SLOW)).toBeTruthy()
      expect(screen.queryByRole('heading', { name: 'Selamat datang di Kader ILP' })).toBeNull()
      expect(localStorage.getItem(`kader-ilp.welcomed.${second.id}`)).toBe('1')

      // A wipe of the second kader forgets her flags, and only hers.
      forgetKaderSettings(second.id)
      expect(Object.keys(localStorage).sort()).toEqual(['kader-ilp.welcomed'])
    } finally {
      chooseAccount(undefined)
    }
  })

  it('does not welcome a kader who logged in', async () => {
    renderScreen(<HouseholdList />)
    // The welcome shows the list has read the sync state; before that, the empty list's text proves nothing.
    await screen.findByRole('heading', { name: 'Selamat datang di Kader ILP' }, SLOW)
    await getDb().meta.put({
      key: AUTH_KEY,
      value: {
        baseUrl: 'http://localhost',
        token: 't',
        user: { id: 'u', username: 'siti', name: 'Siti' },
        workArea: { id: 'a', kabupaten: 'K', kecamatan: 'K', desa: 'D' },
        loggedInAt: NOW.toISOString(),
      },
    })
    expect(await screen.findByText(/Belum ada rumah tangga/, {}, SLOW)).toBeTruthy()
    expect(screen.queryByRole('heading', { name: 'Selamat datang di Kader ILP' })).toBeNull()
  })
})

describe('stage legend', () => {
  it('says what the codes on the rows mean', async () => {
    const home = await saveHousehold(householdInput(), { now: NOW })
    if (!home.ok) throw new Error('household')
    await saveMember(
      memberInput(home.record.id, {
        name: 'Rizky',
        sex: 'L',
        birthDate: daysFromToday(-800),
        relation: 'anak',
      }),
      { now: NOW, today: daysFromToday(0) },
    )
    const user = userEvent.setup()
    renderScreen(<HouseholdList />)
    await user.click(await screen.findByRole('button', { name: 'Arti kode' }, SLOW))
    const legend = screen.getByRole('list', { name: 'Arti kode' })
    expect(legend.textContent).toContain('BBL Bayi baru lahir')
    expect(legend.textContent).toContain('H Ibu hamil')
  })
})

describe('install', () => {
  it('offers the install in settings once the browser does, and after the first successful sync once', async () => {
    listenForInstall(window)
    const prompt = vi.fn(async () => {})
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt,
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    })
    const user = userEvent.setup()
    renderScreen(
      <>
        <InstallBanner />
        <InstallCard />
      </>,
    )
    expect(screen.getByText(/Buka menu browser/)).toBeTruthy()
    act(() => {
      window.dispatchEvent(event)
    })
    expect(event.defaultPrevented).toBe(true)
    // No banner before a sync went through.
    expect(screen.queryByText(/Data sudah terkirim/)).toBeNull()
    await getDb().meta.put({ key: STATUS_KEY, value: { lastSuccessAt: NOW.toISOString() } })
    expect(await screen.findByText(/Data sudah terkirim/, {}, SLOW)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Nanti' }))
    expect(screen.queryByText(/Data sudah terkirim/)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Pasang di layar utama' }))
    await waitFor(() => expect(prompt).toHaveBeenCalledOnce())
    cleanup()
    renderScreen(<InstallBanner />)
    expect(screen.queryByText(/Data sudah terkirim/)).toBeNull()
  })
})
