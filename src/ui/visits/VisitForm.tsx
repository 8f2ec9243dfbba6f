// "Catat kunjungan": the form parts a member's stage needs, the findings as the kader types, one save.
// Also the correction of a saved visit: the same form, prefilled, saved as a new visit that supersedes it.
import { useMemo } from 'react'
import { draftKeys } from '../../data/drafts'
import { useClinicalSettings, useMember } from '../../data/hooks'
import type { FieldErrors } from '../../data/validation'
import { useMemberVisits, useVisit } from '../../data/visit-hooks'
import { saveVisit, validateVisit } from '../../data/visits'
import { daysBetween } from '../../domain/dates'
import { memberStages } from '../../domain/lifecycle'
import { extremeValues } from '../../domain/plausibility'
import {
  DESTINATIONS,
  type Destination,
  isReferralProblem,
  type ReferralProblem,
} from '../../domain/referrals'
import { type ScreeningPart, screeningPartsFor } from '../../domain/screening'
import { visitFindings } from '../../domain/visit-findings'
import type { VisitParts } from '../../protocol/visit-parts'
import { VISIT_PLACES, type Visit, type VisitPlace } from '../../protocol/visits'
import { DraftNotice } from '../forms/DraftNotice'
import { LeaveDialog } from '../forms/LeaveDialog'
import { formMessages } from '../forms/messages'
import { storedString, useRecordForm } from '../forms/useRecordForm'
import { useT } from '../i18n'
import { paths } from '../router'
import { TextField } from '../shared/Field'
import { FormActions } from '../shared/FormActions'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { askedElsewhere, withoutAskedElsewhere } from './asked-once'
import { visitCoreMessages } from './core-messages'
import { FindingList } from './FindingList'
import { PartSection } from './parts'
import { ReferralChoices, referralProblems } from './ReferralChoices'

type Parts = Record<string, Record<string, unknown>>

interface Values {
  date: string
  place: VisitPlace
  parts: Parts
  note: string
  /** Extreme values the kader confirmed, as `${part}.${field}`. */
  confirmed: string[]
  /** Destinations the kader changed from the default, by referral problem. */
  destinations: Partial<Record<ReferralProblem, Destination>>
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** A stored draft's values over the initial ones; the parts are checked by the visit schema when saved. */
function restore(stored: Record<string, unknown>, initial: Values): Values {
  const parts = isRecord(stored.parts)
    ? Object.fromEntries(
        Object.entries(stored.parts).filter((e): e is [string, Parts[string]] => isRecord(e[1])),
      )
    : initial.parts
  return {
    date: storedString(stored, 'date', initial.date),
    place: VISIT_PLACES.find((p) => p === stored.place) ?? initial.place,
    parts,
    note: storedString(stored, 'note', initial.note),
    confirmed: Array.isArray(stored.confirmed)
      ? stored.confirmed.filter((c): c is string => typeof c === 'string')
      : initial.confirmed,
    destinations: isRecord(stored.destinations)
      ? Object.fromEntries(
          Object.entries(stored.destinations).filter(
            (e): e is [ReferralProblem, Destination] =>
              isReferralProblem(e[0]) && DESTINATIONS.some((d) => d === e[1]),
          ),
        )
      : initial.destinations,
  }
}

/** The errors of one part, with the 'parts.<part>.' prefix taken off. */
function partErrors(errors: FieldErrors, part: string): FieldErrors {
  const prefix = `parts.${part}.`
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, e]) => [path.slice(prefix.length), e]),
  )
}

const blank = (today: string): Values => ({
  date: today,
  place: 'posyandu',
  parts: {},
  note: '',
  confirmed: [],
  destinations: {},
})

type VisitMember = NonNullable<ReturnType<typeof useMember>>

function toInput(
  v: Values,
  memberId: string,
  correcting: string | undefined,
  partNames: readonly ScreeningPart[],
) {
  return {
    memberId,
    date: v.date,
    place: v.place,
    supersedes: correcting,
    parts: withoutAskedElsewhere(filledOf(v.parts), partNames),
    note: v.note,
    referrals: referralChoices(v.destinations),
  }
}

