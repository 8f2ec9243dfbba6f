// The vault: one random 256-bit secret per account on the device, kept only wrapped (AES-GCM) — by the key derived
// from the kader's PIN and, once the server has given one, by the account's recovery key for this device. Unwrapped,
// the secret is a non-extractable HKDF key from which the two working keys are derived: AES-GCM for the records
// and HMAC-SHA-256 for the blind NIK index (middleware.ts). None of them is ever stored or exportable; the
// extractable form of the secret exists only for the moment of re-wrapping it (a new PIN, a recovery key).

/** A secret wrapped by one key-encryption key: AES-GCM, 96-bit random IV, the tag appended to the bytes. */
export interface Wrapped {
  iv: Bytes
  bytes: Bytes
}

/** Bytes WebCrypto accepts (TypeScript's Uint8Array may otherwise sit on a SharedArrayBuffer). */
export type Bytes = Uint8Array<ArrayBuffer>

/** What the records are encrypted with while the app is unlocked: held in memory only (session.ts). */
export interface DataKeys {
  /** AES-GCM 256: every record's personal and health fields. */
  records: CryptoKey
  /** HMAC-SHA-256: the blind NIK index (the duplicate-NIK check finds a NIK without it being stored). */
  index: CryptoKey
}

/** The wrong PIN or recovery key: AES-GCM refused to unwrap (the tag did not match). */
export class WrongKeyError extends Error {
  override readonly name = 'WrongKeyError'
}

const RECORDS_INFO = new TextEncoder().encode('kader-ilp records v1')
const INDEX_INFO = new TextEncoder().encode('kader-ilp nik-index v1')
// HKDF over a uniformly random secret needs no salt (RFC 5869 §3.1); the info strings separate the two keys.
const NO_SALT = new Uint8Array(32)

/** A new random secret, wrapped by `kek`. */
export async function newSecret(kek: CryptoKey): Promise<Wrapped> {
  const secret = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt'])
  return wrapSecret(secret, kek)
}

async function wrapSecret(secret: CryptoKey, kek: CryptoKey): Promise<Wrapped> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const bytes = new Uint8Array(await crypto.subtle.wrapKey('raw', secret, kek, { name: 'AES-GCM', iv }))
  return { iv, bytes }
}

/** The working keys, or WrongKeyError when `kek` is not the key that wrapped the secret. */
export async function openSecret(wrapped: Wrapped, kek: CryptoKey): Promise<DataKeys> {
  let master: CryptoKey
  try {
    master = await crypto.subtle.unwrapKey(
      'raw',
      wrapped.bytes,
      kek,
      { name: 'AES-GCM', iv: wrapped.iv },
      'HKDF',
      false,
      ['deriveKey'],
    )
  } catch (error) {
    throw wrongKey(error)
  }
  const hkdf = (info: Uint8Array) => ({ name: 'HKDF', hash: 'SHA-256', salt: NO_SALT, info })
  const [records, index] = await Promise.all([
    crypto.subtle.deriveKey(hkdf(RECORDS_INFO), master, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
    crypto.subtle.deriveKey(hkdf(INDEX_INFO), master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
      'sign',
    ]),
  ])
  return { records, index }
}

/** The same secret wrapped by another key (a new PIN; the server's recovery key); `kek` must open `wrapped`. */
export async function rewrapSecret(wrapped: Wrapped, kek: CryptoKey, next: CryptoKey): Promise<Wrapped> {
  let secret: CryptoKey
  try {
    secret = await crypto.subtle.unwrapKey(
      'raw',
      wrapped.bytes,
      kek,
      { name: 'AES-GCM', iv: wrapped.iv },
      'AES-GCM',
      true,
      ['encrypt'],
    )
  } catch (error) {
    throw wrongKey(error)
  }
  return wrapSecret(secret, next)
}

/** A recovery key as the server sends it (32 random bytes), as a key-encryption key. */
export function importRecoveryKey(raw: Bytes): Promise<CryptoKey> {
  if (raw.byteLength !== 32) throw new RangeError('A recovery key is 32 bytes')
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['wrapKey', 'unwrapKey'])
}

// WebCrypto says only OperationError when the tag does not match: that is the wrong key, anything else is not.
function wrongKey(error: unknown): unknown {
  return error instanceof DOMException && error.name === 'OperationError'
    ? new WrongKeyError('The key does not open this vault', { cause: error })
    : error
}
