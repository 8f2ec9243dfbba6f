import { useState } from 'react'
import { useClinicalSettings } from '../../../data/hooks'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'
import { Choice, YesNo } from './Choice'
import type { useSection } from './useSection'

// The 20 SRQ items by number, as the dictionary keys them (visit.srq20.1 … visit.srq20.20).
const SRQ20 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] as const
const SCORES = [0, 1, 2, 3] as const

/**
 * SRQ-20 (Juknis ILP) or PHQ-2 + GAD-2 (CKG 2025), as the clinical settings choose (clinical-rules.md §2.4). A record
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
  const t = useT(visitMessages)
  const answers = (s.get('srq20') as (boolean | null)[] | undefined) ?? []
  const set = (i: number, yes: boolean) => {
    const next = Array.from(SRQ20, (_, j) => (j === i ? yes : (answers[j] ?? null)))
    s.set('srq20', next)
  }
  const yes = answers.filter((a) => a === true).length
  const answered = answers.filter((a) => a !== null && a !== undefined).length
  return (
    <>
      <p className="field-hint">{t('visit.srq20.intro')}</p>
      {SRQ20.map((item, i) => (
        <YesNo
          key={item}
          legend={`${item}. ${t(`visit.srq20.${item}`)}`}
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
  const t = useT(visitMessages)
  return (
    <>
      <p className="field-hint">{t('visit.phq.intro')}</p>
      {(['phq2', 'gad2'] as const).map((group) => (
        <Pair key={group} group={group} s={s} legend={(item) => t(`visit.${group}.${item}`)} />
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
  /** The item's question, by number (1 or 2). */
  legend: (item: 1 | 2) => string
}) {
  const t = useT(visitMessages)
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
          legend={legend(i === 0 ? 1 : 2)}
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
