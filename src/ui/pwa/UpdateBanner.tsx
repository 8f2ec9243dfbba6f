import { useEffect, useState, useSyncExternalStore } from 'react'
import { useT } from '../i18n'
import { type PwaController, registerServiceWorker } from './register'
import { hasUnsavedForms, subscribeUnsavedForms } from './unsaved'

// Long enough to read two short lines on a small phone, short enough not to cover the screen for long.
const OFFLINE_NOTICE_MS = 6000

const touchTarget = { minHeight: 44, minWidth: 44 }

/** "Versi baru tersedia — Muat ulang", and "Siap dipakai offline" once after the first install. */
export function UpdateBanner({ controller = registerServiceWorker() }: { controller?: PwaController }) {
  const t = useT()
  const state = useSyncExternalStore(controller.subscribe, controller.getState)
  const dirty = useSyncExternalStore(subscribeUnsavedForms, hasUnsavedForms)
  const [blocked, setBlocked] = useState(false)

  useEffect(() => {
    if (!state.offlineNotice) return
    const timer = setTimeout(controller.dismissOfflineNotice, OFFLINE_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [state.offlineNotice, controller])

  const reload = () => {
    // Read the registry at tap time: a form may have become dirty since the last render.
    if (hasUnsavedForms()) return setBlocked(true)
    setBlocked(false)
    controller.applyUpdate()
  }

  return (
    <div className="pwa-banner" role="status" aria-live="polite">
      {state.updateWaiting ? (
        <div className="pwa-banner-row">
          <p>
            {t('pwa.updateAvailable')}
            {blocked && dirty && (
              <>
                <br />
                <strong>{t('pwa.finishFormFirst')}</strong>
              </>
            )}
          </p>
          <button type="button" className="button primary" style={touchTarget} onClick={reload}>
            {t('pwa.reload')}
          </button>
        </div>
      ) : (
        state.offlineNotice && (
          <div className="pwa-banner-row">
            <p>
              {t('pwa.offlineReady')}. <span className="muted">{t('pwa.offlineReadyHint')}</span>
            </p>
            <button
              type="button"
              className="button"
              style={touchTarget}
              onClick={controller.dismissOfflineNotice}
            >
              {t('pwa.dismiss')}
            </button>
          </div>
        )
      )}
    </div>
  )
}
