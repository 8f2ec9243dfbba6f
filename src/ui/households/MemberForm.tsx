import { useEffect, useMemo, useState } from 'react'
import { draftKeys } from '../../data/drafts'
import { useHousehold, useMember } from '../../data/hooks'
import { uuidv7 } from '../../data/ids'
import { deleteMember, saveMember, validateMember } from '../../data/write'
import { ageOn } from '../../domain/age'
import { checkMember } from '../../domain/member-checks'
import { type Member, type MemberInput, RELATIONS, type Relation, type Sex } from '../../protocol/records'
import { DraftNotice } from '../forms/DraftNotice'
import { LeaveDialog } from '../forms/LeaveDialog'
import { formMessages } from '../forms/messages'
import { storedBoolean, storedString, useRecordForm } from '../forms/useRecordForm'
import { useT } from '../i18n'
import { navigate, paths } from '../router'
import { Field, TextField } from '../shared/Field'
import { FormActions } from '../shared/FormActions'
import { SexField } from '../shared/SexField'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { useKecamatanLookup } from '../shared/useKecamatanLookup'
import { MotherPicker } from './MotherPicker'

interface Values {
  name: string
  nik: string
  nikMismatchConfirmed: boolean
  sex: Sex | ''
  birthDate: string
  relation: Relation | ''
  /** The child's mother in the household ('' none). */
  motherId: string
  phone: string
  pregnant: boolean
  hpht: string
  delivered: boolean
  deliveryDate: string
  /** Punya Buku KIA/KMS: '' until asked. */
  kiaBook: 'ya' | 'tidak' | ''
}

const EMPTY: Values = {
  name: '',
  nik: '',
  nikMismatchConfirmed: false,
  sex: '',
  birthDate: '',
  relation: '',
  motherId: '',
  phone: '',
  pregnant: false,
  hpht: '',
  delivered: false,
  deliveryDate: '',
  kiaBook: '',
}

// Pregnancy questions are offered to women from 10 years (clinical-rules.md §2.2 counts WUS from menarche).
const PREGNANCY_MIN_AGE_YEARS = 10
// The Buku KIA (with its KMS) follows a child to 6 years (anak prasekolah, clinical-rules.md §5): asked until then.
const KIA_BOOK_MAX_AGE_YEARS = 5

function fromMember(m: Member): Values {
  return {
    ...EMPTY,
    name: m.name,
    nik: m.nik ?? '',
    nikMismatchConfirmed: m.nikMismatchConfirmed ?? false,
    sex: m.sex,
    birthDate: m.birthDate,
    relation: m.relation,
    motherId: m.motherId ?? '',
    phone: m.phone ?? '',
    pregnant: Boolean(m.hpht),
    hpht: m.hpht ?? '',
    delivered: Boolean(m.deliveryDate),
    deliveryDate: m.deliveryDate ?? '',
    kiaBook: m.hasKiaBook === undefined ? '' : m.hasKiaBook ? 'ya' : 'tidak',
  }
}

/** A stored draft's values over the initial ones; a field of the wrong type keeps the initial value. */
function restore(stored: Record<string, unknown>, initial: Values): Values {
  const text = (name: 'name' | 'nik' | 'birthDate' | 'phone' | 'hpht' | 'deliveryDate') =>
    storedString(stored, name, initial[name])
  const sex = stored.sex === 'L' || stored.sex === 'P' || stored.sex === '' ? stored.sex : initial.sex
  const relation =
    RELATIONS.find((r) => r === stored.relation) ?? (stored.relation === '' ? '' : initial.relation)
  return {
    name: text('name'),
    nik: text('nik'),
    nikMismatchConfirmed: storedBoolean(stored, 'nikMismatchConfirmed', initial.nikMismatchConfirmed),
    sex,
    birthDate: text('birthDate'),
    relation,
    motherId: storedString(stored, 'motherId', initial.motherId),
    phone: text('phone'),
    pregnant: storedBoolean(stored, 'pregnant', initial.pregnant),
    hpht: text('hpht'),
    delivered: storedBoolean(stored, 'delivered', initial.delivered),
    deliveryDate: text('deliveryDate'),
    kiaBook:
      stored.kiaBook === 'ya' || stored.kiaBook === 'tidak' || stored.kiaBook === ''
        ? stored.kiaBook
        : initial.kiaBook,
  }
}

