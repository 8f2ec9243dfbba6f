// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { getWorkArea } from '../../src/data/meta'
import { I18nProvider } from '../../src/ui/i18n'
import Settings from '../../src/ui/settings/Settings'
import { withTestDb } from '../data/fixtures'

withTestDb()
afterEach(() => {
  cleanup()
  localStorage.clear()
})

describe('settings', () => {
  it('switches the interface to English and keeps the choice for the next start', async () => {
    const user = userEvent.setup()
    const first = render(
      <I18nProvider>
        <Settings />
      </I18nProvider>,
    )
    await user.click(await screen.findByLabelText('English'))
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy()
    first.unmount()
    document.documentElement.lang = 'id' // as index.html starts

    render(
      <I18nProvider>
        <Settings />
      </I18nProvider>,
    )
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('en')
  })

  it('saves the work area that new households are filled with', async () => {
    const user = userEvent.setup()
    render(
      <I18nProvider initial="id">
        <Settings />
      </I18nProvider>,
    )
    await user.type(await screen.findByLabelText('Desa/Kelurahan'), 'Sukamaju')
    await user.type(screen.getByLabelText('Dusun'), 'Krajan')
    await user.click(screen.getByRole('button', { name: 'Simpan' }))
    expect(await screen.findByText('Tersimpan')).toBeTruthy()
    expect(await getWorkArea()).toMatchObject({ desa: 'Sukamaju', dusun: 'Krajan' })
  })
})
