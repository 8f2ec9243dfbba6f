// One section per screening part. The visit form renders PART_SECTIONS[part] for each part the member's stage needs.
import type { ComponentType } from 'react'
import type { PartPayloads } from '../../../domain/plausibility'
import type { ScreeningPart } from '../../../domain/screening'
import { BalitaSection } from './BalitaSection'
import { DewasaSection } from './DewasaSection'
import { IbuHamilSection } from './IbuHamilSection'
import { LansiaSection } from './LansiaSection'
import { NeonatusSection } from './NeonatusSection'
import { NifasSection } from './NifasSection'
import { RemajaSection } from './RemajaSection'
import type { PartSectionProps } from './types'
import './parts.css'

export const PART_SECTIONS: { [P in ScreeningPart]: ComponentType<PartSectionProps<PartPayloads[P]>> } = {
  balita: BalitaSection,
  neonatus: NeonatusSection,
  remaja: RemajaSection,
  dewasa: DewasaSection,
  lansia: LansiaSection,
  ibu_hamil: IbuHamilSection,
  nifas: NifasSection,
}

export { PartSection } from './PartSection'
export type { PartSectionProps, SectionMember } from './types'
