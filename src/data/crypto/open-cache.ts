// The plaintexts of household and member records this context lately sealed or opened, each with the IV of its
// ciphertext. Every seal draws a fresh random IV, so a row read again with the same IV holds the same ciphertext, and
// its plaintext is taken from here without a WebCrypto call: saving a posyandu day's visits reads their members,
// which the household list decrypted at unlock. The text, not the record, is kept: each read still builds its own
// objects. In memory only, like the keys (session.ts), and forgotten when the app locks or unlocks.
import type { DataKeys } from './keys'
import { onLockChange } from './session'

const TABLES: ReadonlySet<string> = new Set(['households', 'members'])
/** A pustu's area (≈ 5,000 households, 20,000 members) at about 0.5 KB each; the oldest go first. */
const OPEN_CACHE_MAX = 25_000

let owner: DataKeys | undefined
const texts = new Map<string, { iv: string; text: string }>()

onLockChange(forget)

function forget(): void {
  texts.clear()
  owner = undefined
}

/** The IV's 12 bytes as a short string: cheap to keep and to compare. */
const ivKey = (iv: Uint8Array): string => String.fromCharCode(...iv.subarray(0, 12))

/** The plaintext of `table`'s record `id` if its stored ciphertext (IV first) is the one it was remembered with. */
export function cachedText(
  table: string,
  id: unknown,
  sealed: Uint8Array,
  keys: DataKeys,
): string | undefined {
  if (owner !== keys || !TABLES.has(table)) return undefined
  const entry = texts.get(`${table}/${String(id)}`)
  return entry !== undefined && entry.iv === ivKey(sealed) ? entry.text : undefined
}

/** Keeps the plaintext of `table`'s record `id`, sealed under `iv`. */
export function rememberText(table: string, id: unknown, iv: Uint8Array, text: string, keys: DataKeys): void {
  if (!TABLES.has(table) || typeof id !== 'string') return
  if (owner !== keys) {
    texts.clear()
    owner = keys
  }
  const key = `${table}/${id}`
  texts.delete(key)
  if (texts.size >= OPEN_CACHE_MAX) texts.delete(texts.keys().next().value as string)
  texts.set(key, { iv: ivKey(iv), text })
}
