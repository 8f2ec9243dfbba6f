import type { ErrorKey } from '../../protocol/error-messages'
import { useT } from '../i18n'

/** A form's closing lines: why the phone refused the save (if it did), "Simpan", and an optional delete. */
export function FormActions({
  saving,
  failure,
  deleteLabel,
  onDelete,
  saveLabel,
}: {
  saving: boolean
  failure?: ErrorKey
  /** Instead of "Simpan", when the save does more. */
  saveLabel?: string
  deleteLabel?: string
  onDelete?: () => void
}) {
  const t = useT()
  return (
    <>
      {failure && (
        <p className="form-failure" role="alert">
          {t(failure)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {saveLabel ?? t('common.save')}
        </button>
        {onDelete && (
          <button type="button" className="button danger" onClick={onDelete}>
            {deleteLabel}
          </button>
        )}
      </div>
    </>
  )
}
