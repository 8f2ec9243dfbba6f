// Nothing is "late since" a day before the person was registered in this app (clinical-rules.md §3.1). A newly
// registered child has a Buku KIA full of doses the app has never seen: what the rules would call overdue from
// before registration is, until the kader copies the book, one task "lengkapi dari Buku KIA" — not a dozen red
// lines. After the copy (a visit with place 'buku_kia'), what is still missing is truly overdue, but from the day
// the person was registered.
import { addDays } from '../dates'
import type { Bilingual } from '../text'
import { type CurrentVisits, type TaskDraft, UPCOMING_HORIZON_DAYS } from './task'
import type { ScheduleMember, ScheduleVisit, TaskRule } from './types'

/** What the Buku KIA copy settles: doses given and ANC contacts made before registration are in the book. */
const IN_BUKU_KIA: Partial<Record<TaskRule, Bilingual>> = {
  imunisasi: { id: 'imunisasi', en: 'vaccinations' },
  anc_tm1: { id: 'ANC trimester 1', en: 'ANC trimester 1' },
  anc_tm2: { id: 'ANC trimester 2', en: 'ANC trimester 2' },
  anc_tm3: { id: 'ANC trimester 3', en: 'ANC trimester 3' },
}

// A task moved to the registration day gets a week, the kader's planning horizon (task.ts), before it is overdue.
const DAYS_FROM_REGISTRATION = UPCOMING_HORIZON_DAYS - 1

const SOURCE =
  'Buku KIA (clinical-rules.md §5): riwayat imunisasi dan ANC disalin saat pendaftaran — clinical-rules.md §3.1 (project rule)'

/** The day the person was registered: the date of the member record's creation (UTC; at most a day early in WIB–WIT). */
export function registeredOn(member: ScheduleMember): string | undefined {
  return member.createdAt?.slice(0, 10)
}

/** The member's first Buku KIA copy, if any (visits oldest first). */
export function bukuKiaCopy(visits: CurrentVisits): ScheduleVisit | undefined {
  return visits.find((v) => v.place === 'buku_kia')
}

/**
 * The rules' drafts as the kader should see them: a task whose window closed before registration and is not done
 * is dropped when it can no longer be done, folded into one Buku KIA task when the book answers it and has not been
 * copied, and otherwise starts on the registration day.
 */
export function fromRegistration(
  member: ScheduleMember,
  visits: CurrentVisits,
  drafts: TaskDraft[],
): TaskDraft[] {
  const registered = registeredOn(member)
  if (registered === undefined) return drafts
  const copy = bukuKiaCopy(visits)
  const kept: TaskDraft[] = []
  const folded: Bilingual[] = []
  for (const d of drafts) {
    if (d.doneBy !== undefined || d.dueTo >= registered) {
      kept.push(d)
      continue
    }
    if (d.lastDay !== undefined && d.lastDay < registered) continue // it could no longer be done when we met them
    const label = IN_BUKU_KIA[d.rule]
    if (label && !copy) {
      if (!folded.includes(label)) folded.push(label)
      continue
    }
    d.dueFrom = registered
    d.dueTo = addDays(registered, DAYS_FROM_REGISTRATION)
    kept.push(d)
  }
  if (folded.length > 0) kept.push(bukuKiaDraft(member, registered, folded))
  else if (copy) {
    // The copy is done: listed as done for a week after it was made (task.ts toTask), when it was needed.
    const made = copy.createdAt?.slice(0, 10) ?? copy.date
    if (made >= registered) {
      const done = bukuKiaDraft(member, registered, [])
      done.doneBy = copy.id
      done.doneOn = made
      kept.push(done)
    }
  }
  return kept
}

function bukuKiaDraft(member: ScheduleMember, registered: string, what: readonly Bilingual[]): TaskDraft {
  const list = (lang: 'id' | 'en') => what.map((w) => w[lang]).join(', ')
  return {
    rule: 'buku_kia',
    member,
    reason:
      what.length === 0
        ? { id: 'Lengkapi dari Buku KIA', en: 'Copy the Buku KIA' }
        : {
            id: `Lengkapi dari Buku KIA: ${list('id')} sebelum terdaftar`,
            en: `Copy from the Buku KIA: ${list('en')} before registration`,
          },
    dueFrom: registered,
    dueTo: addDays(registered, DAYS_FROM_REGISTRATION),
    source: SOURCE,
  }
}
