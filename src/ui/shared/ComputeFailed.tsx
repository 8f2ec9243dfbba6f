import { useT } from '../i18n'

/** A computation of the area failed: what could not be shown, that the data are safe, and "Coba lagi". */
export function ComputeFailed({ what, onRetry }: { what: 'schedule' | 'pws'; onRetry: () => void }) {
  const t = useT()
  return (
    <div className="compute-failed" role="alert">
      <p>
        <strong>{t(`area.failed.${what}`)}</strong> {t('area.failed.hint')}
      </p>
      <button type="button" className="button primary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  )
}
