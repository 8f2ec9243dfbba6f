// Langkah 4: the services due today as toggles, switched on when due; the kader switches off what was not given.
import type { ServicePlan } from '../../domain/openday'
import { useI18n } from '../i18n'
import { type MeasureValues, serviceKeys, toggles } from './measure-model'
import { openDayMessages } from './messages'

export function ServiceToggles({
  plan,
  values,
  onChoose,
  fullForm,
}: {
  plan: ServicePlan
  values: MeasureValues
  onChoose: (choices: Record<string, boolean>) => void
  /** The full visit form, where doses from the Buku KIA are copied in. */
  fullForm: string
}) {
  const { t } = useI18n(openDayMessages)
  const on = toggles(plan, values.choices)
  const items = [
    ...(plan.vitaminA
      ? [{ key: serviceKeys.vitaminA, label: t(`measure.vitaminA.${plan.vitaminA}`), checked: on.vitaminA }]
      : []),
    ...(plan.obatCacing
      ? [{ key: serviceKeys.obatCacing, label: t('measure.obatCacing'), checked: on.obatCacing }]
      : []),
    ...plan.doses.map((d) => ({
      key: serviceKeys.dose(d),
      label: t('measure.dose', { name: `${d.antigen} ${d.dose}` }),
      checked: on.doses.some((x) => x.antigen === d.antigen && x.dose === d.dose),
    })),
    ...plan.offered.map((o) => ({
      key: serviceKeys.service(o.service),
      label: t(`measure.service.${o.service}`),
      checked: on.services.includes(o.service),
    })),
  ]
  return (
    <fieldset className="field">
      <legend className="section-title">{t('measure.step4')}</legend>
      {plan.immunizationUnrecorded && (
        <p className="notice">
          <a href={fullForm}>{t('measure.immunizationUnrecorded')}</a>
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">{t('measure.noServices')}</p>
      ) : (
        <div className="toggle-list">
          {items.map((item) => (
            <label key={item.key} className={`checkbox${item.checked ? ' selected' : ''}`}>
              <input
                type="checkbox"
                checked={item.checked}
                onChange={(e) => onChoose({ ...values.choices, [item.key]: e.target.checked })}
              />
              {item.label}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  )
}
