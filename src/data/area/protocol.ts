// Messages between the page and the area worker.
export type AreaJob =
  | { kind: 'schedule'; workAreaId: string; today: string }
  | { kind: 'pws'; workAreaId: string; month: string }

export interface AreaRequest {
  id: number
  job: AreaJob
}

/**
 * What a committed write changed (Dexie's storagemutated parts), forwarded by the page: on the worker's own port it
 * arrives before any request the write led to, which Dexie's broadcast to the worker does not promise.
 */
export interface AreaChanged {
  changed: Record<string, unknown>
}

export type AreaResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
