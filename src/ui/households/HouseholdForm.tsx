import { useEffect, useMemo, useState } from 'react'
import { draftKeys } from '../../data/drafts'
import { useHousehold, useWorkArea } from '../../data/hooks'
import { uuidv7 } from '../../data/ids'
import type { WorkArea } from '../../data/schemas'
import { deleteHousehold, saveHousehold, validateHousehold } from '../../data/write'
import { type GpsPoint, gpsPoint, type Household, type HouseholdInput } from '../../protocol/records'
import { DraftNotice } from '../forms/DraftNotice'
import { LeaveDialog } from '../forms/LeaveDialog'
import { formMessages } from '../forms/messages'
import { storedString, useRecordForm } from '../forms/useRecordForm'
import { useT } from '../i18n'
import { navigate, paths } from '../router'
import { TextField } from '../shared/Field'
import { FormActions } from '../shared/FormActions'
import { LocationField } from '../shared/LocationField'
import { TopBar } from '../shared/TopBar'
import { useKecamatanLookup } from '../shared/useKecamatanLookup'

interface Values {
  headName: string
  noKk: string
  kabupaten: string
  kecamatan: string
  desa: string
  dusun: string
  rw: string
  rt: string
  street: string
  location?: GpsPoint
}

const EMPTY: Values = {
  headName: '',
  noKk: '',
  kabupaten: '',
  kecamatan: '',
  desa: '',
  dusun: '',
  rw: '',
  rt: '',
  street: '',
}

function fromHousehold(h: Household): Values {
  return {
    ...EMPTY,
    ...h.address,
    street: h.address.street ?? '',
    headName: h.headName,
    noKk: h.noKk ?? '',
    location: h.location,
  }
}

/** A new household starts in the kader's area. */
function fromWorkArea(area: WorkArea): Values {
  return {
    ...EMPTY,
    kabupaten: area.kabupaten,
    kecamatan: area.kecamatan,
    desa: area.desa,
    dusun: area.dusun ?? '',
    rw: area.rw ?? '',
    rt: area.rt ?? '',
  }
}

const TEXT_FIELDS = Object.keys(EMPTY) as Exclude<keyof Values, 'location'>[]

/** A stored draft's values over the initial ones; a field of the wrong type keeps the initial value. */
function restore(stored: Record<string, unknown>, initial: Values): Values {
  const values = { ...initial }
  for (const name of TEXT_FIELDS) values[name] = storedString(stored, name, initial[name])
  const location = gpsPoint.safeParse(stored.location)
  return { ...values, location: location.success ? location.data : undefined }
}

function toInput(v: Values, workAreaId: string): HouseholdInput {
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim())
  return {
    workAreaId,
    headName: v.headName,
    noKk: opt(v.noKk),
    address: {
      kabupaten: v.kabupaten,
      kecamatan: v.kecamatan,
      desa: v.desa,
      dusun: v.dusun,
      rw: v.rw.trim(),
      rt: v.rt.trim(),
      street: opt(v.street),
    },
    location: v.location,
  }
}

export default function HouseholdForm({ id, saveId }: { id?: string; saveId?: string }) {
  const t = useT(formMessages)
  const workArea = useWorkArea()
  const existing = useHousehold(id ?? '')
  const lookup = useKecamatanLookup()
  // A new form's save id goes into the URL, so that a reload finds the same draft.
  const [madeSaveId] = useState(uuidv7)
  const newId = id === undefined ? (saveId ?? madeSaveId) : undefined
  useEffect(() => {
    if (id === undefined && saveId === undefined) navigate(paths.householdNew(madeSaveId), { replace: true })
  }, [id, saveId, madeSaveId])

  const stored = existing?.household
  const initial = useMemo(
    () => (id ? (stored ? fromHousehold(stored) : undefined) : workArea ? fromWorkArea(workArea) : undefined),
    [id, stored, workArea],
  )
  const workAreaId = stored?.workAreaId ?? workArea?.id ?? ''
  const draftId = id ? draftKeys.householdEdit(id) : draftKeys.householdNew(newId ?? madeSaveId)
  const f = useRecordForm<Values, Household>({
    initial,
    draft: {
      key: draftId,
      kind: 'household',
      path: id ? paths.householdEdit(id) : paths.householdNew(newId),
      saveId: newId,
    },
    label: (v) => v.headName.trim() || undefined,
    restore,
    validate: (v) => validateHousehold(toInput(v, workAreaId), lookup, workArea),
    save: (v, ids) =>
      saveHousehold(toInput(v, workAreaId), {
        id,
        saveId: ids.saveId,
        draftId: ids.draftId,
        now: new Date(),
      }),
    savedPath: (record) => paths.household(record.id),
  })

  if (id && existing && !existing.household) {
    return (
      <main className="screen">
        <TopBar title={t('household.edit')} back={paths.households()} />
        <p className="empty">{t('household.notFound')}</p>
      </main>
    )
  }
  const { values, form } = f
  if (!values || !workArea) return <p className="loading">{t('common.loading')}</p>

  const text = (name: Exclude<keyof Values, 'location'>, path: string = name) => ({
    value: values[name],
    onChange: (v: string) => f.update({ [name]: v }),
    onBlur: () => form.touch(path),
    error: form.errors[path],
    warning: form.warnings[path],
  })
  const back = id ? paths.household(id) : paths.households()

  return (
    <main className="screen">
      <TopBar title={id ? t('household.edit') : t('household.new')} back={back} />
      <DraftNotice at={f.restoredAt} onDiscard={() => void f.discardDraft(t('draft.discardConfirm'))} />
      <form ref={f.formRef} className="form" onSubmit={f.submit} noValidate>
        <TextField label={t('household.headName')} autoComplete="off" {...text('headName')} />
        <TextField
          label={t('household.noKk')}
          inputMode="numeric"
          maxLength={16}
          hint={t('household.noKkHint')}
          {...text('noKk')}
        />
        <TextField label={t('address.dusun')} {...text('dusun', 'address.dusun')} />
        <div className="field-pair">
          <TextField
            label={t('address.rt')}
            inputMode="numeric"
            maxLength={3}
            {...text('rt', 'address.rt')}
          />
          <TextField
            label={t('address.rw')}
            inputMode="numeric"
            maxLength={3}
            {...text('rw', 'address.rw')}
          />
        </div>
        <TextField label={t('address.street')} {...text('street', 'address.street')} />
        <TextField label={t('address.desa')} {...text('desa', 'address.desa')} />
        <TextField label={t('address.kecamatan')} {...text('kecamatan', 'address.kecamatan')} />
        <TextField label={t('address.kabupaten')} {...text('kabupaten', 'address.kabupaten')} />
        <LocationField
          value={values.location}
          onChange={(location) => f.update({ location })}
          householdId={id}
        />
        {form.errors.workAreaId && <p className="form-failure">{t(form.errors.workAreaId.key)}</p>}
        <FormActions
          saving={f.saving}
          failure={f.failure}
          deleteLabel={t('household.delete')}
          onDelete={
            id
              ? () =>
                  void f.remove(
                    t('household.deleteConfirm', { name: values.headName }),
                    () => deleteHousehold(id, { now: new Date() }),
                    paths.households(),
                  )
              : undefined
          }
        />
      </form>
      {f.leaveDialog && <LeaveDialog {...f.leaveDialog} />}
    </main>
  )
}
