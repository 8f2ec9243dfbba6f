import { useEffect, useRef } from 'react'
import { useT } from '../i18n'
import { Dialog } from '../shared/Dialog'
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
    <Dialog id="leave" title={t('leave.title')} body={<p>{t('leave.body')}</p>}>
      <button ref={stay} type="button" className="button primary" onClick={onStay}>
        {t('leave.stay')}
      </button>
      <button type="button" className="button secondary" onClick={onKeep}>
        {t('leave.keep')}
      </button>
      <button type="button" className="button danger" onClick={onDiscard}>
        {t('leave.discard')}
      </button>
    </Dialog>
  )
}
