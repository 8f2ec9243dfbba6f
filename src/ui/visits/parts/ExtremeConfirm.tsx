import type { Extreme } from '../../../domain/plausibility'
import { useI18n } from '../../i18n'
import { visitMessages } from '../messages'

/** An extreme-but-possible value: what is unusual, and "Ya, nilainya benar" to keep it after re-measuring. */
export function ExtremeConfirm({
  extremes,
  confirmed,
  onConfirm,
}: {
  extremes: readonly Extreme[]
  confirmed: boolean
  onConfirm: (yes: boolean) => void
}) {
  const { t, lang } = useI18n(visitMessages)
  if (extremes.length === 0) return null
  return (
    <div className="confirm-box" role="alert">
      <ul>
        {extremes.map((x) => (
          <li key={x.code}>{x.message[lang]}</li>
        ))}
      </ul>
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} />
        {t('visit.confirmExtreme')}
      </label>
    </div>
  )
}
