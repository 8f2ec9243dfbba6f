// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { I18nProvider } from '../../src/ui/i18n'
import { type PwaController, UpdateBanner, useUnsavedGuard } from '../../src/ui/pwa'
import { createPwaStore, type PwaState } from '../../src/ui/pwa/register'

function fakeController(initial: Partial<PwaState> = {}) {
  const store = createPwaStore(initial)
  const controller: PwaController = {
    getState: store.getState,
    subscribe: store.subscribe,
    applyUpdate: vi.fn(),
    dismissOfflineNotice: vi.fn(() => store.set({ offlineNotice: false })),
  }
  return { controller, set: store.set }
}

function Form({ dirty }: { dirty: boolean }) {
  useUnsavedGuard(dirty)
  return null
}

function renderBanner(controller: PwaController, dirty?: boolean) {
  const ui = (formDirty?: boolean) => (
    <I18nProvider initial="id">
      <UpdateBanner controller={controller} />
      {formDirty !== undefined && <Form dirty={formDirty} />}
    </I18nProvider>
  )
  const result = render(ui(dirty))
  return { setDirty: (next: boolean) => result.rerender(ui(next)) }
}

const reloadButton = () => screen.getByRole('button', { name: 'Muat ulang' })

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('UpdateBanner', () => {
  it('shows nothing until there is something to say, in a live region', () => {
    const { controller } = fakeController()
    renderBanner(controller)
    const region = screen.getByRole('status')
    expect(region.getAttribute('aria-live')).toBe('polite')
    expect(region.textContent).toBe('')
  })

  it('offers the new version once it is waiting', () => {
    const { controller, set } = fakeController()
    renderBanner(controller)
    act(() => set({ updateWaiting: true }))
    expect(screen.getByText('Versi baru tersedia')).toBeTruthy()
    expect(reloadButton().style.minHeight).toBe('44px')
  })

  it('does not reload over a half-filled form, and reloads once the form is saved or discarded', () => {
    const { controller } = fakeController({ updateWaiting: true })
    const { setDirty } = renderBanner(controller, true)

    fireEvent.click(reloadButton())
    expect(controller.applyUpdate).not.toHaveBeenCalled()
    expect(screen.getByText('Simpan atau batalkan isian dulu')).toBeTruthy()

    setDirty(false)
    expect(screen.queryByText('Simpan atau batalkan isian dulu')).toBeNull()
    expect(controller.applyUpdate).not.toHaveBeenCalled()

    fireEvent.click(reloadButton())
    expect(controller.applyUpdate).toHaveBeenCalledTimes(1)
  })

  it('applies the update at once when no form is dirty', () => {
    const { controller } = fakeController({ updateWaiting: true })
    renderBanner(controller, false)
    fireEvent.click(reloadButton())
    expect(controller.applyUpdate).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('Simpan atau batalkan isian dulu')).toBeNull()
  })

  it('says "ready to work offline" after the first install, then hides by itself', () => {
    vi.useFakeTimers()
    const { controller, set } = fakeController()
    renderBanner(controller)
    act(() => set({ offlineReady: true, offlineNotice: true }))
    expect(screen.getByText(/Siap dipakai offline/)).toBeTruthy()
    act(() => vi.advanceTimersByTime(10_000))
    expect(controller.dismissOfflineNotice).toHaveBeenCalled()
    expect(screen.queryByText(/Siap dipakai offline/)).toBeNull()
  })

  it('lets the kader close the offline notice', () => {
    const { controller } = fakeController({ offlineReady: true, offlineNotice: true })
    renderBanner(controller)
    fireEvent.click(screen.getByRole('button', { name: 'Tutup' }))
    expect(screen.queryByText(/Siap dipakai offline/)).toBeNull()
  })

  it('does not repeat the offline notice on a later start', () => {
    const { controller } = fakeController({ offlineReady: true, offlineNotice: false })
    renderBanner(controller)
    expect(screen.queryByText(/Siap dipakai offline/)).toBeNull()
  })
})

describe('useUnsavedGuard', () => {
  const leave = () => {
    const event = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(event)
    return event.defaultPrevented
  }

  it('asks before the page unloads only while a form is dirty', () => {
    const { controller } = fakeController()
    const { setDirty } = renderBanner(controller, true)
    expect(leave()).toBe(true)
    setDirty(false)
    expect(leave()).toBe(false)
  })

  it('forgets a dirty form once it unmounts', () => {
    const { controller } = fakeController({ updateWaiting: true })
    renderBanner(controller, true)
    cleanup()
    expect(leave()).toBe(false)
  })
})
