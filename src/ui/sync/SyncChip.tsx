import { useSyncState } from '../../data/sync-hooks'
import { useT } from '../i18n'
import { paths } from '../router'

/** In the list header: how many changes wait to be sent, or that everything was sent. Tap → settings. */
export function SyncChip() {
  const t = useT()
  const state = useSyncState()
  if (!state) return null
  const text = state.rejected
    ? t('sync.chip.rejected', { n: state.rejected })
    : state.pending
      ? t('sync.chip.pending', { n: state.pending })
      : state.loggedIn
        ? t('sync.chip.done')
        : t('sync.chip.local')
  return (
    <a
      className={`topbar-action sync-chip${state.rejected ? ' sync-chip-alert' : ''}`}
      href={`${paths.settings()}`}
    >
      {text}
    </a>
  )
}
