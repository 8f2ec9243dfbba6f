import { formatWhen, useI18n } from '../i18n'
import { formMessages } from './messages'

/** "Melanjutkan draf …" at the top of a form that resumed a draft, with the way back to a clean form. */
export function DraftNotice({ at, onDiscard }: { at: string | undefined; onDiscard: () => void }) {
  const { t, lang } = useI18n(formMessages)
  if (!at) return null
  return (
    <div className="notice draft-notice" role="status">
      <p>{t('draft.restored', { time: formatWhen(at, lang) })}</p>
      <button type="button" className="button secondary small" onClick={onDiscard}>
        {t('draft.discard')}
      </button>
    </div>
  )
}
