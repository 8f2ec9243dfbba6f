// The wilayah binaan's settings from the environment (server/main.ts; docs/sync-protocol.md, "Roles and the wilayah
// binaan"): PWS_CLINICAL_SETTINGS, a JSON object of the clinical settings that differ from the cited defaults
// (src/domain/clinical-settings.ts — a phone's own settings are not synced), and PWS_UTC_OFFSET_HOURS, the zone of
// the server's "today" for overdue referrals: 7 (WIB, the default), 8 (WITA) or 9 (WIT).
import { type ClinicalSettings, DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import type { BinaanOptions } from './binaan'

export function binaanOptionsFromEnv(env: Record<string, string | undefined>): BinaanOptions {
  const options: BinaanOptions = {}
  const offset = env.PWS_UTC_OFFSET_HOURS
  if (offset) {
    if (!['7', '8', '9'].includes(offset.trim()))
      throw new Error('PWS_UTC_OFFSET_HOURS is 7 (WIB), 8 (WITA) or 9 (WIT).')
    options.utcOffsetHours = Number(offset)
  }
  if (env.PWS_CLINICAL_SETTINGS) options.settings = settingsOf(env.PWS_CLINICAL_SETTINGS)
  return options
}

/** The defaults with the given fields, each of the default's kind (a string of the same set is not checked here). */
function settingsOf(json: string): ClinicalSettings {
  let given: unknown
  try {
    given = JSON.parse(json)
  } catch {
    throw new Error('PWS_CLINICAL_SETTINGS is a JSON object, e.g. {"kbmTable":"tulip"}.')
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw new Error('PWS_CLINICAL_SETTINGS is a JSON object, e.g. {"kbmTable":"tulip"}.')
  const defaults = DEFAULT_CLINICAL_SETTINGS as unknown as Record<string, unknown>
  for (const [key, value] of Object.entries(given)) {
    const standard = defaults[key]
    const sameKind = Array.isArray(standard)
      ? Array.isArray(value) && value.length === standard.length && value.every((v) => typeof v === 'number')
      : typeof value === typeof standard
    if (!(key in defaults) || !sameKind)
      throw new Error(`PWS_CLINICAL_SETTINGS: ${key} is not a clinical setting of that kind.`)
  }
  return { ...DEFAULT_CLINICAL_SETTINGS, ...(given as Partial<ClinicalSettings>) }
}
