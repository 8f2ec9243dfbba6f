// The wilayah binaan API (docs/sync-protocol.md, "Roles and the wilayah binaan"): a supervisor's overview of the
// areas in her scope (roles.ts), one area's PWS, the puskesmas' CSV and the FHIR bulk export, and the devices'
// outbox reports. The scope is read on every request; a kader's token is refused (403 not-supervisor), and an area
// outside the scope is not found. Names are sent only for the areas in scope. Nothing here writes a record. The
// figures are served from the database (figures-db.ts) once up to date; only areas whose records or inputs changed
// are computed again (store.ts reads the changes, compute.ts the households they touched).
import { type ClinicalSettings, DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import { type BulkInput, type BulkResourceType, bulkNdjson } from '../../src/domain/fhir'
import { type PwsTargets, puskesmasCsv } from '../../src/domain/pws'
import type { Lang } from '../../src/domain/text'
import type {
  AreaSummary,
  BinaanAreaResponse,
  BinaanResponse,
  DeviceStatus,
  KaderSync,
  QualityFlag,
} from '../../src/protocol/supervisor'
import type { WorkAreaInfo } from '../../src/protocol/wire'
import type { Session } from '../accounts'
import type { Database } from '../db'
import { ApiError } from '../http'
import { areasInScope } from '../roles'
import { areaOfWorkArea, desaKey } from '../scope'
import { targetsOfAreas } from '../targets'
import { type AreaCard, AreaFigures, type AreaPage, cardAndPage, inputOf, named } from './compute'
import {
  type Computed,
  duplicateNiks,
  inputsKey,
  type StoredFigures,
  storedCards,
  storedPages,
  storeFigures,
  storeNiks,
} from './figures-db'
import { type AreaRecords, AreaStore } from './store'

export interface BinaanOptions {
  /**
   * The clinical settings the figures are computed with (docs/sync-protocol.md, "Roles and the wilayah binaan"): a
   * phone's own settings are not synced, so the server's are the defaults unless the deployment sets them.
   */
  settings?: ClinicalSettings
  /**
   * The server's "today" for overdue referrals, in hours ahead of UTC: posyandu days are counted in WIB (UTC+7),
   * where most kaders are; a deployment in WITA or WIT sets 8 or 9.
   */
  utcOffsetHours?: number
}

/** WIB (UTC+7). */
export const DEFAULT_UTC_OFFSET_HOURS = 7

export function binaanService(db: Database, now: () => number, opts: BinaanOptions = {}) {
  const settings = opts.settings ?? DEFAULT_CLINICAL_SETTINGS
  const offsetMs = (opts.utcOffsetHours ?? DEFAULT_UTC_OFFSET_HOURS) * 3_600_000
  const store = new AreaStore(db)
  const figures = new AreaFigures(settings)
  const settingsKey = inputsKey(settings)
  const today = () => new Date(now() + offsetMs).toISOString().slice(0, 10)
  /** The records' version each area's month was stored at by this process, and its NIKs'. */
  const written = new Map<string, { version: number; inputs: string }>()
  const niksWritten = new Map<string, number>()
  /** NIKs in two areas of a scope, found again only when one of its areas' desa sequences moved. */
  let duplicates: { key: string; found: Awaited<ReturnType<typeof duplicateNiks>> } | undefined
  const duplicatesIn = async (ids: readonly string[], stored: ReadonlyMap<string, StoredFigures>) => {
    const key = ids.map((id) => `${id}:${stored.get(id)?.lastSeq ?? 'new'}`).join('\n')
    if (duplicates?.key === key) return duplicates.found
    const found = await duplicateNiks(db, ids)
    if (!key.includes(':new')) duplicates = { key, found }
    return found
  }

  // One update at a time: two requests reading the same area's changes at once could store an older record last.
  let queue: Promise<unknown> = Promise.resolve()
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const done = queue.then(work)
    queue = done.catch(() => undefined)
    return done
  }

  const scope = (session: Session) => supervisedAreas(db, session)

  /** What an area's month depends on besides its records: its bounds, targets, the settings, the current month. */
  const inputsOf = (area: WorkAreaInfo, targets: PwsTargets) =>
    inputsKey([area, targets, settingsKey, today().slice(0, 7)])
  const fresh = (stored: StoredFigures | undefined, inputs: string) =>
    stored !== undefined && stored.desaSeq >= stored.lastSeq && stored.inputs === inputs

  /**
   * Brings the areas' month up to date in the database: the records of the areas not up to date are read (only what
   * changed since this process last read them), and an area is computed again only when its records or inputs
   * changed — then only the households its changes touched (compute.ts).
   */
  function update(
    areas: readonly WorkAreaInfo[],
    month: string,
    targets: ReadonlyMap<string, PwsTargets>,
    stored: ReadonlyMap<string, StoredFigures>,
  ): Promise<Map<string, { card: AreaCard; page: AreaPage }>> {
    if (areas.length === 0) return Promise.resolve(new Map())
    return serially(() => updateNow(areas, month, targets, stored))
  }

  async function updateNow(
    areas: readonly WorkAreaInfo[],
    month: string,
    targets: ReadonlyMap<string, PwsTargets>,
    stored: ReadonlyMap<string, StoredFigures>,
  ): Promise<Map<string, { card: AreaCard; page: AreaPage }>> {
    const computed = new Map<string, { card: AreaCard; page: AreaPage }>()
    const rows: Computed[] = []
    for (const records of await store.recordsOf(areas)) {
      const { area } = records
      const areaTargets = targets.get(area.id) ?? {}
      const inputs = inputsOf(area, areaTargets)
      const key = `${area.id}\n${month}`
      const row = { areaId: area.id, desaKey: desaKey(areaOfWorkArea(area)), desaSeq: records.seq, inputs }
      const last = written.get(key)
      // Its records did not change since this process stored it: only the sequence number it includes moves on.
      if (
        last?.version === records.version &&
        last.inputs === inputs &&
        stored.get(area.id)?.inputs === inputs
      ) {
        rows.push(row)
        continue
      }
      const current = today().slice(0, 7)
      const sum = figures.month(records, month)
      const result = cardAndPage(
        records,
        sum,
        current === month ? sum : figures.month(records, current),
        areaTargets,
      )
      computed.set(area.id, result)
      rows.push({ ...row, ...result })
      written.set(key, { version: records.version, inputs })
      if (niksWritten.get(area.id) !== records.peopleVersion) {
        await storeNiks(db, area.id, niksOf(records))
        niksWritten.set(area.id, records.peopleVersion)
      }
      // An area's first computation holds the CPU for a second or more: let the kaders' syncs in between.
      await new Promise((ok) => setImmediate(ok))
    }
    await storeFigures(db, month, rows, new Date(now()))
    return computed
  }

  /** The areas' pages of the month, from the database once up to date. */
  async function pagesOf(areas: readonly WorkAreaInfo[], month: string): Promise<Map<string, AreaPage>> {
    const ids = areas.map((a) => a.id)
    const [stored, targets] = await Promise.all([
      storedPages(db, ids, month),
      targetsOfAreas(db, ids, Number(month.slice(0, 4))),
    ])
    const stale = areas.filter((a) => !fresh(stored.get(a.id), inputsOf(a, targets.get(a.id) ?? {})))
    const computed = await update(stale, month, targets, stored)
    return new Map(
      areas.map((a) => [a.id, computed.get(a.id)?.page ?? (stored.get(a.id)?.value as AreaPage)]),
    )
  }

  return {
    /** A device's outbox after a sync run. */
    async reportStatus(session: Session, status: DeviceStatus): Promise<void> {
      await db.query(
        `INSERT INTO device_status (token_id, pending, rejected, reported_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (token_id) DO UPDATE SET pending = $2, rejected = $3, reported_at = $4`,
        [session.tokenId, status.pending, status.rejected, new Date(now())],
      )
    },

    /** Every area's card: read from the database; the areas whose records or inputs changed are computed first. */
    async overview(
      session: Session,
      month = today().slice(0, 7),
    ): Promise<Omit<BinaanResponse, 'serverTime'>> {
      const areas = await scope(session)
      const ids = areas.map((a) => a.id)
      const [stored, targets, kaders] = await Promise.all([
        storedCards(db, ids, month),
        targetsOfAreas(db, ids, Number(month.slice(0, 4))),
        kadersOf(db, ids),
      ])
      const stale = areas.filter((a) => !fresh(stored.get(a.id), inputsOf(a, targets.get(a.id) ?? {})))
      const computed = await update(stale, month, targets, stored)
      const duplicates = await duplicatesIn(ids, stored)
      const day = today()
      const summaries = areas.map((area): AreaSummary => {
        // Every area is computed now or stored up to date.
        const all = computed.get(area.id)?.card ?? (stored.get(area.id)?.value as AreaCard)
        const { openDue, quality, ...card } = all
        return {
          area,
          kaders: kaders.get(area.id) ?? [],
          ...card,
          overdue: openDue.filter((due) => day > due).length,
          quality: { ...quality, duplicateNik: duplicates.filter((d) => d.who.areaId === area.id).length },
        }
      })
      return { month, role: session.user.role ?? 'kader', areas: summaries }
    },

    async area(session: Session, areaId: string, month = today().slice(0, 7)) {
      const areas = await scope(session)
      const area = areas.find((a) => a.id === areaId)
      if (!area) throw new ApiError(404, 'not-found', 'No such area in your wilayah binaan.')
      // Every area of the scope up to date first: a NIK of another area is as its records are now.
      const ids = areas.map((a) => a.id)
      const [stored, targets] = await Promise.all([
        storedCards(db, ids, month),
        targetsOfAreas(db, ids, Number(month.slice(0, 4))),
      ])
      const stale = areas.filter(
        (a) => a.id !== areaId && !fresh(stored.get(a.id), inputsOf(a, targets.get(a.id) ?? {})),
      )
      await update(stale, month, targets, stored)
      const page = (await pagesOf([area], month)).get(areaId) as AreaPage
      const day = today()
      const quality: QualityFlag[] = page.quality.filter((q) => q.kind === 'implausible')
      for (const d of await duplicatesIn(ids, stored))
        if (d.who.areaId === areaId)
          quality.push({ ...d.who, kind: 'duplicateNik', detail: d.otherAreaIds.join(', ') })
      quality.push(...page.quality.filter((q) => q.kind === 'noGps'))
      const body: Omit<BinaanAreaResponse, 'serverTime'> = {
        area,
        report: page.report,
        indicators: page.indicators,
        overdue: page.open.filter((o) => day > o.dueTo),
        quality,
      }
      return body
    },

    /** Every figure of every area in scope, one block of rows per area (src/domain/pws/puskesmas-csv.ts). */
    async csv(session: Session, month = today().slice(0, 7), lang: Lang = 'id') {
      const areas = await scope(session)
      const pages = await pagesOf(areas, month)
      const rows = areas.map((area) => {
        const { report, indicators } = pages.get(area.id) as AreaPage
        return { name: areaLabel(area), report: { ...report, register: [] }, indicators }
      })
      const home = session.workArea
      return { month, text: puskesmasCsv(`${home.kecamatan} (${home.kabupaten})`, month, rows, lang) }
    },

    /** The FHIR R4 bulk export of one resource type, every area of the scope (src/domain/fhir). */
    async fhir(session: Session, type: BulkResourceType): Promise<string> {
      const areas = await scope(session)
      let text = ''
      for (const records of await serially(() => store.recordsOf(areas)))
        text += bulkNdjson({ ...inputOf(records), settings } as unknown as BulkInput)[type]
      return text
    },
  }
}
export type BinaanService = ReturnType<typeof binaanService>

