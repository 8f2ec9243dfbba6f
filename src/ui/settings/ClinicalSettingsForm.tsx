// Rules where the Kemenkes sources disagree: each shows the cited default; the puskesmas tells the kader which to use.
import { useEffect, useState } from 'react'
import { saveClinicalSettings } from '../../data/clinical-settings'
import { useClinicalSettings } from '../../data/hooks'
import type { ClinicalSettings } from '../../domain/clinical-settings'
import { useT } from '../i18n'
import { Field } from '../shared/Field'
import { settingsMessages } from './messages'

type Options = { value: string; label: string }[]

export function ClinicalSettingsForm() {
  const t = useT(settingsMessages)
  const stored = useClinicalSettings()
  const [settings, setSettings] = useState<ClinicalSettings>()
  const [saved, setSaved] = useState(false)
  useEffect(() => setSettings(stored), [stored])
  if (!settings) return null

  const change = (patch: Partial<ClinicalSettings>) => {
    const next = { ...settings, ...patch }
    setSettings(next)
    setSaved(false)
    void saveClinicalSettings(next).then(() => setSaved(true))
  }
  const select = (
    label: string,
    hint: string,
    value: string,
    options: Options,
    onPick: (v: string) => void,
  ) => (
    <Field label={label} hint={hint}>
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onPick(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )

  return (
    <section className="card">
      <h2 className="section-title">{t('clinical.title')}</h2>
      <p className="muted">{t('clinical.hint')}</p>
      {select(
        t('clinical.kbm'),
        t('clinical.kbmHint'),
        settings.kbmTable,
        [
          { value: 'kms', label: t('clinical.kbm.kms') },
          { value: 'tulip', label: t('clinical.kbm.tulip') },
        ],
        (v) => change({ kbmTable: v === 'tulip' ? 'tulip' : 'kms' }),
      )}
      {select(
        t('clinical.anc'),
        t('clinical.ancHint'),
        settings.ancPerTrimester.join('-'),
        [
          { value: '1-2-3', label: '1 – 2 – 3 (Permenkes 21/2021)' },
          { value: '2-1-3', label: '2 – 1 – 3 (Buku KIA)' },
        ],
        (v) => change({ ancPerTrimester: v === '2-1-3' ? [2, 1, 3] : [1, 2, 3] }),
      )}
      {select(
        t('clinical.puma'),
        t('clinical.pumaHint'),
        String(settings.pumaReferAt),
        [5, 6, 7].map((n) => ({ value: String(n), label: `≥ ${n}` })),
        (v) => change({ pumaReferAt: Number(v) }),
      )}
      {select(
        t('clinical.mental'),
        t('clinical.mentalHint'),
        settings.mentalHealthTool,
        [
          { value: 'srq20', label: 'SRQ-20 (Juknis ILP)' },
          { value: 'phq2gad2', label: 'PHQ-2 + GAD-2 (CKG)' },
        ],
        (v) => change({ mentalHealthTool: v === 'phq2gad2' ? 'phq2gad2' : 'srq20' }),
      )}
      {select(
        t('clinical.srq'),
        t('clinical.srqHint'),
        String(settings.srq20ReferAt),
        [6, 8].map((n) => ({ value: String(n), label: `≥ ${n}` })),
        (v) => change({ srq20ReferAt: Number(v) }),
      )}
      {select(
        t('clinical.deworming'),
        t('clinical.dewormingHint'),
        String(settings.dewormingPerYear),
        [
          { value: '2', label: t('clinical.deworming.2') },
          { value: '1', label: t('clinical.deworming.1') },
        ],
        (v) => change({ dewormingPerYear: v === '1' ? 1 : 2 }),
      )}
      {saved && <p role="status">{t('common.saved')}</p>}
    </section>
  )
}
