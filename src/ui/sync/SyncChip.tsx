import { useSyncState } from '../../data/sync-hooks'
import type { SyncState } from '../../data/sync-state'
import type { SyncErrorReason } from '../../sync/errors'
import { useT } from '../i18n'
import { paths } from '../router'
import { useOnline } from '../shared/useOnline'

/**
 * No connection: the phone says so, or the last run found none and nothing went through since (a network with no
 * internet behind it looks online to the phone).
 */
export function isOffline(state: SyncState, online: boolean): boolean {
  if (!online) return true
  const run = state.lastRun
  if (!run?.error || (run.error.reason !== 'offline' && run.error.reason !== 'timeout')) return false
  return state.lastSuccessAt === undefined || state.lastSuccessAt < run.finishedAt
}

/**
 * The reason the last run failed, when nothing has gone through since — what the sync card says. A run the app
 * stopped itself (aborted) is not a failure.
 */
export function lastFailure(state: SyncState): SyncErrorReason | undefined {
  const error = state.lastRun?.error
  if (!error || error.reason === 'aborted') return undefined
  const since = state.lastSuccessAt === undefined || state.lastSuccessAt < (state.lastRun?.finishedAt ?? '')
  return since ? error.reason : undefined
}

/** Failures that are not about the network: the kader has something to do (free space) or to report (a bug). */
const NOT_NETWORK: readonly SyncErrorReason[] = ['storage-full', 'internal']

/**
 * In the list header: no connection, how many changes wait to be sent or were refused, or that everything was
 * sent. Tap → settings, opened at the refused changes when there are some.
 */
export function SyncChip() {
  const t = useT()
  const state = useSyncState()
  const online = useOnline()
  if (!state) return null
  const offline = isOffline(state, online)
  const failed = !offline && NOT_NETWORK.includes(lastFailure(state) as SyncErrorReason)
  const text = state.rejected
    ? t('sync.chip.rejected', { n: state.rejected })
    : failed
      ? t('sync.chip.failed')
      : offline
        ? state.pending
          ? t('sync.chip.offlinePending', { n: state.pending })
          : t('sync.chip.offline')
        : state.pending
          ? t('sync.chip.pending', { n: state.pending })
          : state.loggedIn
            ? t('sync.chip.done')
            : t('sync.chip.local')
  return (
    <a
      className={`topbar-action sync-chip${state.rejected || failed ? ' sync-chip-alert' : offline ? ' sync-chip-offline' : ''}`}
      href={paths.settings(state.rejected ? 'rejected' : undefined)}
      aria-label={
        failed
          ? t('sync.chip.failedLabel')
          : offline
            ? t('sync.chip.offlineLabel', { n: state.pending })
            : undefined
      }
    >
      {text}
    </a>
  )
}
