// The checks of a pushed change that need no database: its shape, its field names, its text (no NUL, no lone
// surrogate: the database refuses them), its values against the entity's schemas, and its stamps.
import { checkDrift, HlcError, parseHlc } from '../../src/protocol/hlc'
import { UUID_RE, unstorableTextAt } from '../../src/protocol/records'
import {
  type Change,
  type ChangeResult,
  change as changeSchema,
  type FieldChange,
  type Issue,
  SYNCED_ENTITIES,
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

/**
 * zod's parse options: every issue is err.invalid unless the schema names its own key. Made once: a function made
 * per call is also named per call (tsx's keepNames), a cost on every change and field.
 */
export const INVALID = { error: () => 'err.invalid' }

/** A stamp's check: usable, too far from the server's clock, or malformed. */
function checkStamp(hlc: string, nowMs: number): 'ok' | 'skewed' | 'bad' {
  try {
    checkDrift(parseHlc(hlc), nowMs)
    return 'ok'
  } catch (error) {
    return error instanceof HlcError && error.reason === 'clock-drift' ? 'skewed' : 'bad'
  }
}

const ENTITIES: ReadonlySet<unknown> = new Set(SYNCED_ENTITIES)
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype

/**
 * The change as zod's `change` schema gives it, for a change that plainly passes it (what phones send); undefined
 * for anything else, which zod then parses and words the issues of. A third of prepare's time went to zod here.
 */
export function plainChange(raw: unknown): Change | undefined {
  if (!isPlain(raw)) return undefined
  const { changeId, entity, recordId, fields } = raw
  if (typeof changeId !== 'string' || !UUID_RE.test(changeId)) return undefined
  if (typeof recordId !== 'string' || !UUID_RE.test(recordId) || !ENTITIES.has(entity)) return undefined
  if (!isPlain(fields)) return undefined
  const out: Record<string, FieldChange> = {}
  for (const name of Object.keys(fields)) {
    const field = fields[name]
    // zod requires the key `value` present, whatever it holds.
    if (name === '__proto__' || !isPlain(field) || !('value' in field) || typeof field.hlc !== 'string')
      return undefined
    out[name] = { value: field.value, hlc: field.hlc }
  }
  return { changeId, entity: entity as SyncedEntity, recordId, fields: out }
}

export function prepare(raw: unknown, nowMs: number): Prepared | Rejection {
  let c = plainChange(raw)
  if (!c) {
    const rawId = (raw as { changeId?: unknown } | null)?.changeId
    const parsed = changeSchema.safeParse(raw, INVALID)
    if (!parsed.success)
      return reject(typeof rawId === 'string' ? rawId : null, 'invalid', issuesOf(parsed.error))
    c = parsed.data
  }
  const schemas = ENTITY_RULES[c.entity].fields
  const issues: Issue[] = []
  const fields: Record<string, FieldChange> = {}
  let skewed = false
  // The fields of a change usually share one stamp: each distinct one is checked once.
  const stamps = new Map<string, 'ok' | 'skewed' | 'bad'>()
  if (Object.keys(c.fields).length === 0) issues.push({ path: 'fields', message: 'err.required' })
  for (const [name, { value, hlc }] of Object.entries(c.fields)) {
    const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined
    if (!schema) {
      issues.push({ path: `fields.${name}`, message: 'err.field.unknown' })
      continue
    }
    const stamp = stamps.get(hlc) ?? checkStamp(hlc, nowMs)
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
    const result = schema.safeParse(value ?? undefined, INVALID)
    if (result.success) fields[name] = { value: result.data ?? null, hlc }
    else issues.push(...issuesOf(result.error, name))
  }
  if (issues.length > 0) return reject(c.changeId, 'invalid', issues)
  if (skewed) return reject(c.changeId, 'clock-skew')
  return { changeId: c.changeId, entity: c.entity, recordId: c.recordId, fields }
}
