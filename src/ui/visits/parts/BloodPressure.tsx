import { RANGES } from '../../../protocol/visit-parts'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'
import { NumberField } from './NumberField'
import type { useSection } from './useSection'

/** Sistolik / diastolik side by side, as the reading is said ("120 per 80"). */
export function BloodPressure({ s, elsewhere }: { s: ReturnType<typeof useSection>; elsewhere?: boolean }) {
  const t = useT(visitMessages)
  // Asked in the pregnancy part instead (asked-once.ts): say where, so nobody looks for it here.
  if (elsewhere) return <p className="field-hint">{t('visit.bp.inPregnancy')}</p>
  return (
    <div className="field-pair">
      <div>
        <NumberField {...s.number('systolicMmHg', t('visit.systolic'), RANGES.systolicMmHg)} />
      </div>
      <div>
        <NumberField {...s.number('diastolicMmHg', t('visit.diastolic'), RANGES.diastolicMmHg)} />
      </div>
    </div>
  )
}
