// Record ids are made on the device, offline: UUID v7 (RFC 9562) — 48 bits of Unix milliseconds, then random bits —
// so ids from different phones never collide and sort by creation time.
export function uuidv7(nowMs: number = Date.now()): string {
  return uuidv7s(1, nowMs)[0] as string
}

const TWO_32 = 2 ** 32
/** getRandomValues fills at most 65,536 bytes per call. */
const WORDS_PER_DRAW = 16_384

/**
 * `count` ids of one moment, ascending (RFC 9562 §6.2 method 2, monotonic random): the first id's random bits are
 * drawn, each next adds a random 32-bit step to them, so a batch costs one draw of random words, not one per id.
 */
export function uuidv7s(count: number, nowMs: number = Date.now()): string[] {
  const words = new Uint32Array(count + 2)
  for (let i = 0; i < words.length; i += WORDS_PER_DRAW)
    crypto.getRandomValues(words.subarray(i, i + WORDS_PER_DRAW))
  const time = nowMs.toString(16).padStart(12, '0')
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-7`
  // The 74 random bits as hi (42) and lo (32); hi's top bit starts clear, so the steps never carry out of them.
  let hi = ((words[0] as number) & 0x1ff) * TWO_32 + (words[1] as number)
  let lo = 0
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    lo += (words[i + 2] as number) + 1
    if (lo >= TWO_32) {
      lo -= TWO_32
      hi += 1
    }
    const randA = Math.floor(hi / 2 ** 30) // 12 bits
    const randB = hi % 2 ** 30 // the top 30 of rand_b's 62
    ids.push(
      `${prefix}${hex(randA, 3)}-${hex(0x8000 | (randB >>> 16), 4)}-${hex((randB & 0xffff) * TWO_32 + lo, 12)}`,
    )
  }
  return ids
}

const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0')
