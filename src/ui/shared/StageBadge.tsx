import type { LifeStage, Overlay } from '../../domain/lifecycle'
import { useT } from '../i18n'

// A letter code beside the word, so a stage is never told by colour alone.
const SHORT: Record<LifeStage | Overlay, string> = {
  bayi_baru_lahir: 'BBL',
  bayi: 'By',
  balita: 'Bl',
  prasekolah: 'Ap',
  usia_sekolah_remaja: 'R',
  dewasa: 'D',
  lansia: 'L',
  ibu_hamil: 'H',
  ibu_nifas: 'N',
}

/** The letter code alone, beside its name written out (the household list's legend). */
export function StageCode({ stage }: { stage: LifeStage | Overlay }) {
  return (
    <span className={`badge badge-${stage}`} aria-hidden="true">
      {SHORT[stage]}
    </span>
  )
}

export function StageBadge({ stage, compact = false }: { stage: LifeStage | Overlay; compact?: boolean }) {
  const t = useT()
  const name = t(`stage.${stage}`)
  return (
    <span className={`badge badge-${stage}`} title={name}>
      {compact ? (
        <>
          <span aria-hidden="true">{SHORT[stage]}</span>
          <span className="visually-hidden">{name}</span>
        </>
      ) : (
        name
      )}
    </span>
  )
}
