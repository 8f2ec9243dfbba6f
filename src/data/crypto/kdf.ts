// The PIN's key derivation: Argon2id through hash-wasm (WebAssembly), chosen by measurement (docs/security.md
// "Key derivation"). This module is only imported by the unlock and PIN screens' code, so the WASM never weighs on
// the first screen.
import { argon2id } from 'hash-wasm'
import type { Bytes } from './keys'

/** Argon2id's cost, stored with the vault so that a later, dearer setting still opens an older vault. */
export interface KdfParams {
  alg: 'argon2id'
  salt: Bytes
  /** Memory in KiB. */
  memoryKiB: number
  iterations: number
  parallelism: number
}

/**
 * OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): 354–477 ms at 4× CPU throttle in Chromium
 * (docs/security.md), inside the 1 s unlock budget; more memory (46 MiB) took 400–850 ms, 64 MiB ≥ 880 ms.
 */
export const DEFAULT_KDF = { alg: 'argon2id', memoryKiB: 19_456, iterations: 2, parallelism: 1 } as const

export function newKdfParams(cost: Omit<KdfParams, 'salt'> = DEFAULT_KDF): KdfParams {
  return { ...cost, salt: crypto.getRandomValues(new Uint8Array(16)) }
}

/** The key that wraps the vault's secret, from the PIN or passphrase: AES-GCM, usable only to wrap and unwrap. */
export async function derivePinKey(pin: string, params: KdfParams): Promise<CryptoKey> {
  const derived = await argon2id({
    password: pin.normalize('NFC'),
    salt: params.salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  })
  const bytes = new Uint8Array(derived)
  try {
    return await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['wrapKey', 'unwrapKey'])
  } finally {
    bytes.fill(0)
    derived.fill(0)
  }
}
