// "Lupa PIN?": an online login of the account that last logged in on this phone gives the recovery key that opens
// its vault (sync/auth.ts recoverWithLogin); the lock screen then asks for a new PIN.
import { type FormEvent, useState } from 'react'
import { useT } from '../i18n'
import { lockMessages } from './messages'

type Failure = 'lock.recover.wrong' | 'lock.recover.offline' | 'lock.recover.failed'

export function RecoverForm({ onRecovered, onCancel }: { onRecovered: () => void; onCancel: () => void }) {
  const t = useT(lockMessages)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Failure>()

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy || !username || !password) return
    setBusy(true)
    setFailure(undefined)
    try {
      const { recoverWithLogin } = await import('../../sync/auth')
      await recoverWithLogin(window.location.origin, username.trim(), password)
      onRecovered()
    } catch (error) {
      setFailure(failureOf(error))
      setBusy(false)
    }
  }

  return (
    <main className="screen lock-screen">
      <form className="form lock-form" onSubmit={submit} noValidate>
        <h1>{t('lock.recover.title')}</h1>
        <p>{t('lock.recover.intro')}</p>
        <div className="field">
          <label htmlFor="recover-username">{t('lock.recover.username')}</label>
          <input
            id="recover-username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="recover-password">{t('lock.recover.password')}</label>
          <input
            id="recover-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {failure && (
          <p className="field-message" role="alert">
            {t(failure)}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy || !username || !password}>
          {busy ? t('lock.recover.busy') : t('lock.recover.submit')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('lock.recover.cancel')}
        </button>
      </form>
    </main>
  )
}

// A SyncError's reason says what happened (sync/errors.ts); anything else (a vault the key does not open) is "wrong".
function failureOf(error: unknown): Failure {
  const reason = (error as { name?: unknown; reason?: unknown } | null)?.reason
  if (reason === 'offline' || reason === 'timeout') return 'lock.recover.offline'
  if (reason === 'unauthorized' || (error as Error | null)?.name === 'WrongKeyError')
    return 'lock.recover.wrong'
  return 'lock.recover.failed'
}
