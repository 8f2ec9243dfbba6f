// An online login on the lock screen, for one of two purposes:
//   'recover'  — "Lupa PIN?": the account that last logged in on the chosen account's records gives the recovery
//                key that opens its vault (sync/auth.ts recoverWithLogin); the lock screen then asks for a new PIN;
//   'newKader' — "Ganti kader" → another kader: her login is accepted (sync/auth.ts loginNewKader); the lock screen
//                then asks for her own PIN, which makes her account and database on this phone.
import { type FormEvent, useState } from 'react'
import type { AcceptedLogin } from '../../sync/auth'
import { useT } from '../i18n'
import { lockMessages } from './messages'

type Failure =
  | 'lock.recover.wrong'
  | 'lock.newKader.wrong'
  | 'lock.newKader.onPhone'
  | 'lock.recover.offline'
  | 'lock.newKader.offline'
  | 'lock.recover.failed'

type Purpose =
  | { purpose: 'recover'; onDone: () => void }
  | { purpose: 'newKader'; onDone: (accepted: AcceptedLogin) => void }

const TEXT = {
  recover: {
    title: 'lock.recover.title',
    intro: 'lock.recover.intro',
    wrong: 'lock.recover.wrong',
    offline: 'lock.recover.offline',
  },
  newKader: {
    title: 'lock.newKader.title',
    intro: 'lock.newKader.intro',
    wrong: 'lock.newKader.wrong',
    offline: 'lock.newKader.offline',
  },
} as const

export function AccountLogin(props: Purpose & { onCancel: () => void }) {
  const t = useT(lockMessages)
  const text = TEXT[props.purpose]
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
      const auth = await import('../../sync/auth')
      const origin = window.location.origin
      if (props.purpose === 'recover') {
        await auth.recoverWithLogin(origin, username.trim(), password)
        props.onDone()
      } else props.onDone(await auth.loginNewKader(origin, username.trim(), password))
    } catch (error) {
      setFailure(failureOf(error, text))
      setBusy(false)
    }
  }

  return (
    <main className="screen lock-screen">
      <form className="form lock-form" onSubmit={submit} noValidate>
        <h1>{t(text.title)}</h1>
        <p>{t(text.intro)}</p>
        <div className="field">
          <label htmlFor="login-username">{t('lock.recover.username')}</label>
          <input
            id="login-username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('lock.recover.password')}</label>
          <input
            id="login-password"
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
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('lock.recover.cancel')}
        </button>
      </form>
    </main>
  )
}

// A SyncError's reason says what happened (sync/errors.ts); anything else (a vault the key does not open) is "wrong".
function failureOf(error: unknown, text: { wrong: Failure; offline: Failure }): Failure {
  const reason = (error as { name?: unknown; reason?: unknown } | null)?.reason
  if (reason === 'offline' || reason === 'timeout') return text.offline
  if (reason === 'account-on-phone') return 'lock.newKader.onPhone'
  if (reason === 'unauthorized' || (error as Error | null)?.name === 'WrongKeyError') return text.wrong
  return 'lock.recover.failed'
}
