// The wilayah binaan API (docs/sync-protocol.md, "Roles and the wilayah binaan"): a supervisor's overview of the
// areas in her scope (roles.ts), one area's PWS, the puskesmas' CSV and the FHIR bulk export, and the devices'
// outbox reports. The scope is read on every request; a kader's token is refused (403 not-supervisor), and an area
// outside the scope is not found. Names are sent only for the areas in scope. Nothing here writes a record.
import { type BulkInput, type BulkResourceType, bulkNdjson } from '../../src/domain/fhir'
import {
  type AreaPeople,
  type DuplicateNik,
  niksInSeveralAreas,
  type PwsTargets,
  puskesmasCsv,
} from '../../src/domain/pws'
import type { Lang } from '../../src/domain/text'
import type {
  AreaSummary,
  BinaanAreaResponse,
  BinaanResponse,
  DeviceStatus,
  KaderSync,
  OverdueReferral,
  QualityFlag,
} from '../../src/protocol/supervisor'
import type { WorkAreaInfo } from '../../src/protocol/wire'
import type { Session } from '../accounts'
import type { Database } from '../db'
import { ApiError } from '../http'
import { areasInScope } from '../roles'
import { targetsOf, targetsOfAreas } from '../targets'
import { AreaFigures, figuresOnly, inputOf, named, yearIndicators } from './compute'
import { type AreaRecords, AreaStore } from './store'

/** Posyandu days are counted in WIB (UTC+7), where most kaders are: the server's "today" for overdue referrals. */
const WIB_OFFSET_MS = 7 * 3_600_000

