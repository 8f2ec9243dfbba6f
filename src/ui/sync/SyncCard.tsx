// Settings → "Akun & sinkronisasi": login once online, then what the kader needs to trust the sync: what is
// waiting, when it last went through, how much data the last sync used (kaders pay for data), what the server
// refused and why, and the conflict log for a supervisor.
import { type FormEvent, useState } from 'react'
import { useConflictLog, useSyncState } from '../../data/sync-hooks'
import type { SyncState } from '../../data/sync-state'
import { isSupervisor } from '../../protocol/roles'
import { askBinaanAhead } from '../../sync/binaan'
import { toSyncError } from '../../sync/errors'
import { formatDateTime, formatNumber, useI18n } from '../i18n'
import { paths } from '../router'
import { TextField } from '../shared/Field'
import { localDate } from '../shared/today'
import { login, logout, syncNow } from './controller'
import type { SyncErrorKey } from './error-messages'
import { syncMessages } from './messages'
import { RejectedList } from './RejectedList'
import { lastFailure } from './SyncChip'
import { sinceText } from './since'

function errorKey(error: unknown): SyncErrorKey {
  return `sync.err.${toSyncError(error).reason}`
}

export function SyncCard() {
  const { t } = useI18n(syncMessages)
  const state = useSyncState()
  if (!state) return null
  return (
    <section className="card" id="sinkronisasi" aria-label={t('sync.title')}>
      <h2 className="section-title">{t('sync.title')}</h2>
      {state.loggedIn ? (
        <SyncStatus state={state} />
      ) : (
        <LoginForm username={state.user?.username} pending={state.pending} />
      )}
      <RejectedList />
      <ConflictLog />
    </section>
  )
}

function LoginForm({ username: known, pending }: { username?: string; pending: number }) {
  const t = useI18n(syncMessages).t
  const [username, setUsername] = useState(known ?? '')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<SyncErrorKey>()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await login(username.trim(), password)
      setPassword('')
    } catch (caught) {
      setError(errorKey(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="form" onSubmit={submit}>
      <p className="muted">{known ? t('sync.loginAgain') : t('sync.loginHint')}</p>
      <p>{t('sync.pending', { n: pending })}</p>
      <TextField label={t('sync.username')} autoComplete="username" value={username} onChange={setUsername} />
      <TextField
        label={t('sync.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      {error && (
        <p className="form-failure" role="alert">
          {t(error)}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy || !username || !password}>
        {busy ? t('sync.loggingIn') : t('sync.login')}
      </button>
    </form>
  )
}

function SyncStatus({ state }: { state: SyncState }) {
  const { t, lang } = useI18n(syncMessages)
  const [busy, setBusy] = useState(false)
  // Kept as a wording, not a string, so the message follows a change of language.
  const [message, setMessage] = useState<(say: typeof t) => string>()
  const area = state.workArea
  const failure = lastFailure(state)
  const kb = (bytes: number) => formatNumber(bytes / 1024, lang, 1)

  const run = async () => {
    setBusy(true)
    setMessage(undefined)
    try {
      const summary = await syncNow()
      setMessage(
        () => (say: typeof t) => say('sync.doneNow', { pushed: summary.pushed, pulled: summary.pulled }),
      )
    } catch (caught) {
      const key = errorKey(caught)
      setMessage(() => (say: typeof t) => say(key))
    } finally {
      setBusy(false)
    }
  }
  const leave = async () => {
    setBusy(true)
    setMessage(undefined)
    try {
      await logout()
    } catch (caught) {
      const n = (caught as { name?: string; count?: number }).count
      if ((caught as Error).name === 'UnsentChangesError' && n !== undefined)
        setMessage(() => (say: typeof t) => say('sync.logoutRefused', { n }))
      else setMessage(() => (say: typeof t) => say(errorKey(caught)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="sync-status">
      <p>
        {t('sync.loggedInAs', { name: state.user?.name ?? '' })}
        {area && (
          <>
            <br />
            <span className="muted">
              {[area.desa, area.dusun, area.rw && `RW ${area.rw}`, area.rt && `RT ${area.rt}`]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </>
        )}
      </p>
      <p>{t('sync.pending', { n: state.pending })}</p>
      {state.rejected > 0 && (
        <p className="field-message">{t('sync.rejectedCount', { n: state.rejected })}</p>
      )}
      <p>
        {state.lastSuccessAt
          ? t('sync.lastSuccess', {
              time: formatDateTime(state.lastSuccessAt, lang),
              since: sinceText(state.lastSuccessAt, new Date(), lang) ?? t('sync.justNow'),
            })
          : t('sync.never')}
      </p>
      {state.lastRun && (
        <p className="muted">
          {t('sync.bytes', { sent: kb(state.lastRun.bytesSent), received: kb(state.lastRun.bytesReceived) })}
        </p>
      )}
      {state.progress && (
        <p role="status">
          {t(`sync.progress.${state.progress.phase}`, {
            done: state.progress.done,
            total: state.progress.total,
          })}
        </p>
      )}
      {failure && !message && (
        <p className="form-failure" role="alert">
          {t(`sync.err.${failure}`)}
        </p>
      )}
      {state.clockSkew?.warning && (
        <p className="form-failure" role="alert">
          {t('sync.clockSkew', { minutes: Math.round(Math.abs(state.clockSkew.skewMs) / 60_000) })}
        </p>
      )}
      <div className="form-actions">
        {isSupervisor(state.user?.role) && (
          <a
            className="button primary"
            href={paths.binaan()}
            onClick={() => askBinaanAhead(localDate(new Date()).slice(0, 7))}
          >
            {t('nav.binaan')}
          </a>
        )}
        <button type="button" className="button primary" onClick={run} disabled={busy}>
          {busy ? t('sync.running') : t('sync.now')}
        </button>
        {message && <p role="status">{message(t)}</p>}
        <button type="button" className="button secondary" onClick={leave}>
          {t('sync.logout')}
        </button>
      </div>
    </div>
  )
}

function ConflictLog() {
  const { t, lang } = useI18n(syncMessages)
  const log = useConflictLog()
  if (!log || log.length === 0) return null
  return (
    <details className="conflict-log">
      <summary>{t('sync.conflicts', { n: log.length })}</summary>
      <ul>
        {log.map((c) => (
          <li key={c.seq ?? `${c.recordId}:${c.field}:${c.at}`}>
            {formatDateTime(c.at, lang)} · {t(`sync.entity.${c.entity}`)} · {c.field} ·{' '}
            {t(`sync.winner.${c.winner}`)}
          </li>
        ))}
      </ul>
    </details>
  )
}
