import { SMOKING, type Smoking as SmokingValue } from '../../../domain/screening'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'
import { Choice } from './Choice'
import type { useSection } from './useSection'

export function Smoking({ s }: { s: ReturnType<typeof useSection> }) {
  const t = useT(visitMessages)
  return (
    <Choice
      legend={t('visit.smoking')}
      options={SMOKING.map((v) => ({ value: v, label: t(`visit.smoking.${v}`) }))}
      value={s.get('smoking') as SmokingValue | undefined}
      onChange={(v) => s.set('smoking', v)}
      error={s.errors.smoking}
    />
  )
}
