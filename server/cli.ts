// Server administration: `tsx server/cli.ts <command>` (npm run server -- <command>). Kader accounts and work areas
// are made here, never through the API. The database is DATABASE_URL when set, else the PGlite folder --data-dir
// (default .data) — which only one process may open, so stop the server before changing accounts on it.
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { AccountError, accountAdmin } from './admin'
import { openDatabase } from './db'
import { serveApp } from './main'
import { purge } from './retention'
import { checkRole, setRole } from './roles'
import { listTargets, setTarget } from './targets'

const listOf = (s: string | undefined) => (s === undefined ? [] : s.split(','))

export const USAGE = `Usage: npm run server -- <command> [options]

  serve [--port 4173] [--host 127.0.0.1] [--static dist] [--no-demo]
      Serve the API and the built app (server/main.ts). --host 0.0.0.0 lets phones on the network connect.
  area add --id ID --kabupaten NAME --kecamatan NAME --desa NAME [--dusun NAME] [--rw N] [--rt N]
      A work area: a desa, optionally narrowed to a dusun, RW and RT.
  area list
  user add --username NAME --area ID [--name "Full name"] [--password PASSWORD] [--role ROLE [--areas ID,ID]]
      An account syncing work area ID (a kader's by default). Without --password, the password is read from
      KADER_PASSWORD or the first line of stdin (a password on the command line stays in the shell's history).
  user role --username NAME --role kader|bidan|puskesmas|admin [--areas ID,ID]
      What the account may also read in the wilayah binaan: bidan — the areas of her area's desa, or the --areas
      listed (her own among them); puskesmas — the areas of her area's kecamatan; admin — every area. Takes effect
      at once; the phone shows the wilayah binaan after its next login.
  user list
      Username, name, work area, role, active or disabled.
  user disable --username NAME
      The kader can no longer log in; every device token of theirs is revoked.
  user enable --username NAME
  user passwd --username NAME [--password PASSWORD]
      A new password (read like user add's); every device token of the account is revoked.
  user delete --username NAME
      Deletes the account and its tokens; the work area's records stay.
  token list --user NAME
  token revoke (--user NAME | --id TOKEN_ID)
      Revokes every device token of a user, or one token: the device must log in again. (Logging in again works
      with the password: for a password that leaked, use user passwd or user disable.)
  device wipe --device DEVICE_ID
      A lost or stolen phone (its id is in token list): at its next sync it sends what it may, then deletes its
      PIN vault and every record on it. Its tokens stay valid until then; revoke them after.
  target set --area ID --year YYYY --indicator ID [--sasaran N] [--percent P]
      The puskesmas' annual target of an indicator in an area (sasaran proyeksi, target percent); without either,
      the target is removed and the registered count is used.
  target list --area ID [--year YYYY]
  purge
      Forgets what the retention periods allow now (docs/sync-protocol.md, "Retention"); the server also does
      it at start and every day.

Database: DATABASE_URL (PostgreSQL) when set, else --data-dir DIR (PGlite, default .data).`

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  /** The first line of stdin, for a password not given as an option. */
  readLine: () => Promise<string | undefined>
  env: Record<string, string | undefined>
}