/** The areas the session's account supervises, read now; a kader's account is refused. */
export async function supervisedAreas(db: Database, session: Session): Promise<WorkAreaInfo[]> {
  const areas = await areasInScope(db, session.user.id)
  if (areas.length === 0)
    throw new ApiError(403, 'forbidden', 'The wilayah binaan is for supervisors.', 'not-supervisor')
  return areas
}

/** The area's live members with a NIK, named. */
function niksOf(records: AreaRecords) {
  const niks = []
  for (const m of records.members.values()) {
    if (m.deleted || typeof m.nik !== 'string' || !m.nik) continue
    const household = records.households.get(String(m.householdId))
    if (!household || household.deleted) continue
    const who = named(records, { memberId: m.id })
    if (who) niks.push({ nik: m.nik, who: { ...who, memberId: m.id } })
  }
  return niks
}

/** An area as a puskesmas sheet names it: its desa and what narrows it, then its id. */
export function areaLabel(a: WorkAreaInfo): string {
  const parts = [a.desa, a.dusun, a.rw && `RW ${a.rw}`, a.rt && `RT ${a.rt}`].filter(Boolean)
  return `${parts.join(' ')} (${a.id})`
}

/** Each area's kaders with their devices' latest report; an older app that never reports: its last request. */
async function kadersOf(db: Database, areaIds: readonly string[]): Promise<Map<string, KaderSync[]>> {
  const rows = await db.query<{
    username: string
    display_name: string
    work_area_id: string
    reported_at: Date | string | null
    last_used: Date | string | null
    pending: number | null
    rejected: number | null
  }>(
    `SELECT u.username, u.display_name, u.work_area_id, s.reported_at, s.pending, s.rejected,
       (SELECT max(COALESCE(t.last_used_at, t.created_at)) FROM tokens t WHERE t.user_id = u.id) AS last_used
     FROM users u
     LEFT JOIN LATERAL (
       SELECT d.reported_at, d.pending, d.rejected FROM tokens t JOIN device_status d ON d.token_id = t.id
       WHERE t.user_id = u.id ORDER BY d.reported_at DESC LIMIT 1
     ) s ON true
     WHERE u.role = 'kader' AND NOT u.disabled AND u.work_area_id IN (SELECT jsonb_array_elements_text($1::jsonb))
     ORDER BY u.username`,
    [JSON.stringify(areaIds)],
  )
  const byArea = new Map<string, KaderSync[]>()
  for (const r of rows) {
    const when = r.reported_at ?? r.last_used
    const list = byArea.get(r.work_area_id) ?? []
    list.push({
      username: r.username,
      name: r.display_name,
      lastSync: when === null ? null : new Date(when).toISOString(),
      pending: r.pending,
      rejected: r.rejected,
    })
    byArea.set(r.work_area_id, list)
  }
  return byArea
}
