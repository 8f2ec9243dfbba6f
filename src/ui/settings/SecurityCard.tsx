import { useEffect, useState } from 'react'
import { lock } from '../../data/crypto/session'
import { AUTO_LOCK_CHOICES, readLockState, setAutoLockMinutes } from '../../data/crypto/vault-store'
import { useT } from '../i18n'
import { lockMessages } from '../lock/messages'

/** Settings: how soon the app locks itself in the background, and "Kunci sekarang". */
export function SecurityCard() {
  const t = useT(lockMessages)
  const [minutes, setMinutes] = useState<number>()
  useEffect(() => {
    void readLockState().then((s) => setMinutes(s.autoLockMinutes))
  }, [])
  return (
    <section className="card">
      <h2 className="section-title">{t('security.title')}</h2>
      <div className="field">
        <label htmlFor="auto-lock">{t('security.autoLock')}</label>
        <select
          id="auto-lock"
          value={minutes ?? ''}
          disabled={minutes === undefined}
          onChange={(e) => {
            const next = Number(e.target.value)
            setMinutes(next)
            void setAutoLockMinutes(next)
          }}
        >
          {AUTO_LOCK_CHOICES.map((n) => (
            <option key={n} value={n}>
              {t('security.minutes', { n })}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button secondary" onClick={lock}>
        {t('security.lockNow')}
      </button>
    </section>
  )
}
