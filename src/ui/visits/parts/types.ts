import type { FieldErrors } from '../../../data/validation'
import type { SharedItem } from '../asked-once'

/** The member as a section reads them, at the visit date. */
export interface SectionMember {
  /** 'YYYY-MM-DD' */
  birthDate: string
  sex: 'L' | 'P'
  /** Visit date − birth date, in days. */
  ageDays: number
  hpht?: string
  deliveryDate?: string
}

export interface PartSectionProps<P> {
  /** The part's payload so far (all optional fields). */
  value: P
  onChange: (next: P) => void
  member: SectionMember
  /** 'YYYY-MM-DD' */
  visitDate: string
  /** Keyed by field path inside the part, e.g. 'weightKg', 'puma.cigarettesPerDay'. */
  errors: FieldErrors
  /** Fields whose extreme value the kader confirmed. */
  confirmed: ReadonlySet<string>
  onConfirm: (field: string, yes: boolean) => void
  /** What another part of this visit asks instead (asked-once.ts): the section leaves it out. */
  askedElsewhere?: ReadonlySet<SharedItem>
}
