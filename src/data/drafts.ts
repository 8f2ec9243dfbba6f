// Drafts (db.ts table `drafts`): what the kader typed in a registration or visit form and has not saved yet, kept
// as she types so that Back, a reload, an app update or Android killing the tab loses nothing. Device-local: a
// draft never syncs and never enters the outbox. A save deletes its draft in the save's own transaction
// (write.ts, visits.ts `draftId`), so a saved form never comes back as a draft.
import * as z from 'zod/mini'
import { id, isoDateTime } from '../protocol/records'
import { getDb, guardQuota } from './db'
import { validRows } from './read'

export const DRAFT_KINDS = ['household', 'member', 'visit', 'walkIn'] as const
export type DraftKind = (typeof DRAFT_KINDS)[number]

export const draft = z.object({
  /** The form's key (draftKeys below): one draft per new form, per edited record, per member's visit. */
  id: z.string().check(z.minLength(1)),
  kind: z.enum(DRAFT_KINDS),
  /** The hash route that opens the form again with this draft. */
  path: z.string().check(z.regex(/^#\//)),
  /** What the Draf list names it by: the name typed so far, or the member's. */
  label: z.optional(z.string()),
  /** The id the save will give a new record, made when the form first opened: a repeated save stores it once. */
  saveId: z.optional(id),
  /** The form's own values; each form checks them when it resumes (an older app version may have written them). */
  values: z.record(z.string(), z.unknown()),
  updatedAt: isoDateTime,
})
export type Draft = z.infer<typeof draft>

/** The keys of the forms' drafts. */
export const draftKeys = {
  householdNew: (saveId: string) => `household:new:${saveId}`,
  householdEdit: (householdId: string) => `household:${householdId}`,
  memberNew: (saveId: string) => `member:new:${saveId}`,
  memberEdit: (memberId: string) => `member:${memberId}`,
  /** A member's next visit: opening "Catat kunjungan" again resumes it. */
  visit: (memberId: string) => `visit:${memberId}`,
  correction: (visitId: string) => `correction:${visitId}`,
  /** A member's Buku KIA copy (ui/bukukia): one per member, like the next visit. */
  bukuKia: (memberId: string) => `buku-kia:${memberId}`,
  /** Closing a member's case, and a pregnant woman's persalinan record: one of each per member. */
  caseClose: (memberId: string) => `case:${memberId}`,
  delivery: (memberId: string) => `delivery:${memberId}`,
  /** A person's measurement screen at the open day of `date`. */
  measure: (date: string, memberId: string) => `measure:${date}:${memberId}`,
  walkIn: (saveId: string) => `walk-in:${saveId}`,
}

export async function getDraft(key: string): Promise<Draft | undefined> {
  const row = await getDb().drafts.get(key)
  return row === undefined ? undefined : validRows(draft, 'drafts', [row])[0]
}

export async function putDraft(value: Draft): Promise<void> {
  const db = getDb()
  await guardQuota(() => db.drafts.put(value))
}

export async function deleteDraft(key: string): Promise<void> {
  await getDb().drafts.delete(key)
}

/** Every draft, the most recently edited first (a kader has a handful at most). */
export async function listDrafts(): Promise<Draft[]> {
  const rows = validRows(draft, 'drafts', await getDb().drafts.toArray())
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}
