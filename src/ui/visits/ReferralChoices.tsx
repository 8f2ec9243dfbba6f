// Where to send the person, for each problem the visit refers: the default (domain/referrals defaultDestination —
// the puskesmas when urgent or when the instrument says so, else the pustu) unless the kader picks another.
import { useId } from 'react'
import type { Finding } from '../../domain/findings'
import {
  DESTINATIONS,
  type Destination,
  defaultDestination,
  findingGroups,
  PROBLEM_LABELS,
  type ReferralProblem,
} from '../../domain/referrals'
import { useI18n } from '../i18n'
import { referralMessages } from '../referrals/messages'

export interface ReferringProblem {
  problem: ReferralProblem
  urgent: boolean
}

/** The problems the findings refer, urgent ones first. */
export function referralProblems(findings: readonly Finding[]): ReferringProblem[] {
  return findingGroups(findings).flatMap((g) =>
    g.kind === 'referral' ? [{ problem: g.problem, urgent: g.urgent }] : [],
  )
}

export function ReferralChoices({
  referring,
  chosen,
  onChoose,
}: {
  referring: readonly ReferringProblem[]
  chosen: Partial<Record<ReferralProblem, Destination>>
  onChoose: (problem: ReferralProblem, destination: Destination) => void
}) {
  const { t, lang } = useI18n(referralMessages)
  const id = useId()
  if (referring.length === 0) return null
  return (
    <fieldset className="field referral-choices">
      <legend>{t('visit.referTo')}</legend>
      {referring.map(({ problem, urgent }) => (
        <div key={problem} className="field">
          <label htmlFor={`${id}-${problem}`}>{PROBLEM_LABELS[problem][lang]}</label>
          <select
            id={`${id}-${problem}`}
            value={chosen[problem] ?? defaultDestination(problem, urgent)}
            onChange={(e) => onChoose(problem, e.target.value as Destination)}
          >
            {DESTINATIONS.map((d) => (
              <option key={d} value={d}>
                {t(`destination.${d}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  )
}
