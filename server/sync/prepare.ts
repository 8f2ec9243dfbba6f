// The checks of a pushed change that need no database: its shape, its field names, its text (no NUL, no lone
// surrogate: the database refuses them), its values against the entity's schemas, and its stamps.
import { checkDrift, HlcError, parseHlc } from '../../src/protocol/hlc'
import { unstorableTextAt } from '../../src/protocol/records'
import {
  type ChangeResult,
  change as changeSchema,
  type FieldChange,
  type Issue,
  type SyncedEntity,
} from '../../src/protocol/wire'
import { ENTITY_RULES } from './entities'
import { issuesOf } from './rows'

export interface Prepared {
  changeId: string
  entity: SyncedEntity
  recordId: string
  fields: Record<string, FieldChange>
}

export type Rejection = Extract<ChangeResult, { status: 'rejected' }>

export const reject = (
  changeId: string | null,
  reason: Rejection['reason'],
  issues: Issue[] = [],
): Rejection => ({ changeId, status: 'rejected', reason, issues })

export function prepare(raw: unknown, nowMs: number): Prepared | Rejection {
  const rawId = (raw as { changeId?: unknown } | null)?.changeId
  const parsed = changeSchema.safeParse(raw, { error: () => 'err.invalid' })
  if (!parsed.success)
    return reject(typeof rawId === 'string' ? rawId : null, 'invalid', issuesOf(parsed.error))
  const c = parsed.data
  const schemas = ENTITY_RULES[c.entity].fields
  const issues: Issue[] = []
  const fields: Record<string, FieldChange> = {}
  let skewed = false
  // The fields of a change usually share one stamp: each distinct one is checked once.
  const stamps = new Map<string, 'ok' | 'skewed' | 'bad'>()
  const checkStamp = (hlc: string) => {
    try {
      checkDrift(parseHlc(hlc), nowMs)
      return 'ok'
    } catch (error) {
      return error instanceof HlcError && error.reason === 'clock-drift' ? 'skewed' : 'bad'
    }
  }
  if (Object.keys(c.fields).length === 0) issues.push({ path: 'fields', message: 'err.required' })
  for (const [name, { value, hlc }] of Object.entries(c.fields)) {
    const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined
    if (!schema) {
      issues.push({ path: `fields.${name}`, message: 'err.field.unknown' })
      continue
    }
    const stamp = stamps.get(hlc) ?? checkStamp(hlc)
    stamps.set(hlc, stamp)
    if (stamp !== 'ok') {
      if (stamp === 'skewed') skewed = true
      else issues.push({ path: `fields.${name}.hlc`, message: 'err.hlc' })
      continue
    }
    // Before the schema: text the database cannot store must be refused here, never reach a query.
    const badText = unstorableTextAt(value, [name])
    if (badText) {
      issues.push({ path: badText.join('.'), message: 'err.text.badChar' })
      continue
    }
    // null clears a field, which only an optional field allows.
    const result = schema.safeParse(value ?? undefined, { error: () => 'err.invalid' })
    if (result.success) fields[name] = { value: result.data ?? null, hlc }
    else issues.push(...issuesOf(result.error, name))
  }
  if (issues.length > 0) return reject(c.changeId, 'invalid', issues)
  if (skewed) return reject(c.changeId, 'clock-skew')
  return { changeId: c.changeId, entity: c.entity, recordId: c.recordId, fields }
}
