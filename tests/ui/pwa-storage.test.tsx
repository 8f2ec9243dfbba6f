// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { I18nProvider } from '../../src/ui/i18n'
import { StorageStatus } from '../../src/ui/pwa'
import { requestPersistentStorage } from '../../src/ui/pwa/storage'

const MB = 1024 * 1024

function fakeStorage({ persisted, grant }: { persisted: boolean; grant: boolean }) {
  let granted = persisted
  const storage = {
    persisted: vi.fn(async () => granted),
    persist: vi.fn(async () => {
      granted = grant
      return granted
    }),
    estimate: vi.fn(async () => ({ usage: 12.5 * MB, quota: 2048 * MB })),
  }
  vi.stubGlobal('navigator', { ...navigator, storage })
  return storage
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const renderStatus = () =>
  render(
    <I18nProvider initial="id">
      <StorageStatus />
    </I18nProvider>,
  )

describe('persistent storage', () => {
  it('asks only when not persisted yet', async () => {
    const storage = fakeStorage({ persisted: true, grant: true })
    expect(await requestPersistentStorage()).toBe(true)
    expect(storage.persist).not.toHaveBeenCalled()

    const fresh = fakeStorage({ persisted: false, grant: true })
    expect(await requestPersistentStorage()).toBe(true)
    expect(fresh.persist).toHaveBeenCalledTimes(1)
  })

  it('is a no-op where the browser has no storage manager', async () => {
    vi.stubGlobal('navigator', {})
    expect(await requestPersistentStorage()).toBe(false)
  })

  it('shows a granted status with usage and quota in MB', async () => {
    fakeStorage({ persisted: true, grant: true })
    renderStatus()
    expect(await screen.findByText('Penyimpanan tetap: diizinkan')).toBeTruthy()
    expect(screen.getByText('Terpakai 12,5 MB dari 2.048 MB')).toBeTruthy()
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('explains the risk and asks again when not granted', async () => {
    const storage = fakeStorage({ persisted: false, grant: false })
    renderStatus()
    expect(await screen.findByText('Penyimpanan tetap: belum diizinkan')).toBeTruthy()
    expect(screen.getByText(/browser boleh menghapus data/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Minta izin lagi' }))
    expect(await screen.findByText(/Pasang aplikasi ke layar utama/)).toBeTruthy()
    expect(storage.persist).toHaveBeenCalledTimes(1)
  })

  it('turns to granted when the browser allows it on asking again', async () => {
    fakeStorage({ persisted: false, grant: true })
    renderStatus()
    fireEvent.click(await screen.findByRole('button', { name: 'Minta izin lagi' }))
    expect(await screen.findByText('Penyimpanan tetap: diizinkan')).toBeTruthy()
  })
})
