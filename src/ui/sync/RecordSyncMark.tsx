import { useRecordSyncStatus } from '../../data/sync-hooks'
import { issueText, useT } from '../i18n'

// A word and a symbol, never colour alone: ○ belum terkirim, ✓ terkirim, ✕ ditolak (with why).
const SYMBOL = { 'belum-terkirim': '○', terkirim: '✓', ditolak: '✕' } as const

export function RecordSyncMark({ recordId }: { recordId: string }) {
  const t = useT()
  const status = useRecordSyncStatus(recordId)
  if (!status) return null
  return (
    <span className={`sync-mark sync-mark-${status.status}`}>
      <span aria-hidden="true">{SYMBOL[status.status]} </span>
      {t(`sync.mark.${status.status}`)}
      {status.status === 'ditolak' &&
        `: ${status.rejection.issues.map((i) => issueText(t, i.message)).join(', ') || t(`sync.reject.${status.rejection.reason}`)}`}
    </span>
  )
}
