// "Lengkapi dari Buku KIA": the quick copy of what the book already holds — the doses given before the app knew the
// child, one date per age row as the book's table has them (the doses of a row ticked, untick one not given), and a
// pregnancy's ANC contacts. One save stores it all (data/buku-kia.ts); the schedule's Buku KIA task is then done and
// what is still missing shows as it truly is.
import { useMemo, useState } from 'react'
import { type BukuKiaCopy, saveBukuKiaCopy } from '../../data/buku-kia'
import { draftKeys } from '../../data/drafts'
import { useMember } from '../../data/hooks'
import { uuidv7s } from '../../data/ids'
import { useMemberVisits } from '../../data/visit-hooks'
import type { FieldErrors, WriteResult } from '../../data/write'
import { ageOn } from '../../domain/age'
import { type Antigen, IMMUNIZATION_SCHEDULE, immunizationStatus } from '../../domain/immunization'
import { memberStages } from '../../domain/lifecycle'
import type { Visit } from '../../protocol/visits'
import { DraftNotice } from '../forms/DraftNotice'
import { LeaveDialog } from '../forms/LeaveDialog'
import { formMessages } from '../forms/messages'
import { useRecordForm } from '../forms/useRecordForm'
import { formatDate, useI18n, useT } from '../i18n'
import { paths } from '../router'
import { TextField } from '../shared/Field'
import { FormActions } from '../shared/FormActions'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { bukuKiaMessages } from './messages'

// The routine doses are followed up to 59 months (schedule/child.ts); the copy offers them while the child is under 5.
const CHILD_MONTHS = 60
// More visits than a copy can make: one per dose age row (11) and one for the ANC contacts.
const MAX_VISITS = 16
const ANC_ROWS = 6 // Permenkes 21/2021: at least 6 ANC contacts (clinical-rules.md §2.2)

const doseKey = (d: { antigen: string; dose: number }) => `${d.antigen} ${d.dose}`
/** As the Buku KIA names the dose: HB0 has a single dose. */
const doseLabel = (d: { antigen: string; dose: number }) => (d.antigen === 'HB0' ? 'HB0' : doseKey(d))

