// The plaintext of a sealed record in format 2 (sealing.ts): JSON, made smaller before it is encrypted, because a
// ciphertext cannot be compressed by the browser's storage as clear records are. Two substitutions, each
// undone exactly by `unpack`:
//   - a key the app knows (KEYS) becomes `~` and one or two characters; a key of its own that starts with `~` gets
//     another `~` in front;
//   - a string of 8 or more characters seen earlier in the same record (createdAt and updatedAt; the field clocks'
//     stamps, usually one per record) becomes `~` and its number in order of first appearance; a string that
//     starts with `~` gets another `~` in front.
// Both sides walk objects in enumeration order, which JSON keeps, so the numbering agrees.

/** Keys as the app writes them. APPEND ONLY: a key's position is its code in every record already stored. */
const KEYS = `
  createdAt updatedAt deviceId version deleted householdId workAreaId date memberId place parts kader weightKg
  systolicMmHg diastolicMmHg heightCm smoking waistCm tbcSymptoms balita lengthCm position oedema lansia dewasa armCm
  name sex birthDate relation nik gdsMgDl headCm antigen dose pus kbMethod skilas orientationTimeCorrect
  orientationPlaceCorrect wordsRecalled chairStandSeconds weightLoss appetiteLoss eyeProblem whisperTest feelingDown
  littleInterest phone remaja headName address kabupaten kecamatan desa dusun rw rt note vitaminA immunizations noKk
  aks bab bak makan mandi berpindah mobilitas asiEksklusif obatCacing location lat lng accuracyM capturedAt
  temperatureC street hbGdl ttdTakenThisWeek dangerSigns ibu_hamil lilaCm ttdTabletsTotal ttdAvailable
  ttdTakenLast24h ancContacts byDoctor neonatus knVisits contact deliveryDate hpht hlcs base value reason reportedOn
  time outcome attendant nikMismatchConfirmed hasKiaBook motherId delivery closure changeId entity recordId recordIds
  changedFields at rejected issues message field localHlc remoteHlc winner kind label values id kaderName posyandu
`
  .trim()
  .split(/\s+/)

/** 62 one-character codes, then 62 × 62 two-character ones (after `_`): room for every key the app will add. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const codeOf = (n: number): string =>
  n < 62 ? `~${DIGITS[n]}` : `~_${DIGITS[Math.floor((n - 62) / 62)]}${DIGITS[(n - 62) % 62]}`
const numberOf = (code: string): number =>
  code[1] === '_'
    ? 62 + DIGITS.indexOf(code[2] as string) * 62 + DIGITS.indexOf(code[3] as string)
    : DIGITS.indexOf(code[1] as string)

const KEY_CODES: ReadonlyMap<string, string> = new Map(KEYS.map((key, i) => [key, codeOf(i)]))
/** Strings shorter than this are written out again: a reference would save little. */
const MIN_SHARED = 8
const ESCAPE = '~'

/** The value as it goes into the ciphertext (JSON-serialisable, as the record is). */
export function pack(value: unknown): unknown {
  const seen = new Map<string, string>()
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (v.length >= MIN_SHARED) {
        const ref = seen.get(v)
        if (ref !== undefined) return ref
        seen.set(v, codeOf(seen.size))
      }
      return v.startsWith(ESCAPE) ? ESCAPE + v : v
    }
    if (typeof v !== 'object' || v === null) return v
    if (Array.isArray(v)) return v.map(walk)
    // As JSON.stringify does (a Date becomes its ISO string).
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function')
      return walk((v as { toJSON(): unknown }).toJSON())
    const out: Record<string, unknown> = {}
    for (const key in v) {
      const field = (v as Record<string, unknown>)[key]
      // JSON leaves out undefined fields: so does this, before they take a string's number.
      if (field === undefined) continue
      out[KEY_CODES.get(key) ?? (key.startsWith(ESCAPE) ? ESCAPE + key : key)] = walk(field)
    }
    return out
  }
  return walk(value)
}

/** The value `pack` was given, from its JSON-parsed form; its fields are set onto `into` when given. */
export function unpack(packed: unknown, into?: Record<string, unknown>): unknown {
  const strings: string[] = []
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (v.startsWith(ESCAPE)) {
        if (v[1] !== ESCAPE) return strings[numberOf(v)]
        v = v.slice(1)
      }
      if ((v as string).length >= MIN_SHARED) strings.push(v as string)
      return v
    }
    if (typeof v !== 'object' || v === null) return v
    if (Array.isArray(v)) return v.map(walk)
    return fields(v as Record<string, unknown>, {})
  }
  const fields = (v: Record<string, unknown>, out: Record<string, unknown>) => {
    for (const key in v) {
      const name = key.startsWith(ESCAPE) ? (key[1] === ESCAPE ? key.slice(1) : KEYS[numberOf(key)]) : key
      out[name as string] = walk(v[key])
    }
    return out
  }
  if (into && typeof packed === 'object' && packed !== null && !Array.isArray(packed))
    return fields(packed as Record<string, unknown>, into)
  return walk(packed)
}
