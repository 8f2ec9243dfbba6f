// Why the server refused a change, in the kader's words: each issue's field named by the label its form shows
// (the server's path "address.rt" reads "RT"), then the error key's message, both in the current language. An
// issue about the change itself (its id, its empty field list) gets no field name; a path no form shows stays as
// the server sent it.
import type { RejectedChange } from '../../data/sync-state'
import { type CoreKey, issueText, type KeyOf, type Lang, translate } from '../i18n'
import { referralMessages } from '../referrals/messages'
import { visitCoreMessages } from '../visits/core-messages'

type Label = (lang: Lang) => string
const core =
  (key: CoreKey): Label =>
  (lang) =>
    translate(lang, key)
const visit =
  (key: KeyOf<typeof visitCoreMessages>): Label =>
  (lang) =>
    translate(lang, key, undefined, visitCoreMessages)
const followUp =
  (key: KeyOf<typeof referralMessages>): Label =>
  (lang) =>
    translate(lang, key, undefined, referralMessages)

/** The forms' labels by record field (src/protocol/records.ts, visits.ts); a nested path takes its parent's. */
const LABELS: Record<RejectedChange['entity'], Record<string, Label>> = {
  households: {
    headName: core('household.headName'),
    noKk: core('household.noKk'),
    address: core('household.address'),
    'address.dusun': core('address.dusun'),
    'address.rt': core('address.rt'),
    'address.rw': core('address.rw'),
    'address.street': core('address.street'),
    'address.desa': core('address.desa'),
    'address.kecamatan': core('address.kecamatan'),
    'address.kabupaten': core('address.kabupaten'),
    location: core('location.title'),
  },
  members: {
    householdId: core('household.title'),
    name: core('member.name'),
    nik: core('member.nik'),
    sex: core('member.sex'),
    birthDate: core('member.birthDate'),
    relation: core('member.relation'),
    phone: core('member.phone'),
    hasKiaBook: core('member.kiaBook'),
    hpht: core('member.hpht'),
    deliveryDate: core('member.deliveryDate'),
  },
  visits: {
    memberId: core('member.title'),
    date: visit('visit.date'),
    place: visit('visit.place'),
    note: visit('visit.note'),
    'parts.balita': visit('visit.part.balita'),
    'parts.neonatus': visit('visit.part.neonatus'),
    'parts.remaja': visit('visit.part.remaja'),
    'parts.dewasa': visit('visit.part.dewasa'),
    'parts.lansia': visit('visit.part.lansia'),
    'parts.ibu_hamil': visit('visit.part.ibu_hamil'),
    'parts.nifas': visit('visit.part.nifas'),
  },
  followUps: {
    date: followUp('followUp.date'),
    outcome: followUp('referrals.outcome'),
    facility: followUp('followUp.facility'),
    result: followUp('followUp.done'),
  },
}

/** Paths about the change, not a field of the record (server/sync/apply.ts, prepare.ts). */
const ABOUT_THE_CHANGE = new Set(['changeId', 'fields'])

/** The label of the field at `path`, '' for the change itself, undefined for a path no form shows. */
export function fieldLabel(lang: Lang, entity: RejectedChange['entity'], path: string): string | undefined {
  // A field's clock ("fields.name.hlc") or its value in a change ("fields.name") is about the field itself.
  const field = path.replace(/^fields\.(?=.)/, '').replace(/\.hlc$/, '')
  if (ABOUT_THE_CHANGE.has(field)) return ''
  const parts = field.split('.')
  for (let n = parts.length; n > 0; n--) {
    const label = LABELS[entity][parts.slice(0, n).join('.')]
    if (label) return label(lang)
  }
  return undefined
}

/** Each issue as "label: message", or the reason alone when the server named no issue. */
export function refusalText(
  lang: Lang,
  change: Pick<RejectedChange, 'entity' | 'issues' | 'reason'>,
): string {
  const t = (key: CoreKey) => translate(lang, key)
  const lines = change.issues.map((issue) => {
    const message = issueText(t, issue.message)
    const label = fieldLabel(lang, change.entity, issue.path)
    return label === '' ? message : `${label ?? issue.path}: ${message}`
  })
  return lines.join('; ') || t(`sync.reject.${change.reason}`)
}
