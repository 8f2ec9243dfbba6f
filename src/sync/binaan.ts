// The supervisor's reads of the wilayah binaan (docs/sync-protocol.md, "Roles and the wilayah binaan"): online
// only, with the logged-in account's token. Nothing is stored on the phone: a kecamatan's figures and names stay on
// the server, and the screen asks again when opened.
import { getSyncAuth } from '../data/sync-state'
import type { BinaanAreaResponse, BinaanResponse } from '../protocol/supervisor'
import { SyncError } from './errors'
import { request } from './transport'

async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  const auth = await getSyncAuth()
  if (!auth?.token) throw new SyncError('not-logged-in')
  return (await request<T>('GET', path, undefined, { baseUrl: auth.baseUrl, token: auth.token, signal })).body
}

/** Every area of the scope for `month` ('YYYY-MM'). */
export const fetchBinaan = (month: string, signal?: AbortSignal) =>
  get<BinaanResponse>(`/binaan?month=${month}`, signal)

/** One posyandu area's PWS for `month`, figures only. */
export const fetchBinaanArea = (areaId: string, month: string, signal?: AbortSignal) =>
  get<BinaanAreaResponse>(`/binaan/areas/${encodeURIComponent(areaId)}?month=${month}`, signal)
