// The visit form's screening sections, one per part; PartSection picks the one a part needs.
export { PartSection } from './PartSection'
export type { PartSectionProps, SectionMember } from './types'
