// The measurement form of MeasureScreen: a draft as the kader types, one save whatever the taps, the first
// invalid field in view after a failed Simpan (forms/useRecordForm.ts).
import { useEffect, useMemo } from 'react'
import { draftKeys } from '../../data/drafts'
import { saveVisit, type VisitRow, validateVisit } from '../../data/visits'
import { ageOn } from '../../domain/age'
import type { ClinicalSettings } from '../../domain/clinical-settings'
import type { Finding } from '../../domain/findings'
import { memberStages } from '../../domain/lifecycle'
import {
  measureSlots,
  openDayGroup,
  type PenyuluhanTopic,
  servicePlan,
  suggestedTopics,
} from '../../domain/openday'
import { extremeValues, type PartPayloads } from '../../domain/plausibility'
import { visitFindings } from '../../domain/visit-findings'
import type { Visit } from '../../protocol/visits'
import { DraftNotice } from '../forms/DraftNotice'
import { LeaveDialog } from '../forms/LeaveDialog'
import { formMessages } from '../forms/messages'
import { useRecordForm } from '../forms/useRecordForm'
import { formatDate, useI18n, useT } from '../i18n'
import { paths } from '../router'
import { FormActions } from '../shared/FormActions'
import { useToday } from '../shared/today'
import { formatDecimal } from '../visits/parts/format'
import { NumberField } from '../visits/parts/NumberField'
import {
  initialMeasure,
  lastValue,
  type MeasureValues,
  measureInput,
  type Parts,
  rangeOf,
  restoreMeasure,
} from './measure-model'
import { type OpenDayKey, openDayMessages } from './messages'
import { ServiceToggles } from './ServiceToggles'
import type { Person } from './useOpenDay'

export function MeasureForm({
  date,
  person,
  today: dayVisits,
  history,
  settings,
  onSaving,
  onSaveFailed,
  onSaved,
}: {
  date: string
  person: Person
  /** The person's current posyandu visits of the day. */
  today: readonly VisitRow[]
  /** Every visit of the person, newest first. */
  history: readonly VisitRow[]
  settings: ClinicalSettings
  /** The save starts: the findings of what is being saved, to show at once. */
  onSaving: (findings: Finding[]) => void
  onSaveFailed: () => void
  onSaved: (visit: Visit) => void
}) {
  const { t, lang } = useI18n(openDayMessages)
  const tf = useT(formMessages)
  const todayDate = useToday()
  const { member } = person
  const slots = useMemo(() => measureSlots(member, date), [member, date])
  const ageMonths = member.birthDate <= date ? ageOn(member.birthDate, date).totalMonths : 0
  // What this save changes: today's latest visit (a check-in it completes, or a measurement it corrects).
  const supersedes = dayVisits.at(-1)?.id
  const initial = useMemo(() => initialMeasure(dayVisits, slots, ageMonths), [dayVisits, slots, ageMonths])
  const stages = useMemo(() => memberStages(member, date), [member, date])
  const before = useMemo(() => history.filter((v) => !v.supersededBy && v.date < date), [history, date])

  // What the screen reads of its values — findings, services due, the visit to save, its checks — worked out once
  // per values: each render and the save read the same, a keystroke costs one computation.
  const derive = useMemo(() => {
    const cache = new WeakMap<MeasureValues, ReturnType<typeof compute>>()
    const compute = (v: MeasureValues) => {
      const findings = visitFindings({ date, parts: v.parts as Visit['parts'] }, member, before, settings)
      const plan = servicePlan(member, before, date, settings, findings)
      const input = measureInput(v, {
        memberId: member.id,
        date,
        plan,
        supersedes,
        childPart: slots[0]?.part === 'balita',
        nifas: stages?.overlays.includes('ibu_nifas') ?? false,
      })
      const extremes = [...new Set(slots.map((s) => s.part))].flatMap((part) =>
        extremeValues(part, (v.parts[part] ?? {}) as PartPayloads[typeof part], member, date).map((x) => ({
          ...x,
          id: `${part}.${x.field}`,
        })),
      )
      const validation = validateVisit(input, todayDate, member.birthDate)
      return { findings, plan, input, extremes, validation }
    }
    return (v: MeasureValues) => {
      const known = cache.get(v)
      if (known) return known
      const computed = compute(v)
      cache.set(v, computed)
      return computed
    }
  }, [member, date, before, settings, slots, stages, supersedes, todayDate])

  const f = useRecordForm<MeasureValues, Visit>({
    initial,
    draft: {
      key: draftKeys.measure(date, member.id),
      kind: 'visit',
      path: paths.openDayPerson(date, member.id),
    },
    label: () => member.name,
    restore: restoreMeasure,
    validate: (v) => derive(v).validation,
    blocked: (v) => derive(v).extremes.some((x) => !v.confirmed.includes(x.id)),
    save: (v, ids) => saveVisit(derive(v).input, { now: new Date(), today: todayDate, ...ids }),
    savedPath: () => undefined,
    onSaving: (v) => onSaving(derive(v).findings),
    onSaveFailed,
    onSaved,
  })
  const values = f.values
  // The first measure takes the focus: the kader types the weight without a tap.
  const ready = values !== undefined
  useEffect(() => {
    if (ready) f.formRef.current?.querySelector<HTMLInputElement>('input[inputmode="decimal"]')?.focus()
  }, [ready, f.formRef])

  if (!values) return <p className="loading">{t('common.loading')}</p>
  const { plan, extremes, findings } = derive(values)
  const group = openDayGroup(member, date) ?? 'anak'
  const topics = suggestedTopics(group, findings)
  const setField = (part: string, field: string, value: unknown) =>
    f.update({
      parts: { ...values.parts, [part]: { ...(values.parts[part] ?? {}), [field]: value } } as Parts,
    })
  const partValue = (part: string, field: string) => values.parts[part]?.[field]
  const errorOf = (part: string, field: string) => f.form.errors[`parts.${part}.${field}`]

  return (
    <>
      <p className="context">
        {formatDate(date, lang)} · {t(`openDay.group.${group}`)} · {person.household.headName} · RT{' '}
        {person.household.address.rt}
      </p>
      <DraftNotice at={f.restoredAt} onDiscard={() => void f.discardDraft(tf('draft.discardConfirm'))} />
      <form ref={f.formRef} className="form" onSubmit={f.submit} noValidate>
        <section className="measure-fields" aria-label={t('measure.step2')}>
          <h2 className="section-title">{t('measure.step2')}</h2>
          {slots.flatMap((slot) =>
            slot.fields
              .filter((field) => field !== 'position')
              .map((field) => {
                const last = lastValue(history, slot.part, field, date)
                const range = rangeOf(slot.part, field)
                const id = `${slot.part}.${field}`
                return (
                  <div key={id}>
                    <NumberField
                      label={t(LABELS[field] ?? 'measure.weight')}
                      range={range}
                      value={partValue(slot.part, field) as number | undefined}
                      onChange={(v) => setField(slot.part, field, v)}
                      error={errorOf(slot.part, field)}
                      extremes={extremes.filter((x) => x.id === id)}
                      confirmed={values.confirmed.includes(id)}
                      onConfirm={(yes) => {
                        const rest = values.confirmed.filter((c) => c !== id)
                        f.update({ confirmed: yes ? [...rest, id] : rest })
                      }}
                      hint={
                        last
                          ? t('measure.last', {
                              value: `${formatDecimal(last.value, lang)} ${range.unit}`,
                              date: formatDate(last.date, lang),
                            })
                          : undefined
                      }
                    />
                    {field === 'lengthCm' && (
                      <fieldset className="field">
                        <div className="segmented">
                          {(['lying', 'standing'] as const).map((p) => (
                            <label
                              key={p}
                              className={partValue(slot.part, 'position') === p ? 'selected' : ''}
                            >
                              <input
                                type="radio"
                                name="position"
                                checked={partValue(slot.part, 'position') === p}
                                onChange={() => setField(slot.part, 'position', p)}
                              />
                              {t(`measure.${p}`)}
                            </label>
                          ))}
                        </div>
                      </fieldset>
                    )}
                  </div>
                )
              }),
          )}
        </section>
        <ServiceToggles
          plan={plan}
          values={values}
          onChoose={(choices) => f.update({ choices })}
          fullForm={paths.visitNew(member.id)}
        />
        <TopicPicker
          topics={topics}
          chosen={values.topics}
          onChange={(chosen) => f.update({ topics: chosen })}
        />
        {f.form.errors.parts && <p className="form-failure">{t(f.form.errors.parts.key)}</p>}
        <FormActions saving={f.saving} failure={f.failure} />
        <a className="button secondary" href={paths.visitNew(member.id)}>
          {t('measure.fullScreening')}
        </a>
      </form>
      {f.leaveDialog && <LeaveDialog {...f.leaveDialog} />}
    </>
  )
}

