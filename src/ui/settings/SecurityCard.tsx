import { useEffect, useState } from 'react'
import { chosenAccount, lock, switchKader } from '../../data/crypto/session'
import { AUTO_LOCK_CHOICES, readLockState, setAutoLockMinutes } from '../../data/crypto/vault-store'
import { useT } from '../i18n'
import { lockMessages } from '../lock/messages'

/** Settings: how soon the app locks itself in the background, "Kunci sekarang" and "Ganti kader". */
export function SecurityCard() {
  const t = useT(lockMessages)
  const account = chosenAccount()
  const [minutes, setMinutes] = useState<number>()
  useEffect(() => {
    void readLockState(account?.id).then((s) => setMinutes(s.autoLockMinutes))
  }, [account])
  return (
    <section className="card">
      <h2 className="section-title">{t('security.title')}</h2>
      <div className="field">
        <label htmlFor="auto-lock">{t('security.autoLock')}</label>
        <select
          id="auto-lock"
          value={minutes ?? ''}
          disabled={minutes === undefined || account === undefined}
          onChange={(e) => {
            const next = Number(e.target.value)
            setMinutes(next)
            if (account) void setAutoLockMinutes(account.id, next)
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
      {account && <p className="muted">{t('security.account', { n: account.number })}</p>}
      <button type="button" className="button secondary" onClick={switchKader}>
        {t('lock.switch.title')}
      </button>
    </section>
  )
}
