import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../server/cli'
import { START_TIMEOUT_MS } from './harness'

describe('roles and targets from the command line', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kader-roles-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it(
    'gives a bidan her areas, refuses a list without her own, and sets an annual target',
    async () => {
      const out: string[] = []
      const err: string[] = []
      const io = {
        out: (l: string) => out.push(l),
        err: (l: string) => err.push(l),
        readLine: async () => 'sandi-awal-123',
        env: {},
      }
      const run = (...args: string[]) => runCli([...args, '--data-dir', join(dir, 'data')], io)
      const area = (id: string, desa: string) =>
        run('area', 'add', '--id', id, '--kabupaten', 'Cilacap', '--kecamatan', 'Dayeuhluhur', '--desa', desa)
      expect(await area('a1', 'Bolang')).toBe(0)
      expect(await area('a2', 'Cilumping')).toBe(0)
      expect(await run('user', 'add', '--username', 'ani', '--area', 'a1', '--role', 'bidan')).toBe(0)
      expect(await run('user', 'list')).toBe(0)
      expect(out.at(-1)).toMatch(/^ani\tani\ta1\tbidan\tactive$/)
      expect(await run('user', 'role', '--username', 'ani', '--role', 'bidan', '--areas', 'a2')).toBe(1)
      expect(err.at(-1)).toMatch(/must hold ani's own area a1/)
      expect(await run('user', 'role', '--username', 'ani', '--role', 'puskesmas', '--areas', 'a1,a2')).toBe(
        1,
      )
      expect(await run('user', 'role', '--username', 'ani', '--role', 'camat')).toBe(1)
      // A new user with a role she may not have is not added at all (once, a kader was left behind).
      expect(await run('user', 'add', '--username', 'budi', '--area', 'a1', '--role', 'camat')).toBe(1)
      expect(err.at(-1)).toMatch(/A role is one of kader, bidan, puskesmas, admin/)
      expect(
        await run('user', 'add', '--username', 'budi', '--area', 'a1', '--role', 'bidan', '--areas', 'a2'),
      ).toBe(1)
      expect(err.at(-1)).toMatch(/must hold budi's own area a1/)
      expect(await run('user', 'list')).toBe(0)
      expect(out.filter((l) => l.startsWith('budi\t'))).toEqual([])
      expect(await run('user', 'role', '--username', 'ani', '--role', 'bidan', '--areas', 'a1,a2')).toBe(0)
      expect(
        await run(
          'target',
          'set',
          '--area',
          'a1',
          '--year',
          '2026',
          '--indicator',
          'kia.k1',
          '--sasaran',
          '40',
        ),
      ).toBe(0)
      expect(
        await run(
          'target',
          'set',
          '--area',
          'a1',
          '--year',
          '2026',
          '--indicator',
          'kia.k9',
          '--sasaran',
          '4',
        ),
      ).toBe(1)
      expect(
        await run(
          'target',
          'set',
          '--area',
          'a1',
          '--year',
          '2026',
          '--indicator',
          'kia.k4',
          '--percent',
          '95',
        ),
      ).toBe(0)
      expect(await run('target', 'list', '--area', 'a1')).toBe(0)
      expect(out.slice(-2)).toEqual(['2026\tkia.k1\t40\t-', '2026\tkia.k4\t-\t95'])
      // Neither given: the target is removed, the registered count counts again.
      expect(await run('target', 'set', '--area', 'a1', '--year', '2026', '--indicator', 'kia.k1')).toBe(0)
      expect(await run('target', 'list', '--area', 'a1', '--year', '2026')).toBe(0)
      expect(out.at(-1)).toBe('2026\tkia.k4\t-\t95')
    },
    START_TIMEOUT_MS,
  )
})
