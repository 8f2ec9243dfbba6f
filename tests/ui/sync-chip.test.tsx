// @vitest-environment jsdom
// The header's sync pill and the settings' sync card tell the truth: no signal is said as such, never "✓ Terkirim";
// a full phone or a bug is said as that, never as "no signal".
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '../../src/data/db'
import { entriesOf, settleEntries } from '../../src/data/outbox'
import { AUTH_KEY, STATUS_KEY, type SyncAuth, type SyncStatus } from '../../src/data/sync-state'
import { saveHousehold } from '../../src/data/write'
import { SyncCard } from '../../src/ui/sync/SyncCard'
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

const run = (at: string, error?: 'offline' | 'server' | 'internal' | 'storage-full') => ({
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
    expect(await screen.findByText('✓ Terkirim', {}, { timeout: 5_000 })).toBeTruthy()
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

  it('opens Settings at the refused changes when some were refused', async () => {
    await loggedIn()
    await saveHousehold(householdInput(), { now: NOW })
    const entries = (await getDb().outbox.toArray()).flatMap(entriesOf)
    const rejection = { reason: 'forbidden' as const, issues: [], at: NOW.toISOString() }
    await settleEntries(
      getDb(),
      [],
      entries.map((entry) => ({ entry, rejection })),
    )
    renderScreen(<SyncChip />)
    const chip = await screen.findByText('1 ditolak')
    expect(chip.getAttribute('href')).toBe('#/pengaturan/ditolak')
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

  it('says a failed sync that is not about the signal, and where to see why', async () => {
    await loggedIn({
      lastSuccessAt: '2025-06-15T03:00:00.000Z',
      lastRun: run('2025-06-15T04:00:00.000Z', 'storage-full'),
    })
    renderScreen(<SyncChip />)
    const chip = await screen.findByText('⚠ Gagal sinkron')
    expect(chip.getAttribute('aria-label')).toBe(
      'Sinkronisasi gagal, bukan karena sinyal. Buka Pengaturan untuk melihat sebabnya.',
    )
    expect(chip.className).toContain('sync-chip-alert')
  })

  it('no longer says so once a run went through', async () => {
    await loggedIn({
      lastSuccessAt: '2025-06-15T05:00:00.000Z',
      lastRun: run('2025-06-15T04:00:00.000Z', 'internal'),
    })
    renderScreen(<SyncChip />, 'en')
    expect(await screen.findByText('✓ Sent')).toBeTruthy()
  })
})

describe('sync card', () => {
  it.each([
    ['storage-full', 'Memori HP penuh: data yang diterima belum bisa disimpan.'],
    ['internal', 'Ada kesalahan di aplikasi saat sinkronisasi (bukan masalah sinyal).'],
    ['offline', 'Tidak ada sinyal.'],
  ] as const)('says why the last run failed: %s', async (reason, words) => {
    await loggedIn({
      lastSuccessAt: '2025-06-15T03:00:00.000Z',
      lastRun: run('2025-06-15T04:00:00.000Z', reason),
    })
    renderScreen(<SyncCard />)
    expect((await screen.findByRole('alert')).textContent).toContain(words)
  })
})
