// The open day's inputs. Structural: the stored records (protocol/records.ts Member, protocol/visits.ts Visit)
// satisfy them as they are, since src/domain may not import src/data.
import type { VisitPayloadParts } from '../visit-findings'

export interface OpenDayMember {
  id: string
  householdId: string
  /** 'YYYY-MM-DD' */
  birthDate: string
  sex: 'L' | 'P'
  hpht?: string
  deliveryDate?: string
  deleted?: boolean
  /** A closed case: not expected from its date. */
  closure?: { date: string }
}

export interface OpenDayVisit {
  id: string
  memberId: string
  /** 'YYYY-MM-DD' */
  date: string
  place: 'posyandu' | 'rumah' | 'buku_kia'
  createdAt: string
  parts: VisitPayloadParts
  /** Langkah 1: registered at the posyandu's table. */
  checkedIn?: boolean
  /** Langkah 4: services given that the parts have no field for (services.ts). */
  services?: readonly string[]
  /** Langkah 5: penyuluhan topics (topics.ts). */
  topics?: readonly string[]
}