function toInput(v: Values, householdId: string): Partial<MemberInput> {
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim())
  const female = v.sex === 'P'
  return {
    householdId,
    name: v.name,
    nik: opt(v.nik),
    nikMismatchConfirmed: v.nikMismatchConfirmed || undefined,
    sex: v.sex || undefined,
    birthDate: v.birthDate,
    relation: v.relation || undefined,
    motherId: v.motherId || undefined,
    phone: opt(v.phone.replace(/[\s-]/g, '')),
    hpht: female && v.pregnant ? opt(v.hpht) : undefined,
    deliveryDate: female && v.delivered ? opt(v.deliveryDate) : undefined,
    // Kept as recorded once the child is past the age the question is shown at.
    hasKiaBook: v.kiaBook === '' ? undefined : v.kiaBook === 'ya',
  }
}

export default function MemberForm({
  id,
  householdId: newIn,
  saveId,
}: {
  id?: string
  householdId?: string
  saveId?: string
}) {
  const t = useT(formMessages)
  const today = useToday()
  const existing = useMember(id ?? '')
  const householdId = existing ? existing.householdId : newIn
  const household = useHousehold(householdId ?? '')
  const lookup = useKecamatanLookup()
  // A new form's save id goes into the URL, so that a reload finds the same draft.
  const [madeSaveId] = useState(uuidv7)
  const newId = id === undefined ? (saveId ?? madeSaveId) : undefined
  useEffect(() => {
    if (id === undefined && newIn !== undefined && saveId === undefined)
      navigate(paths.memberNew(newIn, madeSaveId), { replace: true })
  }, [id, newIn, saveId, madeSaveId])

  const initial = useMemo(() => (id ? (existing ? fromMember(existing) : undefined) : EMPTY), [id, existing])
  const draftId = id ? draftKeys.memberEdit(id) : draftKeys.memberNew(newId ?? madeSaveId)
  const f = useRecordForm<Values, Member>({
    initial,
    draft: {
      key: draftId,
      kind: 'member',
      path: id ? paths.memberEdit(id) : paths.memberNew(newIn ?? '', newId),
      saveId: newId,
    },
    label: (v) => v.name.trim() || undefined,
    restore,
    validate: (v) => (householdId ? validateMember(toInput(v, householdId), today, lookup) : NO_ERRORS),
    save: (v, ids) =>
      saveMember(toInput(v, householdId ?? ''), {
        id,
        saveId: ids.saveId,
        draftId: ids.draftId,
        now: new Date(),
        today,
      }),
    savedPath: () => (householdId ? paths.household(householdId) : paths.households()),
  })
  const { values, form } = f
  const input = values && householdId ? toInput(values, householdId) : undefined

  if ((id && existing === null) || (household && !household.household)) {
    return (
      <main className="screen">
        <TopBar title={t('member.edit')} back={paths.households()} />
        <p className="empty">{t('member.notFound')}</p>
      </main>
    )
  }
  if (!values || !householdId || !input) return <p className="loading">{t('common.loading')}</p>

  const back = paths.household(householdId)
  const update = (patch: Partial<Values>) => {
    // A changed NIK, birth date or sex needs a fresh confirmation of any disagreement.
    const reconfirm = 'nik' in patch || 'birthDate' in patch || 'sex' in patch
    f.update({ ...(reconfirm ? { nikMismatchConfirmed: false } : {}), ...patch })
  }
  const text = (name: 'name' | 'nik' | 'birthDate' | 'phone' | 'hpht' | 'deliveryDate') => ({
    value: values[name],
    onChange: (v: string) => update({ [name]: v }),
    onBlur: () => form.touch(name),
    error: form.errors[name],
    warning: form.warnings[name],
  })

  const mismatches = checkMember({ ...input, nikMismatchConfirmed: false }, today, lookup).filter(
    (p) => p.severity === 'mismatch',
  )
  const ageYears =
    values.birthDate && values.birthDate <= today ? safeYears(values.birthDate, today) : undefined
  const canBePregnant = values.sex === 'P' && ageYears !== undefined && ageYears >= PREGNANCY_MIN_AGE_YEARS
  const asksKiaBook = ageYears !== undefined && ageYears <= KIA_BOOK_MAX_AGE_YEARS

  return (
    <main className="screen">
      <TopBar title={id ? t('member.edit') : t('member.new')} back={back} />
      {household?.household && (
        <p className="context">{t('member.inHousehold', { name: household.household.headName })}</p>
      )}
      <DraftNotice at={f.restoredAt} onDiscard={() => void f.discardDraft(t('draft.discardConfirm'))} />
      <form ref={f.formRef} className="form" onSubmit={f.submit} noValidate>
        <TextField label={t('member.name')} autoComplete="off" {...text('name')} />
        <SexField
          value={values.sex}
          error={form.errors.sex}
          onChange={(sex) => update({ sex })}
          onBlur={() => form.touch('sex')}
        />
        <TextField label={t('member.birthDate')} type="date" max={today} {...text('birthDate')} />
        <TextField
          label={t('member.nik')}
          inputMode="numeric"
          maxLength={16}
          hint={t('member.nikHint')}
          {...text('nik')}
          // A disagreement is explained once, in the confirmation box right below.
          error={
            mismatches.some((p) => `err.${p.code}` === form.errors.nik?.key) ? undefined : form.errors.nik
          }
        />
        {mismatches.length > 0 && (
          <div className="confirm-box" role="alert">
            <ul>
              {mismatches.map((p) => (
                <li key={p.code}>{t(`err.${p.code}`, p.params)}</li>
              ))}
            </ul>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={values.nikMismatchConfirmed}
                onChange={(e) => update({ nikMismatchConfirmed: e.target.checked })}
              />
              {t('member.nikConfirm')}
            </label>
          </div>
        )}
        <Field label={t('member.relation')} error={form.errors.relation}>
          {(aria) => (
            <select
              {...aria}
              value={values.relation}
              onChange={(e) => update({ relation: e.target.value as Relation })}
              onBlur={() => form.touch('relation')}
            >
              <option value="">{t('common.choose')}</option>
              {RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`relation.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <MotherPicker
          members={household?.members ?? []}
          ownId={id ?? newId}
          birthDate={values.birthDate}
          value={values.motherId}
          onChange={(motherId) => update({ motherId })}
        />
        <TextField
          label={t('member.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          {...text('phone')}
        />
        {asksKiaBook && (
          <fieldset className="field">
            <legend>{t('member.kiaBook')}</legend>
            <div className="segmented">
              {(['ya', 'tidak'] as const).map((answer) => (
                <label key={answer} className={values.kiaBook === answer ? 'selected' : ''}>
                  <input
                    type="radio"
                    name="kiaBook"
                    value={answer}
                    checked={values.kiaBook === answer}
                    onChange={() => update({ kiaBook: answer })}
                  />
                  {t(`member.kiaBook.${answer}`)}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {canBePregnant && (
          <fieldset className="field">
            <legend>{t('member.maternal')}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={values.pregnant}
                onChange={(e) => update({ pregnant: e.target.checked })}
              />
              {t('member.pregnant')}
            </label>
            {values.pregnant && (
              <TextField label={t('member.hpht')} type="date" max={today} {...text('hpht')} />
            )}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={values.delivered}
                onChange={(e) => update({ delivered: e.target.checked })}
              />
              {t('member.delivered')}
            </label>
            {values.delivered && (
              <TextField label={t('member.deliveryDate')} type="date" max={today} {...text('deliveryDate')} />
            )}
          </fieldset>
        )}
        {form.errors.householdId && <p className="form-failure">{t(form.errors.householdId.key)}</p>}
        <FormActions
          saving={f.saving}
          failure={f.failure}
          deleteLabel={t('member.delete')}
          onDelete={
            id
              ? () =>
                  void f.remove(
                    t('member.deleteConfirm', { name: values.name }),
                    () => deleteMember(id, { now: new Date() }),
                    back,
                  )
              : undefined
          }
        />
      </form>
      {f.leaveDialog && <LeaveDialog {...f.leaveDialog} />}
    </main>
  )
}

const NO_ERRORS = { errors: {}, warnings: {} }

function safeYears(birthDate: string, today: string): number | undefined {
  try {
    return ageOn(birthDate, today).years
  } catch {
    return undefined
  }
}
