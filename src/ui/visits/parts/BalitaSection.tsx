import { vitaminADue } from '../../../domain/immunization'
import { BALITA_DANGER_SIGNS, type BalitaScreening } from '../../../domain/screening/balita'
import { RANGES } from '../../../protocol/visit-parts'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'
import { Checklist } from './Checklist'
import { Choice, YesNo } from './Choice'
import { Immunizations } from './Immunizations'
import { NumberField } from './NumberField'
import type { PartSectionProps } from './types'
import { useSection } from './useSection'

// PB (lying) under 24 months, TB (standing) from 24 months: clinical-rules.md §2.1; WHO's 731-day switch.
const STANDING_FROM_DAYS = 731
// LiLA from 6 months (clinical-rules.md §2.1), ASI eksklusif under 6 months, obat cacing from 12 months (immunization.ts).
const LILA_FROM_MONTHS = 6
const ASI_UNTIL_MONTHS = 6
const DEWORMING_FROM_MONTHS = 12

/** Bayi, balita, anak prasekolah: the posyandu table (BB, PB/TB, LK, LiLA) and the services of langkah 4. */
export function BalitaSection(props: PartSectionProps<BalitaScreening>) {
  const t = useT(visitMessages)
  const { value, member, visitDate } = props
  const s = useSection('balita', props)
  const months = s.age?.totalMonths ?? Math.floor(member.ageDays / 30.4375)
  const defaultPosition = member.ageDays < STANDING_FROM_DAYS ? 'lying' : 'standing'
  const position = value.position ?? defaultPosition
  const length = s.number('lengthCm', t(`visit.balita.length.${position}`), RANGES.balitaLengthCm)
  const vitaminA = vitaminADue(member.birthDate, [], visitDate)
  return (
    <>
      <h3 className="part-group">{t('visit.group.measure')}</h3>
      <NumberField {...s.number('weightKg', t('visit.weight'), RANGES.balitaWeightKg)} />
      <Choice
        legend={t('visit.balita.position')}
        options={[
          { value: 'lying', label: t('visit.balita.position.lying') },
          { value: 'standing', label: t('visit.balita.position.standing') },
        ]}
        value={position}
        onChange={(p) => s.set('position', p)}
        error={s.errors.position}
      />
      <NumberField
        {...length}
        // The position is part of the measurement (0.7 cm rule): stored with it, the default unless changed.
        onChange={(n) => s.patch({ lengthCm: n, position: n === undefined ? value.position : position })}
      />
      <NumberField {...s.number('headCm', t('visit.balita.head'), RANGES.headCm)} />
      {months >= LILA_FROM_MONTHS && <NumberField {...s.number('armCm', t('visit.lila'), RANGES.lilaCm)} />}
      <YesNo {...s.yesNo('oedema', t('visit.balita.oedema'))} />
      <NumberField {...s.number('temperatureC', t('visit.temperature'), RANGES.temperatureC)} />

      <h3 className="part-group">{t('visit.group.services')}</h3>
      <Immunizations
        birthDate={member.birthDate}
        ageMonths={months}
        visitDate={visitDate}
        value={value.immunizations}
        onChange={(next) => s.set('immunizations', next)}
      />
      {vitaminA.state !== 'not_eligible' && vitaminA.state !== 'not_yet_due' && (
        <YesNo
          {...s.yesNo('vitaminA', t('visit.balita.vitaminA'))}
          hint={t(`visit.balita.vitaminA.${vitaminA.capsule ?? 'merah'}`)}
        />
      )}
      {months >= DEWORMING_FROM_MONTHS && <YesNo {...s.yesNo('obatCacing', t('visit.balita.obatCacing'))} />}
      {months < ASI_UNTIL_MONTHS && <YesNo {...s.yesNo('asiEksklusif', t('visit.balita.asiEksklusif'))} />}

      {!props.askedElsewhere?.has('dangerSigns') && (
        <>
          <h3 className="part-group">{t('visit.group.dangerSigns')}</h3>
          <Checklist
            legend={t('visit.dangerSigns.ask')}
            items={BALITA_DANGER_SIGNS}
            label={(x) => t(`visit.balita.danger.${x}`)}
            value={value.dangerSigns}
            onChange={(next) => s.set('dangerSigns', next)}
            noneLabel={t('visit.dangerSigns.none')}
            error={s.errors.dangerSigns}
          />
        </>
      )}
    </>
  )
}
