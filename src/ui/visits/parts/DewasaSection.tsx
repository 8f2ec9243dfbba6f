import { type DewasaScreening, imt, KB_METHODS, type KbMethod, TBC_SYMPTOMS } from '../../../domain/screening'
import { PUMA_FROM_AGE } from '../../../domain/screening/dewasa'
import { RANGES } from '../../../protocol/visit-parts'
import { useI18n } from '../../i18n'
import { visitMessages } from '../messages'
import { BloodPressure } from './BloodPressure'
import { Checklist } from './Checklist'
import { Choice, YesNo } from './Choice'
import { formatDecimal } from './format'
import { MentalHealth } from './MentalHealth'
import { NumberField } from './NumberField'
import { Smoking } from './Smoking'
import type { PartSectionProps } from './types'
import { useSection } from './useSection'

// PUS: wife 15–49 y (BKKBN). Asked of women 15–49 and of men under 60 (their wife may be of reproductive age) —
// project choice.
const PUS_WOMAN_MAX_YEARS = 49
const PUS_MAN_MAX_YEARS = 59

/**
 * Usia dewasa (19–59 y), and the first half of lansia: IMT inputs, lingkar perut, TD, GDS, PUMA from 40 y, TBC,
 * kesehatan jiwa, KB for PUS, merokok (clinical-rules.md §2.4; Kartu Bantu dewasa).
 */
export function DewasaSection(props: PartSectionProps<DewasaScreening>) {
  const { t, lang } = useI18n(visitMessages)
  const { value, member } = props
  const s = useSection('dewasa', props)
  const years = s.age?.years ?? 0
  const { weightKg: w, heightCm: h } = value
  const bmi =
    w !== undefined && h !== undefined && Number.isFinite(w) && Number.isFinite(h) && h > 0
      ? imt(w, h)
      : undefined
  const pusAsked = member.sex === 'P' ? years <= PUS_WOMAN_MAX_YEARS : years <= PUS_MAN_MAX_YEARS
  return (
    <>
      <h3 className="part-group">{t('visit.group.measure')}</h3>
      <NumberField {...s.number('weightKg', t('visit.weight'), RANGES.weightKg)} />
      <NumberField {...s.number('heightCm', t('visit.height'), RANGES.heightCm)} />
      {bmi !== undefined && (
        <p className="part-summary">{t('visit.dewasa.imt', { value: formatDecimal(bmi, lang) })}</p>
      )}
      <NumberField {...s.number('waistCm', t('visit.dewasa.waist'), RANGES.waistCm)} />
      <BloodPressure s={s} elsewhere={props.askedElsewhere?.has('bp')} />
      <NumberField {...s.number('gdsMgDl', t('visit.gds'), RANGES.gdsMgDl)} />

      {years >= PUMA_FROM_AGE && (
        <>
          <h3 className="part-group">{t('visit.puma')}</h3>
          <NumberField
            {...s.number('puma.cigarettesPerDay', t('visit.puma.cigarettesPerDay'), RANGES.cigarettesPerDay)}
            unitLabel={t('visit.unit.batang')}
            hint={t('visit.puma.neverSmoked')}
          />
          <NumberField
            {...s.number('puma.smokingYears', t('visit.puma.smokingYears'), RANGES.smokingYears)}
            unitLabel={t('visit.unit.tahun')}
          />
          <YesNo {...s.yesNo('puma.shortOfBreath', t('visit.puma.shortOfBreath'))} />
          <YesNo {...s.yesNo('puma.phlegm', t('visit.puma.phlegm'))} />
          <YesNo {...s.yesNo('puma.cough', t('visit.puma.cough'))} />
          <YesNo {...s.yesNo('puma.spirometryBefore', t('visit.puma.spirometryBefore'))} />
        </>
      )}

      <h3 className="part-group">{t('visit.tbc')}</h3>
      <Checklist
        legend={t('visit.tbc.ask')}
        items={TBC_SYMPTOMS}
        label={(x) => t(`visit.tbc.${x}`)}
        value={value.tbcSymptoms}
        onChange={(next) => s.set('tbcSymptoms', next)}
        noneLabel={t('visit.tbc.none')}
        error={s.errors.tbcSymptoms}
      />
      <YesNo {...s.yesNo('tbcHouseholdContact', t('visit.tbc.householdContact'))} />

      <h3 className="part-group">{t('visit.jiwa')}</h3>
      <MentalHealth s={s} />

      {pusAsked && (
        <>
          <h3 className="part-group">{t('visit.kb')}</h3>
          <YesNo {...s.yesNo('pus', t('visit.kb.pus'))} />
          {value.pus === true && (
            <Choice
              legend={t('visit.kb.method')}
              vertical
              options={KB_METHODS.map((m) => ({ value: m, label: t(`visit.kb.${m}`) }))}
              value={value.kbMethod}
              onChange={(m: KbMethod) => s.set('kbMethod', m)}
              error={s.errors.kbMethod}
            />
          )}
        </>
      )}
      <Smoking s={s} />
    </>
  )
}
