// @vitest-environment jsdom
// The header's sync pill tells the truth: no signal is said as such, never "✓ Terkirim".
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '../../src/data/db'
import { AUTH_KEY, STATUS_KEY, type SyncAuth, type SyncStatus } from '../../src/data/sync-state'
import { saveHousehold } from '../../src/data/write'
import { SyncChip } from '../../src/ui/sync/SyncChip'
import { householdInput, NOW, withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(() => {
  cleanup()
  setOnline(true)
})

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online })
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}

const auth: SyncAuth = {
  baseUrl: 'http://localhost',
  token: 'token',
  user: { id: 'u', username: 'siti', name: 'Siti' },
  workArea: { id: 'sukamaju', kabupaten: 'Sukabumi', kecamatan: 'Cibadak', desa: 'Sukamaju' },
  loggedInAt: NOW.toISOString(),
}

async function loggedIn(status: SyncStatus = {}) {
  await getDb().meta.bulkPut([
    { key: AUTH_KEY, value: auth },
    { key: STATUS_KEY, value: status },
  ])
}

const run = (at: string, error?: 'offline' | 'server') => ({
  startedAt: at,
  finishedAt: at,
  bytesSent: 0,
  bytesReceived: 0,
  pushed: 0,
  rejected: 0,
  pulled: 0,
  ...(error ? { error: { reason: error } } : {}),
})

describe('sync chip', () => {
  it('says everything was sent only while there is a connection', async () => {
    await loggedIn({ lastSuccessAt: '2025-06-15T03:00:00.000Z', lastRun: run('2025-06-15T03:00:00.000Z') })
    renderScreen(<SyncChip />)
    expect(await screen.findByText('✓ Terkirim')).toBeTruthy()
    setOnline(false)
    expect(await screen.findByText('⚠ Tanpa sinyal')).toBeTruthy()
    expect(screen.queryByText('✓ Terkirim')).toBeNull()
  })

  it('counts what waits while offline', async () => {
    await loggedIn()
    await saveHousehold(householdInput(), { now: NOW })
    setOnline(false)
    renderScreen(<SyncChip />)
    const chip = await screen.findByText('⚠ Tanpa sinyal · 1')
    expect(chip.getAttribute('aria-label')).toBe('Tanpa sinyal. Belum terkirim: 1. Data aman di HP.')
  })

  it('is offline when the last run found no connection although the phone says online', async () => {
    await loggedIn({
      lastSuccessAt: '2025-06-15T03:00:00.000Z',
      lastRun: run('2025-06-15T04:00:00.000Z', 'offline'),
    })
    renderScreen(<SyncChip />, 'en')
    expect(await screen.findByText('⚠ Offline')).toBeTruthy()
  })

  it('is not offline because the server failed', async () => {
    await loggedIn({
      lastSuccessAt: '2025-06-15T03:00:00.000Z',
      lastRun: run('2025-06-15T04:00:00.000Z', 'server'),
    })
    renderScreen(<SyncChip />)
    expect(await screen.findByText('✓ Terkirim')).toBeTruthy()
  })
})
