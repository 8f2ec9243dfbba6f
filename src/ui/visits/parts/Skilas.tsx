import type { SkilasAnswers } from '../../../domain/screening'
import { RANGES } from '../../../protocol/visit-parts'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'
import { Choice, YesNo } from './Choice'
import { NumberField } from './NumberField'
import type { useSection } from './useSection'

const WHISPER = ['dengar', 'tidak_dengar', 'tidak_bisa_dites'] as const

/** SKILAS, domain by domain as the instrument asks it (clinical-rules.md §2.5). */
export function Skilas({ s }: { s: ReturnType<typeof useSection> }) {
  const t = useT(visitMessages)
  const a = (s.get('skilas') as SkilasAnswers | undefined) ?? {}
  const rightWrong: [string, string] = [t('visit.skilas.right'), t('visit.skilas.wrong')]
  return (
    <>
      <h4 className="part-subgroup">{t('visit.skilas.kognitif')}</h4>
      <YesNo
        {...s.yesNo('skilas.orientationTimeCorrect', t('visit.skilas.orientationTime'))}
        labels={rightWrong}
      />
      <YesNo
        {...s.yesNo('skilas.orientationPlaceCorrect', t('visit.skilas.orientationPlace'))}
        labels={rightWrong}
      />
      <Choice
        legend={t('visit.skilas.wordsRecalled')}
        options={[0, 1, 2, 3].map((n) => ({ value: n, label: String(n) }))}
        value={a.wordsRecalled}
        onChange={(n) => s.set('skilas.wordsRecalled', n)}
        error={s.errors['skilas.wordsRecalled']}
      />

      <h4 className="part-subgroup">{t('visit.skilas.mobilitas')}</h4>
      {a.chairStandUnable !== true && (
        <NumberField
          {...s.number('skilas.chairStandSeconds', t('visit.skilas.chairStand'), RANGES.chairStandSeconds)}
          unitLabel={t('visit.unit.detik')}
        />
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={a.chairStandUnable === true}
          onChange={(e) =>
            s.patch({
              'skilas.chairStandUnable': e.target.checked || undefined,
              'skilas.chairStandSeconds': e.target.checked ? undefined : a.chairStandSeconds,
            })
          }
        />
        {t('visit.skilas.chairStandUnable')}
      </label>

      <h4 className="part-subgroup">{t('visit.skilas.malnutrisi')}</h4>
      <YesNo {...s.yesNo('skilas.weightLoss', t('visit.skilas.weightLoss'))} />
      <YesNo {...s.yesNo('skilas.appetiteLoss', t('visit.skilas.appetiteLoss'))} />
      <NumberField {...s.number('skilas.lilaCm', t('visit.lila'), RANGES.lilaCm)} />

      <h4 className="part-subgroup">{t('visit.skilas.penglihatan')}</h4>
      <YesNo {...s.yesNo('skilas.eyeProblem', t('visit.skilas.eyeProblem'))} />
      {a.eyeProblem === false && (
        <YesNo {...s.yesNo('skilas.fingerCountCorrect', t('visit.skilas.fingerCount'))} labels={rightWrong} />
      )}

      <h4 className="part-subgroup">{t('visit.skilas.pendengaran')}</h4>
      <Choice
        legend={t('visit.skilas.whisper')}
        vertical
        options={WHISPER.map((w) => ({ value: w, label: t(`visit.skilas.whisper.${w}`) }))}
        value={a.whisperTest}
        onChange={(w) => s.set('skilas.whisperTest', w)}
        error={s.errors['skilas.whisperTest']}
      />

      <h4 className="part-subgroup">{t('visit.skilas.depresi')}</h4>
      <YesNo {...s.yesNo('skilas.feelingDown', t('visit.skilas.feelingDown'))} />
      <YesNo {...s.yesNo('skilas.littleInterest', t('visit.skilas.littleInterest'))} />
    </>
  )
}