/** The destinations the kader chose, as the visit stores them (none: every referral goes to its default). */
function referralChoices(destinations: Values['destinations']) {
  const chosen = Object.entries(destinations).map(([problem, destination]) => ({ problem, destination }))
  return chosen.length > 0 ? chosen : undefined
}

const filledOf = (parts: Parts): Parts =>
  Object.fromEntries(Object.entries(parts).filter(([, p]) => Object.keys(p).length > 0))

/** The member's stages on the visit date, when the date can be read (not in the future, not before birth). */
function stagesOn(member: VisitMember, date: string, today: string) {
  return date <= today && date >= member.birthDate ? memberStages(member, date) : undefined
}

/** The form parts on the visit date (none when the date cannot be read). */
function partsOn(member: VisitMember, date: string, today: string): ScreeningPart[] {
  const stages = stagesOn(member, date, today)
  return stages ? screeningPartsFor(stages, member.sex) : []
}

/** Extreme values (plausibility.ts) of the parts the stage shows, each with whether the kader confirmed it. */
function extremesOf(v: Values, member: VisitMember, today: string) {
  const stages = stagesOn(member, v.date, today)
  if (!stages) return []
  const parts = screeningPartsFor(stages, member.sex)
  const asked = withoutAskedElsewhere(v.parts, parts)
  return parts.flatMap((part) =>
    extremeValues(part, asked[part] ?? {}, member, v.date).map((x) => ({
      ...x,
      id: `${part}.${x.field}`,
      confirmed: v.confirmed.includes(`${part}.${x.field}`),
    })),
  )
}

