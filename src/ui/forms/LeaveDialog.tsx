import { useEffect, useRef } from 'react'
import { useT } from '../i18n'
import { formMessages } from './messages'

/** "Isian belum disimpan": stay, leave keeping the draft, or leave discarding it. */
export function LeaveDialog({
  onStay,
  onKeep,
  onDiscard,
}: {
  onStay: () => void
  onKeep: () => void
  onDiscard: () => void
}) {
  const t = useT(formMessages)
  const stay = useRef<HTMLButtonElement>(null)
  useEffect(() => stay.current?.focus(), [])
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-body"
      >
        <h2 id="leave-title" className="section-title">
          {t('leave.title')}
        </h2>
        <p id="leave-body">{t('leave.body')}</p>
        <div className="form-actions">
          <button ref={stay} type="button" className="button primary" onClick={onStay}>
            {t('leave.stay')}
          </button>
          <button type="button" className="button secondary" onClick={onKeep}>
            {t('leave.keep')}
          </button>
          <button type="button" className="button danger" onClick={onDiscard}>
            {t('leave.discard')}
          </button>
        </div>
      </div>
    </div>
  )
}
