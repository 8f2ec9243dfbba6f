import type { ComponentType } from 'react'
import type { ScreeningPart } from '../../../domain/screening'
import { PART_SECTIONS } from './index'
import type { PartSectionProps } from './types'

type Payload = Record<string, unknown>

/**
 * PART_SECTIONS[part] for a part known only at run time, whose payload is the visit's stored JSON object: spares the
 * caller the cast a union of section types needs.
 */
export function PartSection({ part, ...props }: { part: ScreeningPart } & PartSectionProps<Payload>) {
  const Section = PART_SECTIONS[part] as unknown as ComponentType<PartSectionProps<Payload>>
  return <Section {...props} />
}
