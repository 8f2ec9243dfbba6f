// "Catat kunjungan": the form parts a member's stage needs, the findings as the kader types, one save.
// Also the correction of a saved visit: the same form, prefilled, saved as a new visit that supersedes it.
import { type FormEvent, useEffect, useMemo, useState } from 'react'
import { useClinicalSettings, useMember } from '../../data/hooks'
import type { FieldErrors } from '../../data/validation'
import { useMemberVisits, useVisit } from '../../data/visit-hooks'
import { saveVisit, validateVisit } from '../../data/visits'
import { daysBetween } from '../../domain/dates'
import { memberStages } from '../../domain/lifecycle'
import { extremeValues } from '../../domain/plausibility'
import { type ScreeningPart, screeningPartsFor } from '../../domain/screening'
import { visitFindings } from '../../domain/visit-findings'
import type { VisitParts } from '../../protocol/visit-parts'
import type { VisitPlace } from '../../protocol/visits'
import { useT } from '../i18n'
import { useUnsavedGuard } from '../pwa'
import { navigate, paths } from '../router'
import { TextField } from '../shared/Field'
import { FormActions } from '../shared/FormActions'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { useFormErrors } from '../shared/useFormErrors'
import { useSave } from '../shared/useSave'
import { FindingList } from './FindingList'
import { PartSection } from './parts'

type Parts = Record<string, Record<string, unknown>>

/** The errors of one part, with the 'parts.<part>.' prefix taken off. */
function partErrors(errors: FieldErrors, part: string): FieldErrors {
  const prefix = `parts.${part}.`
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, e]) => [path.slice(prefix.length), e]),
  )
}

export default function VisitForm({ memberId, correcting }: { memberId?: string; correcting?: string }) {
  const t = useT()
  const today = useToday()
  const old = useVisit(correcting)
  const member = useMember(memberId ?? (old ? old.memberId : ''))
  const visits = useMemberVisits(member ? member.id : '')
  const settings = useClinicalSettings()
  const [date, setDate] = useState(today)
  const [place, setPlace] = useState<VisitPlace>('posyandu')
  const [parts, setParts] = useState<Parts>({})
  const [note, setNote] = useState('')
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set())
  const [dirty, setDirty] = useState(false)
  const { saving, failure, run } = useSave()
  useUnsavedGuard(dirty)

  // A correction starts from what was recorded.
  useEffect(() => {
    if (!old || dirty) return
    setDate(old.date)
    setPlace(old.place)
    setParts(old.parts as Parts)
    setNote(old.note ?? '')
  }, [old, dirty])

  const filledParts = useMemo(
    () => Object.fromEntries(Object.entries(parts).filter(([, p]) => Object.keys(p).length > 0)),
    [parts],
  )
  const input = {
    memberId: member ? member.id : '',
    date,
    place,
    supersedes: correcting,
    parts: filledParts,
    note,
  }
  const form = useFormErrors(() => validateVisit(input, today, member ? member.birthDate : undefined))

  const stages = useMemo(
    () => (member && date <= today && date >= member.birthDate ? memberStages(member, date) : undefined),
    [member, date, today],
  )
  const partNames: ScreeningPart[] = stages && member ? screeningPartsFor(stages, member.sex) : []
  const history = useMemo(
    () => (visits ?? []).filter((v) => !v.supersededBy && v.id !== correcting && v.date <= date),
    [visits, correcting, date],
  )
  const findings = useMemo(
    () =>
      member && settings && stages
        ? visitFindings({ date, parts: filledParts as VisitParts }, member, history, settings)
        : [],
    [member, settings, stages, date, filledParts, history],
  )
  const extremes =
    member && stages
      ? partNames.flatMap((part) =>
          extremeValues(part, parts[part] ?? {}, member, date).map((x) => ({
            ...x,
            id: `${part}.${x.field}`,
          })),
        )
      : []
  const unconfirmed = extremes.filter((x) => !confirmed.has(x.id))

  if (member === undefined || (correcting && old === undefined))
    return <p className="loading">{t('common.loading')}</p>
  if (member === null || (correcting && old === null)) {
    return (
      <main className="screen">
        <TopBar title={t('visit.title')} back={paths.households()} />
        <p className="empty">{t('member.notFound')}</p>
      </main>
    )
  }

  const back = paths.member(member.id)
  const touchAll = () => {
    setDirty(true)
    form.setServerErrors({})
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    form.showAll()
    if (form.hasErrors || unconfirmed.length > 0) return
    const done = await run(() => saveVisit(input, { now: new Date(), today }))
    if (!done) return
    if (!done.value.ok) {
      form.setServerErrors(done.value.errors)
      return
    }
    setDirty(false)
    navigate(back, { replace: true })
  }

  return (
    <main className="screen">
      <TopBar title={correcting ? t('visit.correctTitle') : t('visit.title')} back={back} />
      <p className="context">{member.name}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('visit.date')}
          type="date"
          max={today}
          value={date}
          onChange={(v) => {
            setDate(v)
            touchAll()
          }}
          onBlur={() => form.touch('date')}
          error={form.errors.date}
        />
        <fieldset className="field">
          <legend>{t('visit.place')}</legend>
          <div className="segmented">
            {(['posyandu', 'rumah'] as const).map((p) => (
              <label key={p} className={place === p ? 'selected' : ''}>
                <input
                  type="radio"
                  name="place"
                  checked={place === p}
                  onChange={() => {
                    setPlace(p)
                    touchAll()
                  }}
                />
                {t(`visit.place.${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {partNames.map((part) => {
          return (
            <section key={part} className="visit-part" aria-label={t(`visit.part.${part}`)}>
              <h2 className="section-title">{t(`visit.part.${part}`)}</h2>
              <PartSection
                part={part}
                value={parts[part] ?? {}}
                onChange={(next: Record<string, unknown>) => {
                  setParts((all) => ({ ...all, [part]: next }))
                  touchAll()
                }}
                member={{ ...member, ageDays: daysBetween(member.birthDate, date) }}
                visitDate={date}
                errors={partErrors(form.errors, part)}
                confirmed={
                  new Set(
                    [...confirmed]
                      .filter((c) => c.startsWith(`${part}.`))
                      .map((c) => c.slice(part.length + 1)),
                  )
                }
                onConfirm={(field: string, yes: boolean) => {
                  setConfirmed((all) => {
                    const next = new Set(all)
                    if (yes) next.add(`${part}.${field}`)
                    else next.delete(`${part}.${field}`)
                    return next
                  })
                }}
              />
            </section>
          )
        })}
        <TextField
          label={t('visit.note')}
          value={note}
          onChange={(v) => {
            setNote(v)
            touchAll()
          }}
        />
        <section className="visit-results" aria-live="polite" aria-label={t('visit.findings')}>
          <h2 className="section-title">{t('visit.findings')}</h2>
          {findings.length === 0 ? (
            <p className="muted">{t('visit.noFindingsYet')}</p>
          ) : (
            <FindingList findings={findings} label={t('visit.findings')} />
          )}
        </section>
        {form.errors.parts && <p className="form-failure">{t(form.errors.parts.key)}</p>}
        {form.errors.memberId && <p className="form-failure">{t(form.errors.memberId.key)}</p>}
        {unconfirmed.length > 0 && form.errors.date === undefined && dirty && (
          <p className="field-message">{t('visit.confirmExtremes')}</p>
        )}
        <FormActions saving={saving} failure={failure} />
      </form>
    </main>
  )
}
