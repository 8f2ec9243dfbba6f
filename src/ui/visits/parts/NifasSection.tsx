import { KF_CONTACTS, NIFAS_DANGER_SIGNS, type NifasScreening } from '../../../domain/screening'
import { useT } from '../../i18n'
import { TextField } from '../../shared/Field'
import { visitMessages } from '../messages'
import { Checklist } from './Checklist'
import { ContactDates } from './ContactDates'
import { DateRow } from './DateRow'
import type { PartSectionProps } from './types'
import { useSection } from './useSection'

/** Ibu nifas (0–42 days): jam persalinan, KF contacts, danger signs, the 2 red vitamin A capsules (§2.1, §2.2). */
export function NifasSection(props: PartSectionProps<NifasScreening>) {
  const t = useT(visitMessages)
  const { value, visitDate } = props
  const s = useSection('nifas', props)
  const capsules = value.vitaminADates ?? []
  const setCapsule = (i: 0 | 1, date: string | undefined) => {
    const next = [capsules[0], capsules[1]]
    next[i] = date
    const dates = next.filter((d): d is string => d !== undefined)
    s.set('vitaminADates', dates.length > 0 ? dates : undefined)
  }
  return (
    <>
      <h3 className="part-group">{t('visit.nifas.kf')}</h3>
      <TextField
        label={t('visit.nifas.deliveryTime')}
        hint={t('visit.timeHint')}
        type="time"
        value={value.deliveryTime ?? ''}
        onChange={(v) => s.set('deliveryTime', v || undefined)}
        error={s.errors.deliveryTime}
      />
      <ContactDates
        contacts={KF_CONTACTS}
        label={(c) => t(`visit.nifas.${c}`)}
        value={value.kfVisits}
        onChange={(next) => s.set('kfVisits', next)}
        visitDate={visitDate}
        errors={s.errors}
        path="kfVisits"
      />
      <h3 className="part-group">{t('visit.nifas.vitaminA')}</h3>
      {([0, 1] as const).map((i) => (
        <DateRow
          key={i}
          label={t('visit.nifas.capsule', { n: i + 1 })}
          value={capsules[i]}
          onChange={(date) => setCapsule(i, date)}
          visitDate={visitDate}
          error={s.errors[`vitaminADates.${i}`]}
        />
      ))}
      <h3 className="part-group">{t('visit.group.dangerSigns')}</h3>
      <Checklist
        legend={t('visit.dangerSigns.ask')}
        items={NIFAS_DANGER_SIGNS}
        label={(x) => t(`visit.nifas.danger.${x}`)}
        value={value.dangerSigns}
        onChange={(next) => s.set('dangerSigns', next)}
        noneLabel={t('visit.dangerSigns.none')}
        error={s.errors.dangerSigns}
      />
    </>
  )
}
