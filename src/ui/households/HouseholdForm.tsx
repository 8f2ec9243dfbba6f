import { type FormEvent, useEffect, useState } from 'react'
import { useHousehold, useWorkArea } from '../../data/hooks'
import { deleteHousehold, saveHousehold, validateHousehold } from '../../data/write'
import type { GpsPoint, Household, HouseholdInput } from '../../protocol/records'
import { useT } from '../i18n'
import { useUnsavedGuard } from '../pwa'
import { navigate, paths } from '../router'
import { TextField } from '../shared/Field'
import { FormActions } from '../shared/FormActions'
import { LocationField } from '../shared/LocationField'
import { TopBar } from '../shared/TopBar'
import { useFormErrors } from '../shared/useFormErrors'
import { useKecamatanLookup } from '../shared/useKecamatanLookup'
import { useSave } from '../shared/useSave'

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

export default function HouseholdForm({ id }: { id?: string }) {
  const t = useT()
  const workArea = useWorkArea()
  const existing = useHousehold(id ?? '')
  const [values, setValues] = useState<Values | undefined>(id ? undefined : EMPTY)
  const [dirty, setDirty] = useState(false)
  const { saving, failure, run } = useSave()
  const lookup = useKecamatanLookup()
  useUnsavedGuard(dirty)

  // Fill the form once: from the stored household when editing, from the work area when new.
  useEffect(() => {
    if (id && existing?.household && values === undefined) setValues(fromHousehold(existing.household))
  }, [id, existing, values])
  useEffect(() => {
    if (!id && workArea && !dirty)
      setValues((v) => ({
        ...(v ?? EMPTY),
        kabupaten: workArea.kabupaten,
        kecamatan: workArea.kecamatan,
        desa: workArea.desa,
        dusun: workArea.dusun ?? '',
        rw: workArea.rw ?? '',
        rt: workArea.rt ?? '',
      }))
  }, [id, workArea, dirty])

  const workAreaId = existing?.household?.workAreaId ?? workArea?.id ?? ''
  const form = useFormErrors(() =>
    values ? validateHousehold(toInput(values, workAreaId), lookup, workArea) : { errors: {}, warnings: {} },
  )

  if (id && existing && !existing.household) {
    return (
      <main className="screen">
        <TopBar title={t('household.edit')} back={paths.households()} />
        <p className="empty">{t('household.notFound')}</p>
      </main>
    )
  }
  if (!values || !workArea) return <p className="loading">{t('common.loading')}</p>

  const update = (patch: Partial<Values>) => {
    setValues({ ...values, ...patch })
    setDirty(true)
    form.setServerErrors({})
  }
  const text = (name: Exclude<keyof Values, 'location'>, path: string = name) => ({
    value: values[name],
    onChange: (v: string) => update({ [name]: v }),
    onBlur: () => form.touch(path),
    error: form.errors[path],
    warning: form.warnings[path],
  })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    form.showAll()
    if (form.hasErrors) return
    const done = await run(() => saveHousehold(toInput(values, workAreaId), { id, now: new Date() }))
    if (!done) return
    const result = done.value
    if (!result.ok) {
      form.setServerErrors(result.errors)
      return
    }
    setDirty(false)
    navigate(paths.household(result.record.id), { replace: true })
  }

  const remove = async () => {
    if (!id || !window.confirm(t('household.deleteConfirm', { name: values.headName }))) return
    if (!(await run(() => deleteHousehold(id, { now: new Date() })))) return
    setDirty(false)
    navigate(paths.households(), { replace: true })
  }

  return (
    <main className="screen">
      <TopBar
        title={id ? t('household.edit') : t('household.new')}
        back={id ? paths.household(id) : paths.households()}
      />
      <form className="form" onSubmit={submit} noValidate>
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
          onChange={(location) => update({ location })}
          householdId={id}
        />
        {form.errors.workAreaId && <p className="field-message">{t(form.errors.workAreaId.key)}</p>}
        <FormActions
          saving={saving}
          failure={failure}
          deleteLabel={t('household.delete')}
          onDelete={id ? remove : undefined}
        />
      </form>
    </main>
  )
}
