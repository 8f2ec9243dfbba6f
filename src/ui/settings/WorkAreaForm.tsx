// The kader's work area (wilayah kerja) and posyandu: names for new households, the open day the schedule counts
// from. After login the area comes from the puskesmas server and is shown, not edited.
import { type FormEvent, useEffect, useState } from 'react'
import { useWorkArea } from '../../data/hooks'
import { saveWorkArea } from '../../data/meta'
import type { PosyanduCalendar } from '../../data/schemas'
import { useI18n } from '../i18n'
import { Field, TextField } from '../shared/Field'
import { settingsMessages } from './messages'

const LOCAL = 'wilayah-lokal'
const WEEKS = [1, 2, 3, 4, 'last'] as const
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const

interface Values {
  kaderName: string
  kabupaten: string
  kecamatan: string
  desa: string
  dusun: string
  posyanduName: string
  posyanduPlace: string
  week: PosyanduCalendar['openDay']['week'] | ''
  weekday: number | ''
}

export function WorkAreaForm() {
  const { t } = useI18n(settingsMessages)
  const workArea = useWorkArea()
  const [values, setValues] = useState<Values>()
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    if (!workArea) return
    setValues({
      kaderName: workArea.kaderName ?? '',
      kabupaten: workArea.kabupaten,
      kecamatan: workArea.kecamatan,
      desa: workArea.desa,
      dusun: workArea.dusun ?? '',
      posyanduName: workArea.posyandu?.name ?? '',
      posyanduPlace: workArea.posyandu?.place ?? '',
      week: workArea.posyandu?.openDay.week ?? '',
      weekday: workArea.posyandu?.openDay.weekday ?? '',
    })
  }, [workArea])
  if (!workArea || !values) return null
  const fromServer = workArea.id !== LOCAL

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const opt = (s: string) => s.trim() || undefined
    await saveWorkArea({
      ...workArea,
      kaderName: opt(values.kaderName),
      ...(fromServer
        ? {}
        : {
            kabupaten: values.kabupaten,
            kecamatan: values.kecamatan,
            desa: values.desa,
            dusun: opt(values.dusun),
          }),
      posyandu:
        values.week !== '' && values.weekday !== ''
          ? {
              name: opt(values.posyanduName),
              place: opt(values.posyanduPlace),
              openDay: { week: values.week, weekday: values.weekday },
            }
          : undefined,
    })
    setSaved(true)
  }
  const set = (patch: Partial<Values>) => {
    setValues({ ...values, ...patch })
    setSaved(false)
  }
  const text = (
    name: 'kaderName' | 'kabupaten' | 'kecamatan' | 'desa' | 'dusun' | 'posyanduName' | 'posyanduPlace',
  ) => ({
    value: values[name],
    onChange: (v: string) => set({ [name]: v }),
  })

  return (
    <section className="card">
      <h2 className="section-title">{t('settings.workArea')}</h2>
      <form className="form" onSubmit={submit}>
        <TextField label={t('settings.kaderName')} {...text('kaderName')} />
        {fromServer ? (
          <p>
            {[
              workArea.desa,
              workArea.dusun,
              workArea.rw && `RW ${workArea.rw}`,
              workArea.rt && `RT ${workArea.rt}`,
            ]
              .filter(Boolean)
              .join(' · ')}
            <br />
            <span className="muted">
              {workArea.kecamatan}, {workArea.kabupaten} — {t('settings.workAreaFromServer')}
            </span>
          </p>
        ) : (
          <>
            <p className="muted">{t('settings.workAreaHint')}</p>
            <TextField label={t('address.kabupaten')} {...text('kabupaten')} />
            <TextField label={t('address.kecamatan')} {...text('kecamatan')} />
            <TextField label={t('address.desa')} {...text('desa')} />
            <TextField label={t('address.dusun')} {...text('dusun')} />
          </>
        )}
        <h3 className="section-title">{t('settings.posyandu')}</h3>
        <TextField label={t('settings.posyanduName')} {...text('posyanduName')} />
        <TextField label={t('settings.posyanduPlace')} {...text('posyanduPlace')} />
        <div className="field-pair">
          <Field label={t('settings.openWeek')}>
            {(aria) => (
              <select
                {...aria}
                value={String(values.week)}
                onChange={(e) =>
                  set({
                    week: e.target.value === 'last' ? 'last' : e.target.value ? Number(e.target.value) : '',
                  })
                }
              >
                <option value="">{t('common.choose')}</option>
                {WEEKS.map((w) => (
                  <option key={w} value={String(w)}>
                    {t(`settings.week.${w}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('settings.openWeekday')}>
            {(aria) => (
              <select
                {...aria}
                value={String(values.weekday)}
                onChange={(e) => set({ weekday: e.target.value === '' ? '' : Number(e.target.value) })}
              >
                <option value="">{t('common.choose')}</option>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={String(d)}>
                    {t(`weekday.${d}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" className="button primary">
          {t('common.save')}
        </button>
        {saved && <p role="status">{t('common.saved')}</p>}
      </form>
    </section>
  )
}
