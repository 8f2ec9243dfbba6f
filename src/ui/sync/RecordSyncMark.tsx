import { useEffect, useState } from 'react'
import { useRecordSyncStatus } from '../../data/sync-hooks'
import { useI18n } from '../i18n'
import { paths } from '../router'

// A word and a symbol, never colour alone: ○ belum terkirim, ✓ terkirim, ✕ ditolak (with why).
const SYMBOL = { 'belum-terkirim': '○', terkirim: '✓', ditolak: '✕' } as const

/**
 * A record's own sync status. Refused: why, in the words of "Perlu diperbaiki", and a link to that list — unless
 * the mark sits inside a link already (a member's row), where a second link cannot be.
 */
export function RecordSyncMark({ recordId, link = true }: { recordId: string; link?: boolean }) {
  const { t, lang } = useI18n()
  const status = useRecordSyncStatus(recordId)
  const refusalText = useRefusalText(status?.status === 'ditolak')
  if (!status) return null
  return (
    <span className={`sync-mark sync-mark-${status.status}`}>
      <span aria-hidden="true">{SYMBOL[status.status]} </span>
      {t(`sync.mark.${status.status}`)}
      {status.status === 'ditolak' && (
        <>
          {refusalText && `: ${refusalText(lang, { entity: status.entity, ...status.rejection })}`}{' '}
          {link && (
            <a className="tap-link sync-mark-link" href={paths.settings('rejected')}>
              {t('sync.mark.list')}
            </a>
          )}
        </>
      )}
    </span>
  )
}

type RefusalText = typeof import('./refusal-text').refusalText
let loadedText: RefusalText | undefined

/**
 * The refused list's wording, loaded on the first refused record: it brings the visit and referral dictionaries
 * (≈ 2.4 KiB gz) that the first screen's JavaScript has no room for.
 */
function useRefusalText(needed: boolean): RefusalText | undefined {
  const [text, setText] = useState(() => loadedText)
  useEffect(() => {
    if (!needed || text) return
    let live = true
    // A chunk that cannot load (an old tab after an update) leaves "ditolak" and the link, still true.
    import('./refusal-text')
      .then((module) => {
        loadedText = module.refusalText
        if (live) setText(() => module.refusalText)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [needed, text])
  return text
}
