// The wilayah binaan's routes under /api/v1 (binaan.ts does the work). The month, the area id and the resource
// type are the only things in a URL: never a name, a NIK or a value, since the request log records paths.
import type { Hono } from 'hono'
import { BULK_RESOURCE_TYPES, type BulkResourceType } from '../../src/domain/fhir'
import { deviceStatusRequest, MONTH_RE } from '../../src/protocol/supervisor'
import type { Session } from '../accounts'
import { ApiError, readJsonBody } from '../http'
import type { BinaanService } from './binaan'

type Env = { Variables: { session?: Session } }

/** A device status report is two numbers. */
const MAX_STATUS_BYTES = 1024

export function binaanRoutes(
  api: Hono<Env>,
  binaan: BinaanService,
  sessionOf: (c: { get(key: 'session'): Session | undefined }) => Session,
  serverTime: () => string,
) {
  api.post('/status', async (c) => {
    const parsed = deviceStatusRequest.safeParse(await readJsonBody(c.req.raw, MAX_STATUS_BYTES))
    if (!parsed.success) throw new ApiError(400, 'bad-request', 'Send { pending, rejected }.')
    await binaan.reportStatus(sessionOf(c), parsed.data)
    return c.json({ serverTime: serverTime() })
  })

  api.get('/binaan', async (c) =>
    c.json({
      ...(await binaan.overview(sessionOf(c), month(c.req.query('month')))),
      serverTime: serverTime(),
    }),
  )

  api.get('/binaan/areas/:id', async (c) =>
    c.json({
      ...(await binaan.area(sessionOf(c), c.req.param('id'), month(c.req.query('month')))),
      serverTime: serverTime(),
    }),
  )

  api.get('/binaan/pws.csv', async (c) => {
    const lang = c.req.query('lang') === 'en' ? 'en' : 'id'
    const csv = await binaan.csv(sessionOf(c), month(c.req.query('month')), lang)
    c.header('Content-Disposition', `attachment; filename="pws-puskesmas-${csv.month}.csv"`)
    return c.body(csv.text, 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })

  api.get('/binaan/fhir/:type', async (c) => {
    const type = c.req.param('type').replace(/\.ndjson$/, '')
    if (!(BULK_RESOURCE_TYPES as readonly string[]).includes(type))
      throw new ApiError(404, 'not-found', `FHIR resource types: ${BULK_RESOURCE_TYPES.join(', ')}.`)
    const ndjson = await binaan.fhir(sessionOf(c), type as BulkResourceType)
    return c.body(ndjson, 200, { 'Content-Type': 'application/fhir+ndjson' })
  })
}

function month(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  if (!MONTH_RE.test(raw)) throw new ApiError(400, 'bad-request', 'month is YYYY-MM.')
  return raw
}
