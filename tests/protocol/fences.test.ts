import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// The layer fences in biome.json, tried on probe files laid out like the project in a temporary folder (Biome
// applies its overrides by path) and linted in one run with the project's Biome and configuration. A fence that
// stopped matching would let the app import server/ again unnoticed.
const biome = resolve('node_modules/.bin/biome')
const root = mkdtempSync(join(tmpdir(), 'kader-fences-'))
const config = JSON.parse(readFileSync('biome.json', 'utf8'))
delete config.$schema
config.vcs = { enabled: false }
writeFileSync(join(root, 'biome.json'), JSON.stringify(config))
const probes = [
  { dir: 'src/sync', from: '../../server/index', refused: true },
  { dir: 'src/ui', from: '../../server/app', refused: true },
  { dir: 'src/data', from: '../../server/sync', refused: true },
  { dir: 'server', from: '../src/data/db', refused: true },
  { dir: 'server', from: '../src/sync/engine', refused: true },
  { dir: 'src/protocol', from: '../data/db', refused: true },
  { dir: 'src/protocol', from: 'node:fs', refused: true },
  { dir: 'src/domain', from: '../protocol/records', refused: true },
  { dir: 'server', from: '../src/protocol/wire', refused: false },
  { dir: 'server', from: '../src/domain/nik', refused: false },
  { dir: 'src/sync', from: '../protocol/wire', refused: false },
  { dir: 'src/protocol', from: '../domain/nik', refused: false },
].map((probe, index) => ({ ...probe, path: `${probe.dir}/probe-${index}.ts` }))

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('layer fences (biome.json noRestrictedImports)', () => {
  it('refuses exactly the imports that cross a fence', () => {
    for (const { dir, path, from } of probes) {
      mkdirSync(join(root, dir), { recursive: true })
      writeFileSync(join(root, path), `import * as probe from '${from}'\n\nexport { probe }\n`)
    }
    let output: string
    try {
      output = execFileSync(biome, ['lint', '--reporter=json', ...probes.map((p) => p.path)], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
    } catch (error) {
      // Biome exits 1 when it reports errors; its JSON report is still on stdout.
      output = (error as { stdout: string }).stdout
    }
    const report = JSON.parse(output) as {
      diagnostics: { category: string; location: { path: string } }[]
    }
    const refused = new Set(
      report.diagnostics
        .filter((d) => d.category === 'lint/style/noRestrictedImports')
        .map((d) => d.location.path),
    )
    expect(probes.map((p) => [p.path, refused.has(p.path)])).toEqual(probes.map((p) => [p.path, p.refused]))
  })
})
