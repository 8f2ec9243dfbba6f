// Kemendagri kecamatan codes, for the "region not in today's list" warning on NIK and No. KK.
// The list (~43 KB) is a lazy chunk loaded on first use, never part of the entry bundle.

const CODE_LENGTH = 6

/** Resolves to a test for whether a 6-digit PPKKCC code is a current kecamatan (Kepmendagri 300.2.2-2430/2025). */
export async function loadKecamatanLookup(): Promise<(code: string) => boolean> {
  const { KECAMATAN_CODES } = await import('./kecamatan-codes.generated')
  return (code) => code.length === CODE_LENGTH && containsCode(KECAMATAN_CODES, code)
}

// Binary search over the sorted codes, read as fixed-width slices of one string.
function containsCode(codes: string, code: string): boolean {
  let low = 0
  let high = codes.length / CODE_LENGTH - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const candidate = codes.slice(middle * CODE_LENGTH, (middle + 1) * CODE_LENGTH)
    if (candidate === code) return true
    if (candidate < code) low = middle + 1
    else high = middle - 1
  }
  return false
}