export function binaanService(db: Database, now: () => number) {
  const store = new AreaStore(db)
  const figures = new AreaFigures()
  const today = () => new Date(now() + WIB_OFFSET_MS).toISOString().slice(0, 10)

  const scope = async (session: Session): Promise<WorkAreaInfo[]> => {
    const areas = await areasInScope(db, session.user.id)
    if (areas.length === 0)
      throw new ApiError(403, 'forbidden', 'The wilayah binaan is for supervisors.', 'not-supervisor')
    return areas
  }

  const yearOf = (month: string) => Number(month.slice(0, 4))
  const monthOf = async (records: AreaRecords, month: string, targets?: PwsTargets) =>
    figures.month(records, month, targets ?? (await targetsOf(db, records.area.id, yearOf(month))), today())
  /** Overdue referrals come with the current month's figures: computed once when that is the month shown. */
  const todayOf = async (records: AreaRecords, month: string, targets: PwsTargets) => {
    const day = today()
    const sameYear = yearOf(day) === yearOf(month)
    return figures.today(records, day, sameYear ? targets : await targetsOf(db, records.area.id, yearOf(day)))
  }

  /** NIKs registered in two areas of the scope, found again only when one of the areas' records changed. */
  let duplicates: { key: string; found: DuplicateNik[] } | undefined
  const duplicatesIn = (all: readonly AreaRecords[]): DuplicateNik[] => {
    const key = all.map((r) => `${r.area.id}:${r.version}`).join('\n')
    if (duplicates?.key !== key)
      duplicates = {
        key,
        found: niksInSeveralAreas(
          all.map((r) => ({
            areaId: r.area.id,
            households: [...r.households.values()],
            members: [...r.members.values()] as unknown as AreaPeople['members'],
          })),
        ),
      }
    return duplicates.found
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

    async overview(
      session: Session,
      month = today().slice(0, 7),
    ): Promise<Omit<BinaanResponse, 'serverTime'>> {
      const areas = await scope(session)
      const all = await store.recordsOf(areas)
      const ids = areas.map((a) => a.id)
      const [kaders, targets] = await Promise.all([
        kadersOf(db, ids),
        targetsOfAreas(db, ids, Number(month.slice(0, 4))),
      ])
      const duplicate = duplicatesIn(all)
      const summaries: AreaSummary[] = []
      for (const records of all) {
        const areaTargets = targets.get(records.area.id) ?? {}
        const { report, indicators, implausible } = await monthOf(records, month, areaTargets)
        const due = await todayOf(records, month, areaTargets)
        const s = report.skdn
        summaries.push({
          area: records.area,
          kaders: kaders.get(records.area.id) ?? [],
          households: report.households.value,
          month: {
            S: s.S.value,
            K: s.K.value,
            D: s.D.value,
            N: s.N.value,
            DS: s.ratios.DS.value,
            ND: s.ratios.ND.value,
            visits: report.visits.total.value,
            referralsOpen: report.referrals.open.value,
          },
          year: yearIndicators(indicators),
          overdue: due.overdue.length,
          quality: {
            implausible: implausible.length,
            duplicateNik: duplicate.filter((d) => d.areaId === records.area.id).length,
            noGps: due.noGps.length,
          },
        })
        // An area's first computation holds the CPU for a second or more: let the kaders' syncs in between.
        await new Promise((ok) => setImmediate(ok))
      }
      return { month, role: session.user.role ?? 'kader', areas: summaries }
    },

    async area(session: Session, areaId: string, month = today().slice(0, 7)) {
      const areas = await scope(session)
      const area = areas.find((a) => a.id === areaId)
      if (!area) throw new ApiError(404, 'not-found', 'No such area in your wilayah binaan.')
      const all = await store.recordsOf(areas)
      const records = all.find((r) => r.area.id === areaId) as AreaRecords
      const areaTargets = await targetsOf(db, areaId, yearOf(month))
      const { report, indicators, implausible } = await monthOf(records, month, areaTargets)
      const due = await todayOf(records, month, areaTargets)
      const overdue: OverdueReferral[] = []
      for (const o of due.overdue) {
        const who = named(records, { memberId: o.memberId })
        if (who)
          overdue.push({
            ...who,
            problem: o.problem,
            openedOn: o.openedOn,
            dueTo: o.dueTo,
            urgency: o.urgency,
          })
      }
      const quality: QualityFlag[] = []
      const flag = (kind: QualityFlag['kind'], who: ReturnType<typeof named>, detail?: string) => {
        if (who) quality.push({ ...who, kind, ...(detail === undefined ? {} : { detail }) })
      }
      for (const i of implausible) flag('implausible', named(records, { memberId: i.memberId }), i.date)
      for (const d of duplicatesIn(all))
        if (d.areaId === areaId)
          flag('duplicateNik', named(records, { memberId: d.memberId }), d.otherAreaIds.join(', '))
      for (const h of due.noGps) flag('noGps', named(records, { householdId: h }))
      const figuresOnlyPart: Pick<BinaanAreaResponse, 'report' | 'indicators'> = figuresOnly({
        report,
        indicators,
      })
      const body: Omit<BinaanAreaResponse, 'serverTime'> = { area, ...figuresOnlyPart, overdue, quality }
      return body
    },

    /** Every figure of every area in scope, one block of rows per area (src/domain/pws/puskesmas-csv.ts). */
    async csv(session: Session, month = today().slice(0, 7), lang: Lang = 'id') {
      const areas = await scope(session)
      const rows = []
      for (const records of await store.recordsOf(areas)) {
        const { report, indicators } = await monthOf(records, month)
        rows.push({ name: areaLabel(records.area), report, indicators })
      }
      const home = session.workArea
      return { month, text: puskesmasCsv(`${home.kecamatan} (${home.kabupaten})`, month, rows, lang) }
    },

    /** The FHIR R4 bulk export of one resource type, every area of the scope (src/domain/fhir). */
    async fhir(session: Session, type: BulkResourceType): Promise<string> {
      const areas = await scope(session)
      let text = ''
      for (const records of await store.recordsOf(areas))
        text += bulkNdjson(inputOf(records) as unknown as BulkInput)[type]
      return text
    },
  }
}
export type BinaanService = ReturnType<typeof binaanService>

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
