// The puskesmas' annual targets per area (sasaran proyeksi and target percent, issue 15 item 1), read and set from
// the wilayah binaan. Any supervisor reads the targets of an area in her scope; only a puskesmas or an admin sets
// them, for the areas in scope. The figures see a new target at once: it is one of their inputs (binaan.ts).
import type { Hono } from 'hono'
import { type AreaTargetsResponse, setTargetRequest } from '../../src/protocol/supervisor'
import type { Session } from '../accounts'
import { AccountError } from '../admin'
import type { Database } from '../db'
import { ApiError, readJsonBody } from '../http'
import { listTargets, setTarget } from '../targets'
import { supervisedAreas } from './binaan'

type Env = { Variables: { session?: Session } }

const MAX_TARGET_BYTES = 1024
const EDITORS: readonly string[] = ['puskesmas', 'admin']

export function targetRoutes(
  api: Hono<Env>,
  db: Database,
  sessionOf: (c: { get(key: 'session'): Session | undefined }) => Session,
  thisYear: () => number,
) {
  const areaInScope = async (session: Session, areaId: string) => {
    if (!(await supervisedAreas(db, session)).some((a) => a.id === areaId))
      throw new ApiError(404, 'not-found', 'No such area in your wilayah binaan.')
  }

  api.get('/binaan/areas/:id/targets', async (c) => {
    const session = sessionOf(c)
    const areaId = c.req.param('id') ?? ''
    await areaInScope(session, areaId)
    const raw = c.req.query('year')
    if (raw !== undefined && !/^\d{4}$/.test(raw)) throw new ApiError(400, 'bad-request', 'year is YYYY.')
    const year = raw === undefined ? thisYear() : Number(raw)
    const body: AreaTargetsResponse = {
      year,
      canEdit: EDITORS.includes(session.user.role ?? 'kader'),
      targets: (await listTargets(db, areaId, year)).map(({ indicator, sasaran, percent }) => ({
        indicator,
        sasaran,
        percent,
      })),
    }
    return c.json(body)
  })

  api.post('/binaan/areas/:id/targets', async (c) => {
    const session = sessionOf(c)
    const areaId = c.req.param('id') ?? ''
    await areaInScope(session, areaId)
    if (!EDITORS.includes(session.user.role ?? 'kader'))
      throw new ApiError(403, 'forbidden', 'Only the puskesmas sets the annual targets.', 'not-puskesmas')
    const parsed = setTargetRequest.safeParse(await readJsonBody(c.req.raw, MAX_TARGET_BYTES))
    if (!parsed.success) throw new ApiError(400, 'bad-request', 'Send { year, indicator, sasaran, percent }.')
    const { year, indicator, sasaran, percent } = parsed.data
    try {
      await setTarget(db, {
        areaId,
        year,
        indicator,
        ...(sasaran === null ? {} : { sasaran }),
        ...(percent === null ? {} : { percent }),
      })
    } catch (error) {
      if (error instanceof AccountError) throw new ApiError(400, 'bad-request', error.message)
      throw error
    }
    return c.json({ ok: true })
  })
}
