// The install offer: a card in Pengaturan (always, saying how when the browser has no prompt to give), and once,
// after the first successful sync, a banner below the screen's bar (App.tsx) — the moment the kader has seen the
// app work and send her data.
import { useState } from 'react'
import { useSyncState } from '../../data/sync-hooks'
import { useT } from '../i18n'
import { useInstall } from './install'

const BANNER_SHOWN_KEY = 'kader-ilp.pwa.installOffered'

export function InstallCard() {
  const t = useT()
  const { state, install } = useInstall()
  return (
    <section className="card" aria-label={t('pwa.install.title')}>
      <h2 className="section-title">{t('pwa.install.title')}</h2>
      {state === 'installed' ? (
        <p>{t('pwa.install.installed')}</p>
      ) : (
        <>
          <p className="muted">{t('pwa.install.why')}</p>
          {state === 'available' ? (
            <button type="button" className="button primary" onClick={() => void install()}>
              {t('pwa.install.button')}
            </button>
          ) : (
            <p>{t('pwa.install.manual')}</p>
          )}
        </>
      )}
    </section>
  )
}

export function InstallBanner() {
  const t = useT()
  const { state, install } = useInstall()
  const sync = useSyncState()
  const [offered, setOffered] = useState(readFlag)
  if (offered || state !== 'available' || !sync?.lastSuccessAt) return null
  const close = () => {
    writeFlag()
    setOffered(true)
  }
  return (
    <section className="install-offer" role="status" aria-label={t('pwa.install.title')}>
      <p>{t('pwa.install.banner')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button primary small"
          onClick={() => {
            close()
            void install()
          }}
        >
          {t('pwa.install.button')}
        </button>
        <button type="button" className="button secondary small" onClick={close}>
          {t('pwa.install.later')}
        </button>
      </div>
    </section>
  )
}

function readFlag(): boolean {
  try {
    return localStorage.getItem(BANNER_SHOWN_KEY) === '1'
  } catch {
    return false
  }
}

function writeFlag() {
  try {
    localStorage.setItem(BANNER_SHOWN_KEY, '1')
  } catch {
    // Private mode without storage: the banner may come again next time, which is harmless.
  }
}
