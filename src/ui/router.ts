// Hash routes: they work from the precached index.html offline, with no server rewrite rules.
import { useSyncExternalStore } from 'react'

export type Route =
  | { name: 'households' }
  | { name: 'household'; id: string }
  | { name: 'householdNew'; saveId?: string }
  | { name: 'householdEdit'; id: string }
  | { name: 'memberNew'; householdId: string; saveId?: string }
  | { name: 'memberEdit'; id: string }
  | { name: 'member'; id: string }
  | { name: 'visitNew'; memberId: string }
  | { name: 'drafts' }
  | { name: 'openDay'; date?: string }
  | { name: 'openDayPerson'; date: string; memberId: string }
  | { name: 'openDayWalkIn'; date: string; saveId?: string }
  | { name: 'openDayRekap'; date: string }
  | { name: 'visitCorrect'; visitId: string }
  | { name: 'referrals' }
  | { name: 'referralSlip'; memberId: string }
  | { name: 'bukuKia'; memberId: string }
  | { name: 'caseClose'; memberId: string }
  | { name: 'delivery'; memberId: string }
  | { name: 'map' }
  | { name: 'schedule' }
  | { name: 'pws'; month?: string }
  | { name: 'binaan'; month?: string }
  | { name: 'binaanArea'; areaId: string; month: string }
  | { name: 'settings'; section?: 'rejected' }
  | { name: 'notFound' }

export const paths = {
  households: () => '#/',
  household: (id: string) => `#/rumah/${id}`,
  /** A new household; `saveId` (the record's id to be) keeps the same draft across reloads. */
  householdNew: (saveId?: string) => (saveId ? `#/rumah/baru/${saveId}` : '#/rumah/baru'),
  householdEdit: (id: string) => `#/rumah/${id}/ubah`,
  memberNew: (householdId: string, saveId?: string) =>
    `#/rumah/${householdId}/anggota/baru${saveId ? `/${saveId}` : ''}`,
  memberEdit: (id: string) => `#/anggota/${id}/ubah`,
  member: (id: string) => `#/anggota/${id}`,
  visitNew: (memberId: string) => `#/anggota/${memberId}/kunjungan`,
  visitCorrect: (visitId: string) => `#/kunjungan/${visitId}/koreksi`,
  referrals: () => '#/rujukan',
  referralSlip: (memberId: string) => `#/anggota/${memberId}/surat-rujukan`,
  bukuKia: (memberId: string) => `#/anggota/${memberId}/buku-kia`,
  caseClose: (memberId: string) => `#/anggota/${memberId}/tutup-kasus`,
  delivery: (memberId: string) => `#/anggota/${memberId}/persalinan`,
  map: () => '#/peta',
  schedule: () => '#/jadwal',
  pws: (month?: string) => (month ? `#/pws/${month}` : '#/pws'),
  /** The supervisor's wilayah binaan, for `month` ('YYYY-MM'; this month when absent). */
  binaan: (month?: string) => (month ? `#/binaan/${month}` : '#/binaan'),
  binaanArea: (areaId: string, month: string) => `#/binaan/${month}/${encodeURIComponent(areaId)}`,
  /** `rejected`: opens at "Perlu diperbaiki", the changes the server refused. */
  settings: (section?: 'rejected') => (section ? '#/pengaturan/ditolak' : '#/pengaturan'),
  drafts: () => '#/draf',
  /** The open day of `date`; today's when absent. */
  openDay: (date?: string) => (date ? `#/posyandu/${date}` : '#/posyandu'),
  openDayPerson: (date: string, memberId: string) => `#/posyandu/${date}/orang/${memberId}`,
  openDayWalkIn: (date: string, saveId?: string) => `#/posyandu/${date}/daftar${saveId ? `/${saveId}` : ''}`,
  openDayRekap: (date: string) => `#/posyandu/${date}/rekap`,
}

