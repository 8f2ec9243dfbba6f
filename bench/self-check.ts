// Self-check of the generator: every generated record must pass the app's own zod schemas (the ones the app and
// the reference server validate with), so that the benchmark measures records the app would really hold.
import { household, member } from '../src/protocol/records'
import { visit } from '../src/protocol/visits'
import type { Dataset } from './generate'

export interface CheckResult {
  checked: number
  invalid: number
  /** The first few problems: table, id and the failing paths. */
  problems: string[]
}

export function selfCheck(data: Dataset): CheckResult {
  const result: CheckResult = { checked: 0, invalid: 0, problems: [] }
  const tables = [
    ['households', household, data.households],
    ['members', member, data.members],
    ['visits', visit, data.visits],
  ] as const
  for (const [table, schema, rows] of tables) {
    for (const row of rows) {
      result.checked += 1
      const parsed = schema.safeParse(row)
      if (parsed.success) continue
      result.invalid += 1
      if (result.problems.length < 5) {
        const paths = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
        result.problems.push(`${table} ${row.id}: ${paths.join('; ')}`)
      }
    }
  }
  const ids = new Set<string>()
  for (const rows of [data.households, data.members, data.visits])
    for (const row of rows) {
      if (ids.has(row.id)) {
        result.invalid += 1
        if (result.problems.length < 5) result.problems.push(`duplicate id ${row.id}`)
      }
      ids.add(row.id)
    }
  return result
}
