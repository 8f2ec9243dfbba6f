// The clinical settings where sources disagree (src/domain/clinical-settings.ts), kept per device in the meta table
// under 'clinicalSettings'. A stored value that no longer parses falls back to the cited defaults, reported.
import * as z from 'zod/mini'
import { type ClinicalSettings, DEFAULT_CLINICAL_SETTINGS } from '../domain/clinical-settings'
import { reportInvalidRow } from './data-issues'
import { getDb, guardQuota } from './db'

const KEY = 'clinicalSettings'
const count = z.int().check(z.gte(0), z.lte(10))

export const clinicalSettings = z.object({
  kbmTable: z.enum(['kms', 'tulip']),
  ancPerTrimester: z.tuple([count, count, count]),
  ancTrimesterStartWeeks: z.tuple([z.int().check(z.gte(10), z.lte(16)), z.int().check(z.gte(20), z.lte(30))]),
  pumaReferAt: z.int().check(z.gte(1), z.lte(9)),
  mentalHealthTool: z.enum(['srq20', 'phq2gad2']),
  srq20ReferAt: z.int().check(z.gte(1), z.lte(20)),
  dewormingPerYear: z.union([z.literal(1), z.literal(2)]),
})

export async function getClinicalSettings(): Promise<ClinicalSettings> {
  const row = await getDb().meta.get(KEY)
  if (row === undefined) return DEFAULT_CLINICAL_SETTINGS
  const parsed = clinicalSettings.safeParse({ ...DEFAULT_CLINICAL_SETTINGS, ...(row.value as object) })
  if (parsed.success) return parsed.data
  reportInvalidRow('meta', KEY, [...new Set(parsed.error.issues.map((i) => i.path.join('.')))])
  return DEFAULT_CLINICAL_SETTINGS
}

export async function saveClinicalSettings(settings: ClinicalSettings): Promise<void> {
  const value = clinicalSettings.parse(settings)
  await guardQuota(() => getDb().meta.put({ key: KEY, value }))
}
