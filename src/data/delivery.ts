// The persalinan record (issue 12): one action ends a woman's pregnancy and, for a live birth, registers the baby.
// In ONE rw transaction: the mother's `delivery` field (and deliveryDate, which starts nifas and the KF windows; a
// keguguran clears the HPHT instead), the baby as a member of the same household with motherId and the birth date,
// and the baby's first visit on the birth date — the birth weight and length and the time of birth, copied from
// the Buku KIA (place 'buku_kia': a record, not a meeting) — so KN1 is due at once. A refused step stores nothing.
import type { Delivery, Member, MemberInput, Relation } from '../protocol/records'
import { getDb, guardQuota } from './db'
import { saveVisit } from './visits'
import { type FieldErrors, patchMember, saveMember, type WriteResult } from './write'

export interface BabyInput {
  name: string
  sex: 'L' | 'P'
  relation: Relation
  weightKg?: number
  lengthCm?: number
}

export interface DeliveryInput {
  delivery: Delivery
  /** For a live birth: the baby to register. */
  baby?: BabyInput
}

/** The baby's relation to the head of the household, from the mother's (the Kartu Keluarga's words). */
export function babyRelation(mother: Pick<Member, 'relation'>): Relation {
  switch (mother.relation) {
    case 'kepala':
    case 'istri':
      return 'anak'
    case 'anak':
    case 'menantu':
      return 'cucu'
    default:
      return 'famili_lain'
  }
}

class Refused extends Error {
  constructor(readonly errors: FieldErrors) {
    super('refused')
  }
}

/** Records how the pregnancy ended; returns the baby when one was registered, otherwise the mother. */
export async function recordDelivery(
  motherId: string,
  input: DeliveryInput,
  opts: { now: Date; today: string; babyId: string; visitId: string; draftId?: string },
): Promise<WriteResult<Member>> {
  const { delivery } = input
  const born = delivery.outcome === 'lahir_hidup'
  if (born && !input.baby) return { ok: false, errors: { baby: { key: 'err.required' } }, warnings: {} }
  if (delivery.date > opts.today)
    return { ok: false, errors: { date: { key: 'err.deliveryDate.future' } }, warnings: {} }
  const db = getDb()
  const tables = [db.members, db.households, db.visits, db.outbox, db.meta, db.clocks, db.drafts]
  try {
    return await guardQuota(() =>
      db.transaction('rw', tables, async (): Promise<WriteResult<Member>> => {
        // A keguguran ends the pregnancy without a delivery: no nifas, no KF (clinical-rules.md §2.2).
        const ended: Partial<MemberInput> =
          delivery.outcome === 'keguguran'
            ? { delivery, hpht: undefined, deliveryDate: undefined }
            : { delivery, deliveryDate: delivery.date }
        const mother = await patchMember(motherId, ended, opts)
        if (!mother.ok) throw new Refused(mother.errors)
        if (!born || !input.baby) {
          if (opts.draftId !== undefined) await db.drafts.delete(opts.draftId)
          return mother
        }
        const { name, sex, relation, weightKg, lengthCm } = input.baby
        const baby = await saveMember(
          {
            householdId: mother.record.householdId,
            name,
            sex,
            relation,
            birthDate: delivery.date,
            motherId,
          },
          { now: opts.now, today: opts.today, saveId: opts.babyId },
        )
        if (!baby.ok) throw new Refused(prefixed('baby.', baby.errors))
        const measured = {
          ...(weightKg !== undefined ? { weightKg } : {}),
          ...(lengthCm !== undefined ? { lengthCm, position: 'lying' } : {}),
        }
        const parts = {
          ...(Object.keys(measured).length > 0 ? { balita: measured } : {}),
          ...(delivery.time ? { neonatus: { birthTime: delivery.time } } : {}),
        }
        if (Object.keys(parts).length > 0) {
          const visit = await saveVisit(
            { memberId: baby.record.id, date: delivery.date, place: 'buku_kia', parts },
            { now: opts.now, today: opts.today, saveId: opts.visitId },
          )
          if (!visit.ok) throw new Refused(prefixed('baby.', visit.errors))
        }
        if (opts.draftId !== undefined) await db.drafts.delete(opts.draftId)
        return baby
      }),
    )
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors, warnings: {} }
    throw error
  }
}

const prefixed = (prefix: string, errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, e]) => [`${prefix}${k}`, e]))
