import { useSyncExternalStore } from 'react'
import { getDataIssues, subscribeDataIssues } from '../../data/data-issues'
import { type Lang, useI18n } from '../i18n'
import { InstallCard, StorageStatus } from '../pwa'
import { paths } from '../router'
import { TopBar } from '../shared/TopBar'
import { SyncCard } from '../sync/SyncCard'
import { ClinicalSettingsForm } from './ClinicalSettingsForm'
import { settingsMessages } from './messages'
import { SecurityCard } from './SecurityCard'
import { WorkAreaForm } from './WorkAreaForm'

export default function Settings() {
  const { t, lang, setLang } = useI18n(settingsMessages)
  const issues = useSyncExternalStore(subscribeDataIssues, getDataIssues)

  return (
    <main className="screen">
      <TopBar title={t('settings.title')} back={paths.households()} />
      <SyncCard />
      <SecurityCard />
      <InstallCard />
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
