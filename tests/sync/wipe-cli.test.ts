// A lost phone wiped with the real command line (`tsx server/cli.ts device wipe`, a process of its own), as the
// puskesmas does it: on PGlite the server is stopped first (one process owns the data folder) and started again;
// on PostgreSQL the command runs beside the running server. The phone's next sync sends what waits, then hears it.
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { dataKeys, setDataKeys } from '../../src/data/crypto/session'
import { setUpPin } from '../../src/data/crypto/unlock'
import { forgetAllAccounts } from '../data/crypto/phone-accounts'
import { addKader, START_TIMEOUT_MS, startTestServer, TARGETS, type TestServer } from '../server/harness'
import { Phone, T0 } from './phones'

const run = promisify(execFile)

/** `npm run server -- device wipe --device ID`, in its own process; its standard output. */
async function cliDeviceWipe(deviceId: string, db: { dataDir?: string; databaseUrl?: string }) {
  const { stdout } = await run(
    join('node_modules', '.bin', 'tsx'),
    [
      'server/cli.ts',
      'device',
      'wipe',
      '--device',
      deviceId,
      ...(db.dataDir ? ['--data-dir', db.dataDir] : []),
    ],
    { env: { ...process.env, DATABASE_URL: db.databaseUrl ?? '' } },
  )
  return stdout
}

describe.each(TARGETS)('device wipe from the command line on $name', (target) => {
  const keys = dataKeys()
  let dir: string | undefined
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
    setDataKeys(keys)
    await forgetAllAccounts()
  })

  it(
    'marks the device; its next sync sends what waits, then is told to wipe',
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'kader-wipe-cli-'))
      const pgSchema = target.databaseUrl ? `test_${randomUUID().replaceAll('-', '')}` : undefined
      server = await startTestServer(target, { dataDir: join(dir, 'data') }, pgSchema)
      const k = await addKader(server)
      await setUpPin('482915', 'pin')
      const phone = new Phone('lost')
      await phone.login(server.url, k)
      await phone.addHousehold(k.area, T0)
      expect((await phone.sync()).wipe).toBeUndefined()
      const last = await phone.addHousehold(k.area, T0 + 1000, { headName: 'Terakhir Dikirim' })
      const deviceId = String((await phone.db.meta.get('deviceId'))?.value)

      if (target.databaseUrl) {
        // The test server keeps its tables in its own schema: the command is pointed at it the way pg allows.
        const url = new URL(target.databaseUrl)
        url.searchParams.set('options', `-c search_path=${pgSchema}`)
        expect(await cliDeviceWipe(deviceId, { databaseUrl: url.href })).toMatch(
          /marked to wipe .*1 live token/,
        )
      } else {
        const port = Number(new URL(server.url).port)
        await server.close()
        server = undefined
        expect(await cliDeviceWipe(deviceId, { dataDir: join(dir, 'data') })).toMatch(
          /marked to wipe .*1 live token/,
        )
        // The same port: the phone syncs to the address it logged in at.
        server = await startTestServer(target, { dataDir: join(dir, 'data'), port })
      }

      expect(await phone.sync()).toMatchObject({ pushed: 1, wipe: true })
      const rows = await server.db.query<{ id: string }>("SELECT id FROM records WHERE entity = 'households'")
      expect(rows.map((r) => r.id)).toContain(last.id)
      // Another device of the same kader is not marked.
      const other = new Phone('other')
      await other.login(server.url, k)
      expect((await other.sync()).wipe).toBeUndefined()
    },
    3 * START_TIMEOUT_MS,
  )
})
