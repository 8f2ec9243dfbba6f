import { type FormEvent, useEffect, useState, useSyncExternalStore } from 'react'
import { getDataIssues, subscribeDataIssues } from '../../data/data-issues'
import { useWorkArea } from '../../data/hooks'
import { saveWorkArea } from '../../data/meta'
import { type Lang, useI18n } from '../i18n'
import { StorageStatus } from '../pwa'
import { paths } from '../router'
import { TextField } from '../shared/Field'
import { TopBar } from '../shared/TopBar'
import { SyncCard } from '../sync/SyncCard'
import { ClinicalSettingsForm } from './ClinicalSettingsForm'

export default function Settings() {
  const { t, lang, setLang } = useI18n()
  const issues = useSyncExternalStore(subscribeDataIssues, getDataIssues)

  return (
    <main className="screen">
      <TopBar title={t('settings.title')} back={paths.households()} />
      <SyncCard />
      <section className="card">
        <h2 className="section-title">{t('settings.language')}</h2>
        <div className="segmented">
          {(['id', 'en'] as Lang[]).map((l) => (
            <label key={l} className={lang === l ? 'selected' : ''}>
              <input type="radio" name="lang" value={l} checked={lang === l} onChange={() => setLang(l)} />
              {l === 'id' ? 'Bahasa Indonesia' : 'English'}
            </label>
          ))}
        </div>
      </section>
      <WorkAreaForm />
      <ClinicalSettingsForm />
      <section className="card">
        <h2 className="section-title">{t('settings.storage')}</h2>
        <StorageStatus />
        {issues.length > 0 && (
          <p className="field-message">{t('settings.dataIssues', { n: issues.length })}</p>
        )}
      </section>
      <p className="muted version">Kader ILP {__APP_VERSION__}</p>
    </main>
  )
}

function WorkAreaForm() {
  const { t } = useI18n()
  const workArea = useWorkArea()
  const [values, setValues] = useState({ kaderName: '', kabupaten: '', kecamatan: '', desa: '', dusun: '' })
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    if (workArea)
      setValues({
        kaderName: workArea.kaderName ?? '',
        kabupaten: workArea.kabupaten,
        kecamatan: workArea.kecamatan,
        desa: workArea.desa,
        dusun: workArea.dusun ?? '',
      })
  }, [workArea])
  if (!workArea) return null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    await saveWorkArea({
      ...workArea,
      ...values,
      dusun: values.dusun.trim() || undefined,
      kaderName: values.kaderName.trim() || undefined,
    })
    setSaved(true)
  }
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (v: string) => {
      setValues({ ...values, [name]: v })
      setSaved(false)
    },
  })
  return (
    <section className="card">
      <h2 className="section-title">{t('settings.workArea')}</h2>
      <p className="muted">{t('settings.workAreaHint')}</p>
      <form className="form" onSubmit={submit}>
        <TextField label={t('settings.kaderName')} {...field('kaderName')} />
        <TextField label={t('address.kabupaten')} {...field('kabupaten')} />
        <TextField label={t('address.kecamatan')} {...field('kecamatan')} />
        <TextField label={t('address.desa')} {...field('desa')} />
        <TextField label={t('address.dusun')} {...field('dusun')} />
        <button type="submit" className="button primary">
          {t('common.save')}
        </button>
        {saved && <p role="status">{t('common.saved')}</p>}
      </form>
    </section>
  )
}
