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
const UNDERSCORE = 95
/** A digit's value by its char code: a table, not `indexOf` along DIGITS, for every code of every record read. */
const DIGIT_VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i
const digit = (code: string, at: number): number => DIGIT_VALUE[code.charCodeAt(at)] ?? -1
const numberOf = (code: string): number =>
  code.charCodeAt(1) === UNDERSCORE ? 62 + digit(code, 2) * 62 + digit(code, 3) : digit(code, 1)
/** The codes of the first references, made once (most records have a few). */
const REF_CODES: readonly string[] = Array.from({ length: 62 }, (_, i) => codeOf(i))
const refCode = (n: number): string => REF_CODES[n] ?? codeOf(n)

const KEY_CODES: ReadonlyMap<string, string> = new Map(KEYS.map((key, i) => [key, codeOf(i)]))
/** Strings shorter than this are written out again: a reference would save little. */
const MIN_SHARED = 8
const ESCAPE = '~'
const ESCAPE_CODE = 126
const escaped = (s: string): boolean => s.charCodeAt(0) === ESCAPE_CODE

/** The value as it goes into the ciphertext (JSON-serialisable, as the record is). */
export function pack(value: unknown): unknown {
  return packed(value, new Map())
}

function packed(v: unknown, seen: Map<string, string>): unknown {
  if (typeof v === 'string') {
    if (v.length >= MIN_SHARED) {
      const ref = seen.get(v)
      if (ref !== undefined) return ref
      seen.set(v, refCode(seen.size))
    }
    return escaped(v) ? ESCAPE + v : v
  }
  if (typeof v !== 'object' || v === null) return v
  if (Array.isArray(v)) return v.map((item) => packed(item, seen))
  // As JSON.stringify does (a Date becomes its ISO string).
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function')
    return packed((v as { toJSON(): unknown }).toJSON(), seen)
  const out: Record<string, unknown> = {}
  for (const key in v) {
    const field = (v as Record<string, unknown>)[key]
    // JSON leaves out undefined fields: so does this, before they take a string's number.
    if (field === undefined) continue
    out[KEY_CODES.get(key) ?? (escaped(key) ? ESCAPE + key : key)] = packed(field, seen)
  }
  return out
}

/** The value `pack` was given, from its JSON-parsed form; its fields are set onto `into` when given. */
export function unpack(packed: unknown, into?: Record<string, unknown>): unknown {
  const strings: string[] = []
  if (into && typeof packed === 'object' && packed !== null && !Array.isArray(packed))
    return fields(packed as Record<string, unknown>, into, strings)
  return unpacked(packed, strings)
}

function unpacked(v: unknown, strings: string[]): unknown {
  if (typeof v === 'string') {
    if (escaped(v)) {
      if (v.charCodeAt(1) !== ESCAPE_CODE) return strings[numberOf(v)]
      v = v.slice(1)
    }
    if ((v as string).length >= MIN_SHARED) strings.push(v as string)
    return v
  }
  if (typeof v !== 'object' || v === null) return v
  if (Array.isArray(v)) return v.map((item) => unpacked(item, strings))
  return fields(v as Record<string, unknown>, {}, strings)
}

function fields(v: Record<string, unknown>, out: Record<string, unknown>, strings: string[]) {
  for (const key in v) {
    const name = escaped(key) ? (key.charCodeAt(1) === ESCAPE_CODE ? key.slice(1) : KEYS[numberOf(key)]) : key
    out[name as string] = unpacked(v[key], strings)
  }
  return out
}