/** Each measure field's label. */
const LABELS: Record<string, OpenDayKey> = {
  weightKg: 'measure.weight',
  lengthCm: 'measure.length',
  heightCm: 'measure.height',
  headCm: 'measure.head',
  armCm: 'measure.arm',
  lilaCm: 'measure.arm',
  waistCm: 'measure.waist',
  systolicMmHg: 'measure.systolic',
  diastolicMmHg: 'measure.diastolic',
  gdsMgDl: 'measure.glucose',
}

// The first topics are what today's findings and the group call for; the rest wait behind "Topik lain".
const SHOWN_TOPICS = 4

function TopicPicker({
  topics,
  chosen,
  onChange,
}: {
  topics: readonly PenyuluhanTopic[]
  chosen: readonly string[]
  onChange: (chosen: string[]) => void
}) {
  const { t } = useI18n(openDayMessages)
  const shown = [...new Set([...topics.slice(0, SHOWN_TOPICS), ...topics.filter((x) => chosen.includes(x))])]
  const toggle = (topic: PenyuluhanTopic, on: boolean) =>
    onChange(on ? [...chosen.filter((c) => c !== topic), topic] : chosen.filter((c) => c !== topic))
  return (
    <fieldset className="field">
      <legend className="section-title">{t('measure.step5')}</legend>
      <div className="toggle-list">
        {shown.map((topic) => (
          <label key={topic} className={`checkbox${chosen.includes(topic) ? ' selected' : ''}`}>
            <input
              type="checkbox"
              checked={chosen.includes(topic)}
              onChange={(e) => toggle(topic, e.target.checked)}
            />
            {t(`topic.${topic}`)}
          </label>
        ))}
      </div>
      <select
        aria-label={t('measure.moreTopics')}
        value=""
        onChange={(e) => {
          const topic = topics.find((x) => x === e.target.value)
          if (topic) toggle(topic, true)
        }}
      >
        <option value="">{t('measure.moreTopics')}</option>
        {topics
          .filter((topic) => !shown.includes(topic))
          .map((topic) => (
            <option key={topic} value={topic}>
              {t(`topic.${topic}`)}
            </option>
          ))}
      </select>
    </fieldset>
  )
}
