// The supervisor's reads of the wilayah binaan (docs/sync-protocol.md, "Roles and the wilayah binaan"): online
// only, with the logged-in account's token. Nothing is stored on the phone: a kecamatan's figures and names stay on
// the server, and the screen asks again when opened.
import { getSyncAuth } from '../data/sync-state'
import type {
  AreaTargetsResponse,
  BinaanAreaResponse,
  BinaanResponse,
  SetTargetRequest,
} from '../protocol/supervisor'
import { API_PREFIX } from '../protocol/wire'
import { SyncError } from './errors'
import { request } from './transport'

/**
 * The server computes an area's month the first time anyone asks for it (≈ 1 s per posyandu area on a loaded 2-core
 * server; bench:binaan), then stores it; a sync request's 30 s would give up on that first answer, so these reads
 * wait up to two minutes. Later answers take a second or less.
 */
const BINAAN_TIMEOUT_MS = 120_000

/** A call with the logged-in account's token; `body` makes it a POST. */
async function call<T>(path: string, signal?: AbortSignal, body?: unknown): Promise<T> {
  const auth = await getSyncAuth()
  if (!auth?.token) throw new SyncError('not-logged-in')
  const options = { baseUrl: auth.baseUrl, token: auth.token, signal, timeoutMs: BINAAN_TIMEOUT_MS }
  return (await request<T>(body === undefined ? 'GET' : 'POST', path, body, options)).body
}
const get = <T>(path: string, signal?: AbortSignal) => call<T>(path, signal)

/** The overview asked for when the supervisor tapped its link, while the screen's code is still loading. */
let ahead: { month: string; at: number; answer: Promise<BinaanResponse> } | undefined
/** An answer asked for ahead is taken by the screen that opens within this long; later the screen asks again. */
const AHEAD_MS = 10_000

/** Asks for the overview of `month` now: the tap on "Wilayah binaan" need not wait for the screen to load. */
export function askBinaanAhead(month: string): void {
  const answer = get<BinaanResponse>(`/binaan?month=${month}`)
  // A failure is the screen's to show, when it takes the answer.
  answer.catch(() => undefined)
  ahead = { month, at: Date.now(), answer }
}

/** Every area of the scope for `month` ('YYYY-MM'): the answer asked for ahead, if any, else asked now. */
export function fetchBinaan(month: string, signal?: AbortSignal): Promise<BinaanResponse> {
  const early = ahead
  ahead = undefined
  if (early?.month === month && Date.now() - early.at < AHEAD_MS) return early.answer
  return get<BinaanResponse>(`/binaan?month=${month}`, signal)
}

/** One posyandu area's PWS for `month`, figures only. */
export const fetchBinaanArea = (areaId: string, month: string, signal?: AbortSignal) =>
  get<BinaanAreaResponse>(`/binaan/areas/${encodeURIComponent(areaId)}?month=${month}`, signal)

/** The annual targets entered for an area's `year`, and whether this account may set them. */
export const fetchTargets = (areaId: string, year: number, signal?: AbortSignal) =>
  get<AreaTargetsResponse>(`/binaan/areas/${encodeURIComponent(areaId)}/targets?year=${year}`, signal)

/** Sets (or, with both values null, removes) one indicator's annual target of an area: puskesmas and admin only. */
export async function saveTarget(areaId: string, target: SetTargetRequest): Promise<void> {
  await call(`/binaan/areas/${encodeURIComponent(areaId)}/targets`, undefined, target)
}

/**
 * The puskesmas' CSV of every figure by posyandu for `month`, as a file to save. Not JSON, so not through request():
 * a failure is 'offline' when nothing answered, else the server's status as 'server' or 'forbidden'.
 */
export async function fetchBinaanCsv(month: string, lang: 'id' | 'en'): Promise<Blob> {
  const auth = await getSyncAuth()
  if (!auth?.token) throw new SyncError('not-logged-in')
  const url = `${auth.baseUrl.replace(/\/+$/, '')}${API_PREFIX}/binaan/pws.csv?month=${month}&lang=${lang}`
  let res: Response
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${auth.token}` } })
  } catch (error) {
    throw new SyncError('offline', { cause: error })
  }
  if (res.status === 401) throw new SyncError('unauthorized', { status: 401 })
  if (res.status === 403) throw new SyncError('forbidden', { status: 403 })
  if (!res.ok) throw new SyncError('server', { status: res.status })
  return res.blob()
}
