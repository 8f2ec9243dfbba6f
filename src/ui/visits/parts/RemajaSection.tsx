import type { RemajaScreening } from '../../../domain/screening'
import { RANGES } from '../../../protocol/visit-parts'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'
import { BloodPressure } from './BloodPressure'
import { YesNo } from './Choice'
import { NumberField } from './NumberField'
import { Smoking } from './Smoking'
import type { PartSectionProps } from './types'
import { useSection } from './useSection'

// From 15 y: TD, gula darah, merokok ("PTM ≥ 15", clinical-rules.md §2.3). TTD remaja putri from 12 y (remaja.ts).
const PTM_FROM_YEARS = 15
const TTD_PUTRI_FROM_YEARS = 12

/** Usia sekolah & remaja (6–18 y): BB, TB (IMT/U, TB/U by the growth engine), Hb, TTD putri, and PTM from 15 y. */
export function RemajaSection(props: PartSectionProps<RemajaScreening>) {
  const t = useT(visitMessages)
  const { member } = props
  const s = useSection('remaja', props)
  const years = s.age?.years ?? 0
  return (
    <>
      <h3 className="part-group">{t('visit.group.measure')}</h3>
      <NumberField {...s.number('weightKg', t('visit.weight'), RANGES.weightKg)} />
      <NumberField {...s.number('heightCm', t('visit.height'), RANGES.heightCm)} />
      {years >= PTM_FROM_YEARS && <BloodPressure s={s} elsewhere={props.askedElsewhere?.has('bp')} />}
      <NumberField {...s.number('hbGdl', t('visit.hb'), RANGES.hbGdl)} />
      {years >= PTM_FROM_YEARS && <NumberField {...s.number('gdsMgDl', t('visit.gds'), RANGES.gdsMgDl)} />}
      {member.sex === 'P' && years >= TTD_PUTRI_FROM_YEARS && (
        <>
          <h3 className="part-group">{t('visit.ttd')}</h3>
          <YesNo {...s.yesNo('ttdAvailable', t('visit.ttd.available'))} />
          <YesNo {...s.yesNo('ttdTakenThisWeek', t('visit.remaja.ttdThisWeek'))} />
        </>
      )}
      {years >= PTM_FROM_YEARS && <Smoking s={s} />}
    </>
  )
}
