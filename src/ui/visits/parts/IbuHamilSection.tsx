import { IBU_HAMIL_DANGER_SIGNS, type IbuHamilScreening } from '../../../domain/screening'
import { RANGES } from '../../../protocol/visit-parts'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'
import { AncContacts } from './AncContacts'
import { BloodPressure } from './BloodPressure'
import { Checklist } from './Checklist'
import { YesNo } from './Choice'
import { NumberField } from './NumberField'
import type { PartSectionProps } from './types'
import { useSection } from './useSection'

/** Ibu hamil: LiLA, TD, Hb, TTD, ANC contacts and the pregnancy danger signs (clinical-rules.md §1.2, §2.2). */
export function IbuHamilSection(props: PartSectionProps<IbuHamilScreening>) {
  const t = useT(visitMessages)
  const { value, visitDate } = props
  const s = useSection('ibu_hamil', props)
  return (
    <>
      <h3 className="part-group">{t('visit.group.measure')}</h3>
      <NumberField {...s.number('lilaCm', t('visit.lila'), RANGES.lilaCm)} />
      <BloodPressure s={s} elsewhere={props.askedElsewhere?.has('bp')} />
      <NumberField {...s.number('hbGdl', t('visit.hb'), RANGES.hbGdl)} />

      <h3 className="part-group">{t('visit.ttd')}</h3>
      <YesNo {...s.yesNo('ttdAvailable', t('visit.ttd.available'))} />
      <YesNo {...s.yesNo('ttdTakenLast24h', t('visit.ibuHamil.ttdLast24h'))} />
      <NumberField
        {...s.number('ttdTabletsTotal', t('visit.ibuHamil.ttdTotal'), RANGES.ttdTablets)}
        unitLabel={t('visit.unit.tablet')}
      />

      <h3 className="part-group">{t('visit.ibuHamil.anc')}</h3>
      <AncContacts
        value={value.ancContacts}
        onChange={(next) => s.set('ancContacts', next)}
        visitDate={visitDate}
        errors={s.errors}
      />

      <h3 className="part-group">{t('visit.group.dangerSigns')}</h3>
      <Checklist
        legend={t('visit.dangerSigns.ask')}
        items={IBU_HAMIL_DANGER_SIGNS}
        label={(x) => t(`visit.ibuHamil.danger.${x}`)}
        value={value.dangerSigns}
        onChange={(next) => s.set('dangerSigns', next)}
        noneLabel={t('visit.dangerSigns.none')}
        error={s.errors.dangerSigns}
      />
    </>
  )
}
