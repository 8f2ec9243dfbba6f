// "Ganti kader": the kaders of this phone, each with her own PIN and records (data/crypto/accounts.ts). Choosing one
// opens her lock screen; "Kader lain" logs a kader new to this phone in online, and she then sets her own PIN.
// The list names nobody: it is shown before any unlock, so the accounts are numbered ("Kader 2"), and each kader
// sees her number in Settings once unlocked.
import { useEffect, useState } from 'react'
import type { DeviceAccount } from '../../data/crypto/accounts'
import { chooseAccount, chosenAccount } from '../../data/crypto/session'
import { listAccounts } from '../../data/crypto/vault-store'
import { useT } from '../i18n'
import { lockMessages } from './messages'

export function SwitchKader({ onChosen, onNew }: { onChosen: () => void; onNew: () => void }) {
  const t = useT(lockMessages)
  const [accounts, setAccounts] = useState<DeviceAccount[]>()
  useEffect(() => {
    void listAccounts().then(setAccounts)
  }, [])
  const current = chosenAccount()?.id
  return (
    <main className="screen lock-screen">
      <div className="form lock-form" data-lock-step="accounts">
        <h1>{t('lock.switch.title')}</h1>
        <p>{t('lock.switch.intro')}</p>
        {accounts?.map((a) => (
          <button
            key={a.id}
            type="button"
            className={`button ${a.id === current ? 'primary' : 'secondary'}`}
            onClick={() => {
              chooseAccount(a)
              onChosen()
            }}
          >
            {t('lock.switch.kader', { n: a.number })}
          </button>
        ))}
        <button type="button" className="button secondary" onClick={onNew}>
          {t('lock.switch.new')}
        </button>
        {current !== undefined && (
          <button type="button" className="button secondary" onClick={onChosen}>
            {t('lock.recover.cancel')}
          </button>
        )}
      </div>
    </main>
  )
}
