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

/** One section per screening part: the visit form renders one for each part the member's stage needs. */
const PART_SECTIONS: { [P in ScreeningPart]: ComponentType<PartSectionProps<PartPayloads[P]>> } = {
  balita: BalitaSection,
  neonatus: NeonatusSection,
  remaja: RemajaSection,
  dewasa: DewasaSection,
  lansia: LansiaSection,
  ibu_hamil: IbuHamilSection,
  nifas: NifasSection,
}

type Payload = Record<string, unknown>

/**
 * The section of a part known only at run time, whose payload is the visit's stored JSON object: spares the caller
 * the cast a union of section types needs.
 */
export function PartSection({ part, ...props }: { part: ScreeningPart } & PartSectionProps<Payload>) {
  const Section = PART_SECTIONS[part] as unknown as ComponentType<PartSectionProps<Payload>>
  return <Section {...props} />
}