// A save id is the new record's id: a UUID, as the record schemas require (a mangled link opens a fresh form).
const isSaveId = (s: string | undefined): s is string =>
  s !== undefined && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s)

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean)
  const [a, b, c, d, e] = parts
  if (parts.length === 0) return { name: 'households' }
  if (a === 'pengaturan' && parts.length === 1) return { name: 'settings' }
  if (a === 'pengaturan' && b === 'ditolak' && parts.length === 2)
    return { name: 'settings', section: 'rejected' }
  if (a === 'rumah' && b === 'baru' && parts.length === 2) return { name: 'householdNew' }
  if (a === 'rumah' && b === 'baru' && isSaveId(c) && parts.length === 3)
    return { name: 'householdNew', saveId: c }
  if (a === 'rumah' && b && parts.length === 2) return { name: 'household', id: b }
  if (a === 'rumah' && b && c === 'ubah' && parts.length === 3) return { name: 'householdEdit', id: b }
  if (a === 'rumah' && b && c === 'anggota' && d === 'baru' && parts.length === 4)
    return { name: 'memberNew', householdId: b }
  if (a === 'rumah' && b && c === 'anggota' && d === 'baru' && isSaveId(e) && parts.length === 5)
    return { name: 'memberNew', householdId: b, saveId: e }
  if (a === 'anggota' && b && c === 'ubah' && parts.length === 3) return { name: 'memberEdit', id: b }
  if (a === 'anggota' && b && parts.length === 2) return { name: 'member', id: b }
  if (a === 'anggota' && b && c === 'kunjungan' && parts.length === 3)
    return { name: 'visitNew', memberId: b }
  if (a === 'anggota' && b && c === 'surat-rujukan' && parts.length === 3)
    return { name: 'referralSlip', memberId: b }
  if (a === 'anggota' && b && c === 'buku-kia' && parts.length === 3) return { name: 'bukuKia', memberId: b }
  if (a === 'anggota' && b && c === 'tutup-kasus' && parts.length === 3)
    return { name: 'caseClose', memberId: b }
  if (a === 'anggota' && b && c === 'persalinan' && parts.length === 3)
    return { name: 'delivery', memberId: b }
  if (a === 'kunjungan' && b && c === 'koreksi' && parts.length === 3)
    return { name: 'visitCorrect', visitId: b }
  if (a === 'rujukan' && parts.length === 1) return { name: 'referrals' }
  if (a === 'draf' && parts.length === 1) return { name: 'drafts' }
  if (a === 'posyandu') return openDayRoute(parts.slice(1))
  if (a === 'peta' && parts.length === 1) return { name: 'map' }
  if (a === 'jadwal' && parts.length === 1) return { name: 'schedule' }
  if (a === 'pws' && parts.length === 1) return { name: 'pws' }
  if (a === 'pws' && b && /^\d{4}-\d{2}$/.test(b) && parts.length === 2) return { name: 'pws', month: b }
  if (a === 'binaan' && parts.length === 1) return { name: 'binaan' }
  if (a === 'binaan' && b && /^\d{4}-\d{2}$/.test(b) && parts.length === 2)
    return { name: 'binaan', month: b }
  if (a === 'binaan' && b && /^\d{4}-\d{2}$/.test(b) && c && parts.length === 3) {
    const areaId = decoded(c)
    return areaId === undefined ? { name: 'notFound' } : { name: 'binaanArea', month: b, areaId }
  }
  return { name: 'notFound' }
}

/** A path segment decoded; undefined when mangled (a lone %). */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

const isDate = (s: string | undefined): s is string => s !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(s)

function openDayRoute([date, step, id, ...rest]: string[]): Route {
  if (date === undefined) return { name: 'openDay' }
  if (!isDate(date) || rest.length > 0) return { name: 'notFound' }
  if (step === undefined) return { name: 'openDay', date }
  if (step === 'orang' && id) return { name: 'openDayPerson', date, memberId: id }
  if (step === 'daftar' && id === undefined) return { name: 'openDayWalkIn', date }
  if (step === 'daftar' && isSaveId(id)) return { name: 'openDayWalkIn', date, saveId: id }
  if (step === 'rekap' && id === undefined) return { name: 'openDayRekap', date }
  return { name: 'notFound' }
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return parseRoute(hash)
}

export function navigate(path: string, opts: { replace?: boolean } = {}) {
  if (opts.replace) window.location.replace(path)
  else window.location.hash = path
}