const OPTIONS = {
  'data-dir': { type: 'string' },
  id: { type: 'string' },
  kabupaten: { type: 'string' },
  kecamatan: { type: 'string' },
  desa: { type: 'string' },
  dusun: { type: 'string' },
  rw: { type: 'string' },
  rt: { type: 'string' },
  username: { type: 'string' },
  user: { type: 'string' },
  name: { type: 'string' },
  area: { type: 'string' },
  areas: { type: 'string' },
  role: { type: 'string' },
  year: { type: 'string' },
  indicator: { type: 'string' },
  device: { type: 'string' },
  sasaran: { type: 'string' },
  percent: { type: 'string' },
  password: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  static: { type: 'string' },
  'no-demo': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Runs one command; returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true })
  } catch (error) {
    io.err((error as Error).message)
    io.err(USAGE)
    return 2
  }
  const { values: v, positionals } = parsed
  const command = positionals.join(' ')
  if (v.help || command === '' || command === 'help') {
    io.out(USAGE)
    return 0
  }
  if (command === 'serve') {
    await serveApp({
      port: v.port === undefined ? undefined : Number(v.port),
      hostname: v.host,
      staticDir: v.static,
      dataDir: v['data-dir'],
      demo: !v['no-demo'],
      env: io.env,
      out: io.out,
    })
    return 0
  }
  const need = (name: keyof typeof v): string => {
    const value = v[name]
    if (typeof value !== 'string' || value.trim() === '') throw new AccountError(`--${name} is required.`)
    return value
  }
  const db = await openDatabase({ databaseUrl: io.env.DATABASE_URL, dataDir: v['data-dir'] ?? '.data' })
  const admin = accountAdmin(db)
  const readPassword = async () => {
    const password = v.password ?? io.env.KADER_PASSWORD ?? (await io.readLine())
    if (!password) throw new AccountError('No password: pass --password, set KADER_PASSWORD or pipe it in.')
    return password.trim()
  }
  try {
    switch (command) {
      case 'area add': {
        const area = await admin.addWorkArea({
          id: need('id'),
          kabupaten: need('kabupaten'),
          kecamatan: need('kecamatan'),
          desa: need('desa'),
          dusun: v.dusun,
          rw: v.rw,
          rt: v.rt,
        })
        io.out(`Work area ${area.id} added.`)
        return 0
      }
      case 'area list':
        for (const a of await admin.listWorkAreas())
          io.out(
            [a.id, a.kabupaten, a.kecamatan, a.desa, a.dusun ?? '*', a.rw ?? '*', a.rt ?? '*'].join('\t'),
          )
        return 0
      case 'user add': {
        // A role refused after the user was added would leave a kader behind.
        if (v.role !== undefined)
          await checkRole(db, need('username').trim().toLowerCase(), need('area'), v.role, listOf(v.areas))
        const account = await admin.addUser({
          username: need('username'),
          password: await readPassword(),
          name: v.name,
          workAreaId: need('area'),
        })
        if (v.role !== undefined) await setRole(db, account.user.username, v.role, listOf(v.areas))
        io.out(
          `User ${account.user.username} added in work area ${account.workArea.id}` +
            `${v.role === undefined ? '' : ` as ${v.role}`}.`,
        )
        return 0
      }
      case 'user role':
        await setRole(db, need('username'), need('role'), listOf(v.areas))
        io.out(`User ${need('username').trim().toLowerCase()} is now ${need('role')}.`)
        return 0
      case 'user list':
        for (const a of await admin.listUsers())
          io.out(
            [
              a.user.username,
              a.user.name,
              a.workArea.id,
              a.user.role ?? 'kader',
              a.disabled ? 'disabled' : 'active',
            ].join('\t'),
          )
        return 0
      case 'target set': {
        const target = {
          areaId: need('area'),
          year: Number(need('year')),
          indicator: need('indicator'),
          ...(v.sasaran === undefined ? {} : { sasaran: Number(v.sasaran) }),
          ...(v.percent === undefined ? {} : { percent: Number(v.percent) }),
        }
        await setTarget(db, target)
        io.out(`Target of ${target.indicator} in ${target.areaId} for ${target.year} set.`)
        return 0
      }
      case 'target list':
        for (const t of await listTargets(
          db,
          need('area'),
          v.year === undefined ? undefined : Number(v.year),
        ))
          io.out([t.year, t.indicator, t.sasaran ?? '-', t.percent ?? '-'].join('\t'))
        return 0
      case 'user disable':
      case 'user enable': {
        const disabled = command === 'user disable'
        await admin.setDisabled(need('username'), disabled)
        io.out(`User ${need('username').trim().toLowerCase()} ${disabled ? 'disabled' : 'enabled'}.`)
        return 0
      }
      case 'user passwd':
        await admin.setPassword(need('username'), await readPassword())
        io.out(
          `New password set for ${need('username').trim().toLowerCase()}; its devices must log in again.`,
        )
        return 0
      case 'user delete':
        await admin.deleteUser(need('username'))
        io.out(`User ${need('username').trim().toLowerCase()} deleted.`)
        return 0
      case 'purge': {
        const n = await purge(db, Date.now())
        io.out(
          `Forgot ${n.appliedChanges} change id(s), the data of ${n.tombstones} deleted record(s) and ` +
            `${n.children} visit(s) or follow-up(s) of deleted members.`,
        )
        return 0
      }
      case 'token list':
        for (const t of await admin.listTokens(need('user')))
          io.out(
            [t.id, t.device_id ?? '-', new Date(t.created_at).toISOString(), t.last_used_at ?? 'never'].join(
              '\t',
            ),
          )
        return 0
      case 'device wipe': {
        const n = await admin.wipeDevice(need('device'))
        io.out(`Device marked to wipe at its next sync (${n} live token(s)).`)
        return 0
      }
      case 'token revoke': {
        const n = await admin.revokeTokens(v.id ? { tokenId: v.id } : { username: need('user') })
        io.out(`${n} token(s) revoked.`)
        return 0
      }
      default:
        io.err(`Unknown command: ${command}`)
        io.err(USAGE)
        return 2
    }
  } catch (error) {
    if (!(error instanceof AccountError)) throw error
    io.err(error.message)
    return 1
  } finally {
    await db.close()
  }
}

function readFirstLine(): Promise<string | undefined> {
  if (process.stdin.isTTY) process.stderr.write('Password: ')
  const rl = createInterface({ input: process.stdin })
  return new Promise((ok) => {
    rl.once('line', (line) => {
      rl.close()
      ok(line)
    })
    rl.once('close', () => ok(undefined))
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    readLine: readFirstLine,
    env: process.env,
  }).then(
    (code) => {
      if (code !== 0) process.exit(code)
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
