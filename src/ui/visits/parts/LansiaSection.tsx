import type { LansiaScreening } from '../../../domain/screening'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'
import { Aks } from './Aks'
import { DewasaSection } from './DewasaSection'
import { Skilas } from './Skilas'
import type { PartSectionProps } from './types'
import { useSection } from './useSection'

/** Lansia (≥ 60 y): everything of dewasa, plus SKILAS (6 domains) and AKS (10 items) (clinical-rules.md §2.5). */
export function LansiaSection(props: PartSectionProps<LansiaScreening>) {
  const t = useT(visitMessages)
  const s = useSection('lansia', props)
  return (
    <>
      <DewasaSection {...props} onChange={(next) => props.onChange({ ...props.value, ...next })} />
      <h3 className="part-group">{t('visit.skilas')}</h3>
      <Skilas s={s} />
      <h3 className="part-group">{t('visit.aks')}</h3>
      <Aks s={s} />
    </>
  )
}
