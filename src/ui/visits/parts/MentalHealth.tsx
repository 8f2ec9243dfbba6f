import { useState } from 'react'
import { useClinicalSettings } from '../../../data/hooks'
import { useT } from '../../i18n'
import { Choice, YesNo } from './Choice'
import type { useSection } from './useSection'

const SRQ20_ITEMS = 20
const SCORES = [0, 1, 2, 3] as const

/**
 * SRQ-20 (Juknis ILP) or PHQ-2 + GAD-2 (CKG 2025), as the clinical settings choose (ilp-domain.md §2.4). A record
 * already holding the other instrument shows that one, so a correction never hides what was asked.
 */
export function MentalHealth({ s }: { s: ReturnType<typeof useSection> }) {
  const settings = useClinicalSettings()
  const hasSrq = s.get('srq20') !== undefined
  const hasPhq = s.get('phq2') !== undefined || s.get('gad2') !== undefined
  const tool = hasSrq ? 'srq20' : hasPhq ? 'phq2gad2' : (settings?.mentalHealthTool ?? 'srq20')
  return tool === 'srq20' ? <Srq20 s={s} /> : <TwoItems s={s} />
}

function Srq20({ s }: { s: ReturnType<typeof useSection> }) {
  const t = useT()
  const answers = (s.get('srq20') as (boolean | null)[] | undefined) ?? []
  const set = (i: number, yes: boolean) => {
    const next = Array.from({ length: SRQ20_ITEMS }, (_, j) => (j === i ? yes : (answers[j] ?? null)))
    s.set('srq20', next)
  }
  const yes = answers.filter((a) => a === true).length
  const answered = answers.filter((a) => a !== null && a !== undefined).length
  return (
    <>
      <p className="field-hint">{t('visit.srq20.intro')}</p>
      {Array.from({ length: SRQ20_ITEMS }, (_, i) => (
        <YesNo
          // biome-ignore lint/suspicious/noArrayIndexKey: the 20 items are fixed and numbered
          key={i}
          legend={`${i + 1}. ${t(`visit.srq20.${i + 1}`)}`}
          value={answers[i] ?? undefined}
          onChange={(v) => set(i, v)}
        />
      ))}
      <p className="part-summary">{t('visit.srq20.tally', { yes, answered })}</p>
    </>
  )
}

/** PHQ-2 and GAD-2: each stored once both of its items are answered (the domain reads the pair). */
function TwoItems({ s }: { s: ReturnType<typeof useSection> }) {
  const t = useT()
  return (
    <>
      <p className="field-hint">{t('visit.phq.intro')}</p>
      {(['phq2', 'gad2'] as const).map((group) => (
        <Pair key={group} group={group} s={s} legend={(i) => t(`visit.${group}.${i + 1}`)} />
      ))}
    </>
  )
}

function Pair({
  group,
  s,
  legend,
}: {
  group: 'phq2' | 'gad2'
  s: ReturnType<typeof useSection>
  legend: (i: 0 | 1) => string
}) {
  const t = useT()
  const stored = s.get(group) as [number, number] | undefined
  const [draft, setDraft] = useState<(number | undefined)[]>(() => stored ?? [undefined, undefined])
  const shown = stored ?? draft
  const answer = (i: 0 | 1, score: number) => {
    const next = [shown[0], shown[1]]
    next[i] = score
    setDraft(next)
    const [a, b] = next
    if (a !== undefined && b !== undefined) s.set(group, [a, b])
  }
  return (
    <>
      {([0, 1] as const).map((i) => (
        <Choice
          key={i}
          legend={legend(i)}
          vertical
          options={SCORES.map((n) => ({ value: n, label: t(`visit.phq.score.${n}`) }))}
          value={shown[i] as (typeof SCORES)[number] | undefined}
          onChange={(n) => answer(i, n)}
          error={s.errors[`${group}.${i}`]}
        />
      ))}
    </>
  )
}
