// A walk-in at the open day, registered in one short screen: name, sex, birth date, and the household — picked
// from the area or created with just the head's name and RT (the rest comes from the kader's work area). Saving
// registers and checks the person in at once (data/openday.ts saveWalkIn, one transaction).
import { useEffect, useMemo, useState } from 'react'
import { draftKeys } from '../../data/drafts'
import { useWorkArea, useWorkAreaRows } from '../../data/hooks'
import { fold } from '../../data/household-rows'
import { uuidv7 } from '../../data/ids'
import { saveWalkIn, type WalkInResult } from '../../data/openday'
import type { WorkArea } from '../../data/schemas'
import { type FieldErrors, validateHousehold, validateMember } from '../../data/write'
import { ageOn } from '../../domain/age'
import { RELATIONS, type Relation } from '../../protocol/records'
import { DraftNotice } from '../forms/DraftNotice'
import { LeaveDialog } from '../forms/LeaveDialog'
import { formMessages } from '../forms/messages'
import { storedString, useRecordForm } from '../forms/useRecordForm'
import { useI18n, useT } from '../i18n'
import { navigate, paths } from '../router'
import { Field, TextField } from '../shared/Field'
import { FormActions } from '../shared/FormActions'
import { SexField } from '../shared/SexField'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { openDayMessages } from './messages'
import './openday.css'

interface Values {
  name: string
  sex: '' | 'L' | 'P'
  birthDate: string
  relation: Relation | ''
  mode: 'existing' | 'new'
  householdId: string
  headName: string
  rt: string
  rw: string
  dusun: string
  /** Ids of the household and check-in to be, made when the form opened (the member's is the save id). */
  newHouseholdId: string
  visitId: string
}

const TEXT = [
  'name',
  'birthDate',
  'householdId',
  'headName',
  'rt',
  'rw',
  'dusun',
  'newHouseholdId',
  'visitId',
] as const
// Households offered while the kader types the head's name: enough to find one, few enough to see at once.
const MATCHES = 5

function restore(stored: Record<string, unknown>, initial: Values): Values {
  const values = { ...initial }
  for (const name of TEXT) values[name] = storedString(stored, name, initial[name])
  if (stored.sex === 'L' || stored.sex === 'P' || stored.sex === '') values.sex = stored.sex
  values.relation = RELATIONS.find((r) => r === stored.relation) ?? initial.relation
  if (stored.mode === 'existing' || stored.mode === 'new') values.mode = stored.mode
  return values
}

/** Adults start as the head of a new household, children as its children; the kader changes it if not. */
function guessRelation(v: Values, today: string): Relation {
  const adult =
    /^\d{4}-\d{2}-\d{2}$/.test(v.birthDate) && v.birthDate <= today && ageOn(v.birthDate, today).years >= 19
  if (!adult) return 'anak'
  return v.mode === 'new' ? 'kepala' : 'lainnya'
}

function householdInput(v: Values, area: WorkArea, today: string) {
  // The person registering is the head: the head's name need not be typed twice.
  const own = (v.relation || guessRelation(v, today)) === 'kepala' ? v.name : ''
  return {
    workAreaId: area.id,
    headName: v.headName.trim() || own,
    address: {
      kabupaten: area.kabupaten,
      kecamatan: area.kecamatan,
      desa: area.desa,
      dusun: area.dusun ?? v.dusun,
      rw: area.rw ?? v.rw.trim(),
      rt: v.rt.trim(),
    },
  }
}

