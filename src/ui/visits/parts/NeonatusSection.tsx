import { KN_CONTACTS, NEONATUS_DANGER_SIGNS, type NeonatusScreening } from '../../../domain/screening'
import { useT } from '../../i18n'
import { TextField } from '../../shared/Field'
import { visitMessages } from '../messages'
import { Checklist } from './Checklist'
import { ContactDates } from './ContactDates'
import type { PartSectionProps } from './types'
import { useSection } from './useSection'

/** Bayi baru lahir (0–28 days): jam lahir, the KN contacts and the newborn danger signs (clinical-rules.md §2.2). */
export function NeonatusSection(props: PartSectionProps<NeonatusScreening>) {
  const t = useT(visitMessages)
  const { value, visitDate } = props
  const s = useSection('neonatus', props)
  return (
    <>
      <h3 className="part-group">{t('visit.neonatus.kn')}</h3>
      <TextField
        label={t('visit.neonatus.birthTime')}
        hint={t('visit.timeHint')}
        type="time"
        value={value.birthTime ?? ''}
        onChange={(v) => s.set('birthTime', v || undefined)}
        error={s.errors.birthTime}
      />
      <ContactDates
        contacts={KN_CONTACTS}
        label={(c) => t(`visit.neonatus.${c}`)}
        value={value.knVisits}
        onChange={(next) => s.set('knVisits', next)}
        visitDate={visitDate}
        errors={s.errors}
        path="knVisits"
      />
      <h3 className="part-group">{t('visit.group.dangerSigns')}</h3>
      <Checklist
        legend={t('visit.dangerSigns.ask')}
        items={NEONATUS_DANGER_SIGNS}
        label={(x) => t(`visit.neonatus.danger.${x}`)}
        value={value.dangerSigns}
        onChange={(next) => s.set('dangerSigns', next)}
        noneLabel={t('visit.dangerSigns.none')}
        error={s.errors.dangerSigns}
      />
    </>
  )
}
