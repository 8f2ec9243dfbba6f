// Account roles (issue 15): who records and who supervises. The server keeps them (server/roles.ts); the app shows
// the wilayah binaan to a supervisor.

/**
 * kader: records in one work area. bidan (bidan desa, pustu): also reads the areas of a desa or a list of areas;
 * puskesmas: the areas of a kecamatan; admin: every area.
 */
export const ROLES = ['kader', 'bidan', 'puskesmas', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const isSupervisor = (role: Role | undefined): boolean => role !== undefined && role !== 'kader'