interface Values {
  /** Age row (months) → the date the book gives for it. */
  rows: Record<string, string>
  /** Doses of a row the kader unticked: not given that day. */
  notGiven: string[]
  anc: string[]
  /** Made when the form opened: a repeated Simpan stores each visit once. */
  ids: string[]
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

function restore(stored: Record<string, unknown>, initial: Values): Values {
  const rows = stored.rows
  return {
    rows:
      typeof rows === 'object' && rows !== null
        ? Object.fromEntries(
            Object.entries(rows).filter((e): e is [string, string] => typeof e[1] === 'string'),
          )
        : initial.rows,
    notGiven: isStrings(stored.notGiven) ? stored.notGiven : initial.notGiven,
    anc: isStrings(stored.anc) ? stored.anc : initial.anc,
    ids: isStrings(stored.ids) && stored.ids.length === MAX_VISITS ? stored.ids : initial.ids,
  }
}

export default function BukuKiaForm({ memberId }: { memberId: string }) {
  const { t, lang } = useI18n(bukuKiaMessages)
  const tForm = useT(formMessages)
  const today = useToday()
  const member = useMember(memberId)
  const visits = useMemberVisits(memberId)
  const [initial] = useState<Values>(() => ({
    rows: {},
    notGiven: [],
    anc: [''],
    ids: uuidv7s(MAX_VISITS, Date.now()),
  }))

  const child = member ? ageOn(member.birthDate, today).totalMonths < CHILD_MONTHS : false
  const pregnant = member ? memberStages(member, today)?.pregnancy !== undefined : false
  const current = useMemo(() => (visits ?? []).filter((v) => !v.supersededBy), [visits])
  // Doses already recorded, and the schedule's age rows due by today.
  const status = useMemo(() => {
    if (!member || !child) return []
    const given = current.flatMap((v) =>
      (v.parts.balita?.immunizations ?? []).map((d) => ({ antigen: d.antigen, dose: d.dose, date: v.date })),
    )
    return immunizationStatus(member.birthDate, given, today)
  }, [member, child, current, today])
  const rows = useMemo(() => {
    const byAge = new Map<number, { antigen: Antigen; dose: number; givenDate?: string }[]>()
    for (const s of status) {
      if (s.dueDate > today) continue
      const scheduled = IMMUNIZATION_SCHEDULE.find((d) => d.antigen === s.antigen && d.dose === s.dose)
      if (!scheduled) continue
      const row = byAge.get(scheduled.ageMonths) ?? []
      row.push({ antigen: s.antigen, dose: s.dose, ...(s.givenDate ? { givenDate: s.givenDate } : {}) })
      byAge.set(scheduled.ageMonths, row)
    }
    return [...byAge].sort(([a], [b]) => a - b)
  }, [status, today])
  const recordedAnc = current.flatMap((v) => v.parts.ibu_hamil?.ancContacts ?? []).map((c) => c.date)

  const copyOf = (v: Values): BukuKiaCopy => ({
    doses: rows.flatMap(([age, doses]) => {
      const date = v.rows[String(age)]
      if (!date) return []
      return doses
        .filter((d) => !d.givenDate && !v.notGiven.includes(doseKey(d)))
        .map((d) => ({ antigen: d.antigen, dose: d.dose, date }))
    }),
    ancDates: v.anc.filter((d) => d !== ''),
    parts: [...(child ? (['balita'] as const) : []), ...(pregnant ? (['ibu_hamil'] as const) : [])],
  })

  const validate = (v: Values): { errors: FieldErrors; warnings: FieldErrors } => {
    const errors: FieldErrors = {}
    const check = (path: string, date: string) => {
      if (!date || !member) return
      if (date > today) errors[path] = { key: 'err.visit.dateFuture' }
      else if (date < member.birthDate) errors[path] = { key: 'err.visit.beforeBirth' }
    }
    for (const [age, date] of Object.entries(v.rows)) check(`row.${age}`, date)
    for (const [i, date] of v.anc.entries()) check(`anc.${i}`, date)
    return { errors, warnings: {} }
  }

  const f = useRecordForm<Values, Visit>({
    initial: member ? initial : undefined,
    draft: { key: draftKeys.bukuKia(memberId), kind: 'visit', path: paths.bukuKia(memberId) },
    label: () => (member ? member.name : undefined),
    restore,
    validate,
    save: async (v, ids): Promise<WriteResult<Visit>> => {
      const results = await saveBukuKiaCopy(memberId, copyOf(v), {
        now: new Date(),
        today,
        saveIds: v.ids,
        ...(ids.draftId ? { draftId: ids.draftId } : {}),
      })
      const refused = results.find((r) => !r.ok)
      if (refused) return refused
      return results[0] as WriteResult<Visit>
    },
    savedPath: () => paths.member(memberId),
  })

  if (member === undefined || visits === undefined || !f.values)
    return <p className="loading">{t('common.loading')}</p>
  if (member === null) {
    return (
      <main className="screen">
        <TopBar title={t('bukuKia.title')} back={paths.households()} />
        <p className="empty">{t('member.notFound')}</p>
      </main>
    )
  }
  const values = f.values
  const setRow = (age: number, date: string) => f.update({ rows: { ...values.rows, [String(age)]: date } })
  const toggle = (key: string, given: boolean) =>
    f.update({ notGiven: given ? values.notGiven.filter((k) => k !== key) : [...values.notGiven, key] })

  return (
    <main className="screen">
      <TopBar title={t('bukuKia.title')} back={paths.member(member.id)} />
      <p className="context">{member.name}</p>
      <DraftNotice at={f.restoredAt} onDiscard={() => void f.discardDraft(tForm('draft.discardConfirm'))} />
      <form ref={f.formRef} className="form" onSubmit={f.submit} noValidate>
        <p className="field-hint">{t('bukuKia.hint')}</p>
        {child && (
          <section aria-label={t('bukuKia.doses')}>
            <h2 className="section-title">{t('bukuKia.doses')}</h2>
            {rows.map(([age, doses]) => {
              const open = doses.filter((d) => !d.givenDate)
              return (
                <fieldset key={age} className="field buku-kia-row">
                  <legend>{t('bukuKia.age', { months: age })}</legend>
                  {doses
                    .filter((d) => d.givenDate)
                    .map((d) => (
                      <p key={doseKey(d)} className="muted">
                        ✓ {doseLabel(d)} · {formatDate(d.givenDate as string, lang)}
                      </p>
                    ))}
                  {open.length > 0 && (
                    <>
                      <TextField
                        label={t('bukuKia.dateGiven')}
                        type="date"
                        min={member.birthDate}
                        max={today}
                        value={values.rows[String(age)] ?? ''}
                        onChange={(date) => setRow(age, date)}
                        error={f.form.errors[`row.${age}`]}
                      />
                      {open.map((d) => (
                        <label key={doseKey(d)} className="checkbox">
                          <input
                            type="checkbox"
                            checked={!values.notGiven.includes(doseKey(d))}
                            onChange={(e) => toggle(doseKey(d), e.target.checked)}
                          />
                          {doseLabel(d)}
                        </label>
                      ))}
                    </>
                  )}
                </fieldset>
              )
            })}
          </section>
        )}
        {pregnant && (
          <section aria-label={t('bukuKia.anc')}>
            <h2 className="section-title">{t('bukuKia.anc')}</h2>
            {recordedAnc.map((date) => (
              <p key={date} className="muted">
                ✓ {formatDate(date, lang)}
              </p>
            ))}
            {values.anc.map((date, i) => (
              <TextField
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are only ever added at the end
                key={i}
                label={t('bukuKia.ancDate', { n: recordedAnc.length + i + 1 })}
                type="date"
                max={today}
                value={date}
                onChange={(next) => f.update({ anc: values.anc.map((d, j) => (j === i ? next : d)) })}
                error={f.form.errors[`anc.${i}`]}
              />
            ))}
            {recordedAnc.length + values.anc.length < ANC_ROWS && (
              <button
                type="button"
                className="button secondary"
                onClick={() => f.update({ anc: [...values.anc, ''] })}
              >
                {t('bukuKia.addAnc')}
              </button>
            )}
          </section>
        )}
        {!child && !pregnant && <p className="empty">{t('bukuKia.nothing')}</p>}
        <FormActions saving={f.saving} failure={f.failure} />
      </form>
      {f.leaveDialog && <LeaveDialog {...f.leaveDialog} />}
    </main>
  )
}
