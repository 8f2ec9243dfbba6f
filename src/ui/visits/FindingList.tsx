import type { Finding, FindingLevel } from '../../domain/findings'
import { useI18n } from '../i18n'

// An icon and a word with every colour: a finding is never told by colour alone.
const ICON: Record<FindingLevel, string> = { normal: '✓', perhatian: '!', rujuk: '➜' }

export function FindingList({ findings, label }: { findings: readonly Finding[]; label: string }) {
  const { t, lang } = useI18n()
  if (findings.length === 0) return null
  return (
    <ul className="findings" aria-label={label}>
      {findings.map((f) => (
        <li key={f.code} className={`finding finding-${f.level}`}>
          <span className="finding-icon" aria-hidden="true">
            {ICON[f.level]}
          </span>
          <span>
            <strong>{t(`finding.level.${f.level}`)}:</strong> {f.message[lang]}
          </span>
        </li>
      ))}
    </ul>
  )
}
