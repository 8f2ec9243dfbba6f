// First run: before any household and any login, the kader is told how the app works offline and offered the
// login (the account comes from the puskesmas) or trying without an account, and the install when the browser
// offers it. "Coba tanpa akun" is remembered for this kader (data/kader-settings.ts): another kader of the phone
// still gets her own welcome.
import { useState } from 'react'
import { kaderFlag, setKaderFlag } from '../../data/kader-settings'
import { useT } from '../i18n'
import { useInstall } from '../pwa'
import { paths } from '../router'

const WELCOMED = 'welcomed'

/** Whether this kader passed the first-run screen (by trying without an account). */
export function welcomed(): boolean {
  return kaderFlag(WELCOMED)
}

export function Welcome({ onTry }: { onTry: () => void }) {
  const t = useT()
  const { state, install } = useInstall()
  const [busy, setBusy] = useState(false)
  const tryWithout = () => {
    setKaderFlag(WELCOMED)
    onTry()
  }
  return (
    <section className="card welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title" className="section-title">
        {t('welcome.title')}
      </h2>
      <p>{t('welcome.offline')}</p>
      <p>{t('welcome.login')}</p>
      <div className="form-actions">
        <a className="button primary" href={`${paths.settings()}`}>
          {t('welcome.loginButton')}
        </a>
        <button type="button" className="button secondary" onClick={tryWithout}>
          {t('welcome.try')}
        </button>
        {state === 'available' && (
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => {
              setBusy(true)
              void install().finally(() => setBusy(false))
            }}
          >
            {t('pwa.install.button')}
          </button>
        )}
      </div>
    </section>
  )
}
