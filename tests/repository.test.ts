// The repository stands alone: a clone with nothing beside it builds and passes every test. Nothing reads or cites a
// folder outside the project, no test skips itself when something is missing, and every clinical citation names a
// section that docs/clinical-rules.md has.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const SKIP_DIRS = new Set(['node_modules', 'dist', 'dev-dist', '.git', '.data', 'results'])

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (SKIP_DIRS.has(name)) return []
    if (statSync(path).isDirectory()) return files(path, pattern)
    return pattern.test(name) ? [path] : []
  })
}

const CODE = /\.(ts|tsx|mjs|js|json|md|html|css|sh)$/
const project = [
  ...['src', 'server', 'sw', 'tests', 'scripts', 'bench', 'docs', 'reference', 'public'].flatMap((d) =>
    files(join(ROOT, d), CODE),
  ),
  ...['README.md', 'DEVELOPERS.md', 'package.json', 'vite.config.ts', 'vitest.config.ts', 'biome.json'].map(
    (f) => join(ROOT, f),
  ),
]
const here = import.meta.filename
const read = (path: string) => readFileSync(path, 'utf8')
const lines = (pattern: RegExp, among = project) =>
  among.flatMap((path) =>
    path === here
      ? []
      : read(path)
          .split('\n')
          .flatMap((line, i) =>
            pattern.test(line) ? [`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`] : [],
          ),
  )

describe('the repository stands alone', () => {
  it('reads and cites nothing outside the project', () => {
    expect(project.length).toBeGreaterThan(100)
    // A sibling folder (../shared, ../../shared…) or the team's old research notes.
    expect(lines(/(\.\.\/)+shared\/(data|docs)|\bshared\/data\/|ilp-domain\.md/)).toEqual([])
  })

  it('has no test that skips itself on a condition', () => {
    const tests = files(join(ROOT, 'tests'), /\.(ts|tsx)$/)
    expect(tests.length).toBeGreaterThan(50)
    expect(lines(/\.(runIf|skipIf|skip|todo)\(/, tests)).toEqual([])
  })

  it('cites only sections that docs/clinical-rules.md has', () => {
    const doc = read(join(ROOT, 'docs/clinical-rules.md'))
    const sections = new Set([...doc.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]))
    expect(sections).toContain('2.1')
    const cited = new Set<string>()
    for (const path of project) {
      if (path === here) continue
      for (const m of read(path).matchAll(/clinical-rules\.md ((?:§[\d.–]+(?:,\s*)?)+)/g)) {
        for (const ref of (m[1] as string).matchAll(/§(\d+(?:\.\d+)?)(?:–(\d+(?:\.\d+)?))?/g))
          for (const section of [ref[1], ref[2]]) if (section) cited.add(section.replace(/\.$/, ''))
      }
    }
    expect(cited.size).toBeGreaterThan(10)
    expect([...cited].filter((s) => !sections.has(s)).sort()).toEqual([])
  })
})
