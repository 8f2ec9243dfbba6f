import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The domain is pure: `today` is passed in. Lint fences its imports; this fences the globals lint cannot see.
const FORBIDDEN = [
  { pattern: /Date\.now\(/, why: 'reads the clock' },
  { pattern: /new Date\(\s*\)/, why: 'reads the clock' },
  { pattern: /\bfetch\(/, why: 'does I/O' },
  { pattern: /\bindexedDB\b/, why: 'does I/O' },
  { pattern: /\blocalStorage\b/, why: 'does I/O' },
  { pattern: /\bMath\.random\(/, why: 'is not deterministic' },
]

describe('src/domain purity', () => {
  const dir = 'src/domain'
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))

  it('has domain modules to check', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files)('%s reads no clock and does no I/O', (file) => {
    const source = readFileSync(join(dir, file), 'utf8')
    const found = FORBIDDEN.filter(({ pattern }) => pattern.test(source)).map(
      ({ why, pattern }) => `${pattern}: ${why}`,
    )
    expect(found).toEqual([])
  })
})
