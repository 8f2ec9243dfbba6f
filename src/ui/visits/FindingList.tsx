import type { Finding, FindingLevel } from '../../domain/findings'
import { findingGroups, PROBLEM_LABELS } from '../../domain/referrals'
import { useI18n } from '../i18n'

// An icon and a word with every colour: a finding is never told by colour alone.
const ICON: Record<FindingLevel, string> = { normal: '✓', perhatian: '!', rujuk: '➜' }

/**
 * A visit's findings: one "Rujuk" line per referral problem with its details underneath (domain/referrals
 * findingGroups), then the others, each with its level.
 */
export function FindingList({ findings, label }: { findings: readonly Finding[]; label: string }) {
  const { t, lang } = useI18n()
  if (findings.length === 0) return null
  return (
    <ul className="findings" aria-label={label}>
      {findingGroups(findings).map((g) =>
        g.kind === 'referral' ? (
          <li key={`problem:${g.problem}`} className="finding finding-rujuk">
            <span className="finding-icon" aria-hidden="true">
              {ICON.rujuk}
            </span>
            <span>
              <strong>
                {t('finding.level.rujuk')}
                {g.urgent ? ` ${t('finding.urgent')}` : ''}: {PROBLEM_LABELS[g.problem][lang]}
              </strong>
              <ul className="finding-details">
                {g.findings.map((f) => (
                  <li key={f.code}>{f.message[lang]}</li>
                ))}
              </ul>
            </span>
          </li>
        ) : (
          <li key={g.finding.code} className={`finding finding-${g.finding.level}`}>
            <span className="finding-icon" aria-hidden="true">
              {ICON[g.finding.level]}
            </span>
            <span>
              <strong>{t(`finding.level.${g.finding.level}`)}:</strong> {g.finding.message[lang]}
            </span>
          </li>
        ),
      )}
    </ul>
  )
}
