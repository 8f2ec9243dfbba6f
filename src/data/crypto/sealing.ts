// How one record is stored encrypted (docs/security.md "What is encrypted"): the fields an index or a key needs stay
// in clear, every other field goes, as one JSON object, into one AES-GCM ciphertext under SEALED. A member's NIK is
// indexed by its HMAC (the blind index): the duplicate-NIK check finds it, the disk never holds it.
// The plaintext's first byte tells its format: `{` — format 1, plain JSON (database version 7); 2 — the JSON made
// smaller by compact.ts (version 8 rewrote every record in it). Both are read.
import { pack, unpack } from './compact'
import type { Bytes, DataKeys } from './keys'
import { cachedText, rememberText } from './open-cache'

/** The stored field holding the ciphertext: the 12-byte IV, then the AES-GCM output (tag included). */
export const SEALED = '$sealed'

/** Per encrypted table, the fields kept in clear; tables not named here are not encrypted. */
export const CLEAR_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  households: new Set(['id', 'workAreaId', 'deviceId']),
  members: new Set(['id', 'householdId', 'deviceId']),
  visits: new Set(['id', 'memberId', 'workAreaId', 'date', 'householdId', 'deviceId']),
  followUps: new Set(['id', 'workAreaId', 'memberId', 'householdId', 'deviceId']),
  outbox: new Set(['seq', 'recordId', 'recordIds']),
  clocks: new Set(['key']),
  conflicts: new Set(['seq', 'recordId']),
  drafts: new Set(['id']),
  meta: new Set(['key']),
}

/**
 * Meta rows kept whole in clear. The device id is random and names nobody. The map's tile server and the offline
 * area map (a PMTiles file of the area's streets, map-settings.ts) are public map data, and the file is a Blob,
 * which the JSON inside a ciphertext could not hold.
 */
const CLEAR_META_KEYS: ReadonlySet<string> = new Set(['deviceId', 'mapTiles', 'offlineAreaMap'])

/** The indexed field holding a blind index instead of its value. */
export const BLIND_INDEXES: Readonly<Record<string, string>> = { members: 'nik' }

/** The first byte of a format 2 plaintext (format 1 starts with `{`). */
const FORMAT_2 = '\u0002'
const FORMAT_2_BYTE = 2
const IV_BYTES = 12
const NO_FIELDS: ReadonlySet<string> = new Set()

const encoder = new TextEncoder()
const decoder = new TextDecoder()
// The table's name as AES-GCM's additional data: a ciphertext copied into another table does not decrypt.
const AAD: Readonly<Record<string, Bytes>> = Object.fromEntries(
  Object.keys(CLEAR_FIELDS).map((table) => [table, encoder.encode(table)]),
)
const aad = (table: string): Bytes => AAD[table] ?? encoder.encode(table)

export function isEncryptedTable(table: string): boolean {
  return table in CLEAR_FIELDS
}

export function isSealed(value: unknown): value is Record<string, unknown> & { [SEALED]: Bytes } {
  return typeof value === 'object' && value !== null && SEALED in value
}

/** Whether a value of `table` is stored as it is (a clear meta row). */
export function staysClear(table: string, value: unknown): boolean {
  return table === 'meta' && CLEAR_META_KEYS.has(String((value as { key?: unknown } | undefined)?.key))
}

/**
 * The stored forms of records written to `table` together (clear meta rows as they are), each under its own
 * random IV: one call to the random source for them all, not one per record.
 */
export function sealAll(table: string, values: readonly Record<string, unknown>[], keys: DataKeys) {
  const ivs = crypto.getRandomValues(new Uint8Array(IV_BYTES * values.length))
  return Promise.all(
    values.map((value, i) =>
      staysClear(table, value)
        ? value
        : seal(table, value, keys, ivs.subarray(i * IV_BYTES, (i + 1) * IV_BYTES)),
    ),
  )
}

/** The stored form of one record, encrypted under `iv`. */
async function seal(table: string, value: Record<string, unknown>, keys: DataKeys, iv: Bytes) {
  const clearNames = CLEAR_FIELDS[table] ?? NO_FIELDS
  const clear: Record<string, unknown> = {}
  const secret: Record<string, unknown> = {}
  for (const name in value) (clearNames.has(name) ? clear : secret)[name] = value[name]
  const blind = BLIND_INDEXES[table]
  if (blind !== undefined && typeof value[blind] === 'string')
    clear[blind] = await blindIndex(keys, value[blind] as string)
  const text = FORMAT_2 + JSON.stringify(pack(secret))
  const data = encoder.encode(text)
  rememberText(table, value.id, iv, text, keys)
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(table) },
    keys.records,
    data,
  )
  const stored = new Uint8Array(IV_BYTES + sealed.byteLength)
  stored.set(iv)
  stored.set(new Uint8Array(sealed), IV_BYTES)
  clear[SEALED] = stored
  return clear
}

/** The record from its stored form (a ciphertext that does not decrypt rejects: it is never half-read). */
export async function open(
  table: string,
  stored: Record<string, unknown> & { [SEALED]: Bytes },
  keys: DataKeys,
) {
  const bytes = stored[SEALED]
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: aad(table) },
    keys.records,
    bytes.subarray(IV_BYTES),
  )
  const text = decoder.decode(plain)
  rememberText(table, stored.id, bytes, text, keys)
  return recordOf(table, stored, text)
}

/** The record from its stored form without a decrypt, when this context still has its plaintext (open-cache.ts). */
export function openCached(
  table: string,
  stored: Record<string, unknown> & { [SEALED]: Bytes },
  keys: DataKeys,
): Record<string, unknown> | undefined {
  const text = cachedText(table, stored.id, stored[SEALED], keys)
  return text === undefined ? undefined : recordOf(table, stored, text)
}

function recordOf(table: string, stored: Record<string, unknown>, text: string): Record<string, unknown> {
  // The clear fields, then the sealed ones set onto the same object: no copies, no deleted field (which would make
  // V8 keep the object as a slow dictionary).
  const record: Record<string, unknown> = {}
  const blind = BLIND_INDEXES[table]
  for (const key in stored) if (key !== SEALED && key !== blind) record[key] = stored[key]
  if (text.charCodeAt(0) === FORMAT_2_BYTE) unpack(JSON.parse(text.slice(1)), record)
  else Object.assign(record, JSON.parse(text))
  return record
}

/** The blind index of a value: HMAC-SHA-256 under the device's index key, 128 bits, base64. */
export async function blindIndex(keys: DataKeys, value: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.index, encoder.encode(value)))
  return btoa(String.fromCharCode(...mac.subarray(0, 16)))
}