export default function VisitForm({ memberId, correcting }: { memberId?: string; correcting?: string }) {
  const t = useT(formMessages)
  const tv = useT(visitCoreMessages)
  const today = useToday()
  const old = useVisit(correcting)
  const member = useMember(memberId ?? (old ? old.memberId : ''))
  const visits = useMemberVisits(member ? member.id : '')
  const settings = useClinicalSettings()
  const initial = useMemo<Values | undefined>(() => {
    if (correcting === undefined) return blank(today)
    if (!old) return undefined
    return {
      date: old.date,
      place: old.place,
      parts: old.parts as Parts,
      note: old.note ?? '',
      confirmed: [],
      destinations: Object.fromEntries((old.referrals ?? []).map((r) => [r.problem, r.destination])),
    }
  }, [correcting, old, today])
  const memberKey = member ? member.id : undefined
  const input = (v: Values) =>
    toInput(v, memberKey ?? '', correcting, member ? partsOn(member, v.date, today) : [])
  const f = useRecordForm<Values, Visit>({
    initial,
    draft: {
      key: correcting ? draftKeys.correction(correcting) : memberKey && draftKeys.visit(memberKey),
      kind: 'visit',
      path: correcting ? paths.visitCorrect(correcting) : paths.visitNew(memberKey ?? ''),
    },
    label: () => (member ? member.name : undefined),
    restore,
    validate: (v) => validateVisit(input(v), today, member?.birthDate),
    blocked: (v) => (member ? extremesOf(v, member, today).some((x) => !x.confirmed) : false),
    save: (v, ids) => saveVisit(input(v), { now: new Date(), today, ...ids }),
    savedPath: () => (member ? paths.member(member.id) : undefined),
  })
  // Until the form's values are there the hooks below run on a blank visit (the screen shows "Memuat…").
  const values = f.values ?? initial ?? blank(today)
  const { date, place, parts, note } = values
  const confirmed = useMemo(() => new Set(values.confirmed), [values.confirmed])
  const form = f.form

  const stages = useMemo(() => (member ? stagesOn(member, date, today) : undefined), [member, date, today])
  const partNames: ScreeningPart[] = stages && member ? screeningPartsFor(stages, member.sex) : []
  const omitted = askedElsewhere(partNames)
  const partKey = partNames.join(' ')
  // What the findings read is what Simpan stores: a field another part asks instead is not read twice.
  // biome-ignore lint/correctness/useExhaustiveDependencies: partKey names partNames, a new array every render
  const filledParts = useMemo(() => withoutAskedElsewhere(filledOf(parts), partNames), [parts, partKey])
  const history = useMemo(
    () => (visits ?? []).filter((v) => !v.supersededBy && v.id !== correcting && v.date <= date),
    [visits, correcting, date],
  )
  const unconfirmed = member ? extremesOf(values, member, today).filter((x) => !x.confirmed) : []
  // Until the kader confirms an extreme value it says "re-measure"; confirmed, it is read like any other.
  const extremesConfirmed = unconfirmed.length === 0
  const findings = useMemo(
    () =>
      member && settings && stages
        ? visitFindings({ date, parts: filledParts as VisitParts }, member, history, settings, {
            extremesConfirmed,
          })
        : [],
    [member, settings, stages, date, filledParts, history, extremesConfirmed],
  )

  if (member === undefined || (correcting && old === undefined) || !f.values)
    return <p className="loading">{t('common.loading')}</p>
  if (member === null || (correcting && old === null)) {
    return (
      <main className="screen">
        <TopBar title={tv('visit.title')} back={paths.households()} />
        <p className="empty">{t('member.notFound')}</p>
      </main>
    )
  }

  const back = paths.member(member.id)
  return (
    <main className="screen">
      <TopBar title={correcting ? tv('visit.correctTitle') : tv('visit.title')} back={back} />
      <p className="context">{member.name}</p>
      <DraftNotice at={f.restoredAt} onDiscard={() => void f.discardDraft(t('draft.discardConfirm'))} />
      <form ref={f.formRef} className="form" onSubmit={f.submit} noValidate>
        <TextField
          label={tv('visit.date')}
          type="date"
          max={today}
          value={date}
          onChange={(v) => f.update({ date: v })}
          onBlur={() => form.touch('date')}
          error={form.errors.date}
        />
        <fieldset className="field">
          <legend>{tv('visit.place')}</legend>
          <div className="segmented">
            {(['posyandu', 'rumah'] as const).map((p) => (
              <label key={p} className={place === p ? 'selected' : ''}>
                <input
                  type="radio"
                  name="place"
                  checked={place === p}
                  onChange={() => f.update({ place: p })}
                />
                {tv(`visit.place.${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {partNames.map((part) => {
          return (
            <section key={part} className="visit-part" aria-label={tv(`visit.part.${part}`)}>
              <h2 className="section-title">{tv(`visit.part.${part}`)}</h2>
              <PartSection
                part={part}
                value={parts[part] ?? {}}
                onChange={(next: Record<string, unknown>) => f.update({ parts: { ...parts, [part]: next } })}
                member={{ ...member, ageDays: daysBetween(member.birthDate, date) }}
                visitDate={date}
                errors={partErrors(form.errors, part)}
                askedElsewhere={omitted.get(part)}
                confirmed={
                  new Set(
                    [...confirmed]
                      .filter((c) => c.startsWith(`${part}.`))
                      .map((c) => c.slice(part.length + 1)),
                  )
                }
                onConfirm={(field: string, yes: boolean) => {
                  const id = `${part}.${field}`
                  const rest = values.confirmed.filter((c) => c !== id)
                  f.update({ confirmed: yes ? [...rest, id] : rest })
                }}
              />
            </section>
          )
        })}
        <TextField label={tv('visit.note')} value={note} onChange={(v) => f.update({ note: v })} />
        <section className="visit-results" aria-live="polite" aria-label={tv('visit.findings')}>
          <h2 className="section-title">{tv('visit.findings')}</h2>
          {findings.length === 0 ? (
            <p className="muted">{tv('visit.noFindingsYet')}</p>
          ) : (
            <FindingList findings={findings} label={tv('visit.findings')} />
          )}
          <ReferralChoices
            referring={referralProblems(findings)}
            chosen={values.destinations}
            onChoose={(problem, destination) =>
              f.update({ destinations: { ...values.destinations, [problem]: destination } })
            }
          />
        </section>
        {form.errors.parts && <p className="form-failure">{t(form.errors.parts.key)}</p>}
        {form.errors.memberId && <p className="form-failure">{t(form.errors.memberId.key)}</p>}
        {unconfirmed.length > 0 && form.errors.date === undefined && f.dirty && (
          <p className="field-message">{tv('visit.confirmExtremes')}</p>
        )}
        <FormActions saving={f.saving} failure={f.failure} />
      </form>
      {f.leaveDialog && <LeaveDialog {...f.leaveDialog} />}
    </main>
  )
}
