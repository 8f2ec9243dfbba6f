// Messages between the page and the area worker.
export type AreaJob =
  | { kind: 'schedule'; workAreaId: string; today: string }
  | { kind: 'pws'; workAreaId: string; month: string }

export interface AreaRequest {
  id: number
  job: AreaJob
}

export type AreaResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