export default function WalkInScreen({ date, saveId }: { date: string; saveId?: string }) {
  const { t } = useI18n(openDayMessages)
  const tf = useT(formMessages)
  const today = useToday()
  const workArea = useWorkArea()
  const rows = useWorkAreaRows(workArea?.id, today)
  const [madeSaveId] = useState(uuidv7)
  const memberId = saveId ?? madeSaveId
  useEffect(() => {
    if (saveId === undefined) navigate(paths.openDayWalkIn(date, madeSaveId), { replace: true })
  }, [saveId, date, madeSaveId])
  const [initial] = useState<Values>(() => ({
    name: '',
    sex: '',
    birthDate: '',
    relation: '',
    mode: 'existing',
    householdId: '',
    headName: '',
    rt: '',
    rw: '',
    dusun: '',
    newHouseholdId: uuidv7(),
    visitId: uuidv7(),
  }))

  const relationOf = (v: Values) => v.relation || guessRelation(v, today)
  const memberInput = (v: Values) => ({
    name: v.name,
    sex: v.sex || undefined,
    birthDate: v.birthDate,
    relation: relationOf(v),
  })
  const validate = (v: Values): { errors: FieldErrors; warnings: FieldErrors } => {
    const householdId = v.mode === 'new' ? v.newHouseholdId : v.householdId || v.newHouseholdId
    const person = validateMember({ ...memberInput(v), householdId }, today)
    const errors: FieldErrors = { ...person.errors }
    if (v.mode === 'existing' && !v.householdId) errors.household = { key: 'err.walkIn.household' }
    if (v.mode === 'new' && workArea) {
      const home = validateHousehold(householdInput(v, workArea, today), undefined, workArea)
      for (const [path, e] of Object.entries(home.errors)) errors[`household.${path}`] = e
    }
    return { errors, warnings: person.warnings }
  }
  const f = useRecordForm<Values, WalkInResult & { ok: true }>({
    initial: workArea ? initial : undefined,
    draft: {
      key: draftKeys.walkIn(memberId),
      kind: 'walkIn',
      path: paths.openDayWalkIn(date, memberId),
      saveId: memberId,
    },
    label: (v) => v.name.trim() || undefined,
    restore,
    validate,
    save: async (v, ids) => {
      const result = await saveWalkIn(
        {
          household:
            v.mode === 'existing'
              ? { id: v.householdId }
              : { input: householdInput(v, workArea as WorkArea, today) },
          member: memberInput(v),
          date,
        },
        {
          now: new Date(),
          today,
          ids: { household: v.newHouseholdId, member: ids.saveId, visit: v.visitId },
          draftId: ids.draftId,
        },
      )
      return result.ok
        ? { ok: true, record: result, warnings: {} }
        : { ok: false, errors: result.errors, warnings: {} }
    },
    savedPath: () => paths.openDay(date),
  })
  const values = f.values
  const [find, setFind] = useState('')
  const matches = useMemo(() => {
    const needle = fold(find.trim())
    if (!rows || !needle) return []
    return rows.filter((r) => fold(r.household.headName).includes(needle)).slice(0, MATCHES)
  }, [rows, find])

  if (!values || !workArea) return <p className="loading">{t('common.loading')}</p>
  const { form } = f
  const text = (name: 'name' | 'birthDate' | 'headName' | 'rt' | 'rw' | 'dusun', path: string = name) => ({
    value: values[name],
    onChange: (v: string) => f.update({ [name]: v }),
    onBlur: () => form.touch(path),
    error: form.errors[path],
    warning: form.warnings[path],
  })
  const picked = rows?.find((r) => r.household.id === values.householdId)?.household

  return (
    <main className="screen">
      <TopBar title={t('walkIn.title')} back={paths.openDay(date)} />
      <DraftNotice at={f.restoredAt} onDiscard={() => void f.discardDraft(tf('draft.discardConfirm'))} />
      <form ref={f.formRef} className="form" onSubmit={f.submit} noValidate>
        <h2 className="section-title">{t('walkIn.person')}</h2>
        <TextField label={t('member.name')} autoComplete="off" {...text('name')} />
        <SexField value={values.sex} error={form.errors.sex} onChange={(sex) => f.update({ sex })} />
        <TextField label={t('member.birthDate')} type="date" max={today} {...text('birthDate')} />

        <h2 className="section-title">{t('walkIn.household')}</h2>
        <div className="segmented">
          {(['existing', 'new'] as const).map((m) => (
            <label key={m} className={values.mode === m ? 'selected' : ''}>
              <input
                type="radio"
                name="mode"
                checked={values.mode === m}
                onChange={() => f.update({ mode: m })}
              />
              {t(m === 'existing' ? 'walkIn.existing' : 'walkIn.newHousehold')}
            </label>
          ))}
        </div>
        {values.mode === 'existing' ? (
          picked ? (
            <div className="notice draft-notice">
              <p>{t('walkIn.picked', { name: picked.headName, rt: picked.address.rt })}</p>
              <button
                type="button"
                className="button secondary small"
                onClick={() => f.update({ householdId: '' })}
              >
                {t('walkIn.change')}
              </button>
            </div>
          ) : (
            <>
              <TextField
                label={t('walkIn.findHousehold')}
                type="search"
                autoComplete="off"
                value={find}
                onChange={setFind}
                error={form.errors.household}
              />
              <ul className="queue-list">
                {matches.map((r) => (
                  <li key={r.household.id} className="queue-row">
                    <span className="queue-person">
                      <span className="queue-name">{r.household.headName}</span>
                      <span className="row-sub">
                        {r.household.address.dusun} · RT {r.household.address.rt}
                      </span>
                    </span>
                    <button
                      type="button"
                      className="button secondary queue-checkin"
                      onClick={() => f.update({ householdId: r.household.id })}
                    >
                      {t('walkIn.pick')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )
        ) : (
          <>
            <TextField
              label={t('household.headName')}
              autoComplete="off"
              hint={t('walkIn.headHint')}
              {...text('headName', 'household.headName')}
            />
            <div className="field-pair">
              <TextField
                label={t('address.rt')}
                inputMode="numeric"
                maxLength={3}
                {...text('rt', 'household.address.rt')}
              />
              {!workArea.rw && (
                <TextField
                  label={t('address.rw')}
                  inputMode="numeric"
                  maxLength={3}
                  {...text('rw', 'household.address.rw')}
                />
              )}
            </div>
            {!workArea.dusun && (
              <TextField label={t('address.dusun')} {...text('dusun', 'household.address.dusun')} />
            )}
          </>
        )}
        <Field label={t('member.relation')} error={form.errors.relation}>
          {(aria) => (
            <select
              {...aria}
              value={relationOf(values)}
              onChange={(e) => f.update({ relation: e.target.value as Relation })}
            >
              {RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`relation.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {Object.keys(form.errors)
          .filter((path) => /^household\.address\.(kabupaten|kecamatan|desa)$/.test(path))
          .slice(0, 1)
          .map((path) => (
            <p key={path} className="form-failure">
              <a href={paths.settings()}>{t('walkIn.areaMissing')}</a>
            </p>
          ))}
        <FormActions saving={f.saving} failure={f.failure} saveLabel={t('walkIn.save')} />
      </form>
      {f.leaveDialog && <LeaveDialog {...f.leaveDialog} />}
    </main>
  )
}
