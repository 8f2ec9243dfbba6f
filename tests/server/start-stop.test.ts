// `npm start` ends as `npm run serve`, and a process manager (or a closed terminal) stops it by signalling npm.
// npm passes the signal only to its own child: every process under it must go, and the database be closed so that
// the next start opens it. The build step before it is left out here (it only runs before the server starts).
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SERVE_TIMEOUT_MS = 90_000

function serve(dataDir: string): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn('npm', ['run', '--silent', 'serve', '--', '--no-demo'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-app') },
    detached: true, // a process group of its own, so the test can see what survives
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const url = /Kader ILP server: (http:\/\/\S+)/.exec(out)?.[1]
      if (url) resolve(url)
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it listened:\n${out}`)))
  })
  return { child, ready }
}

/** True while any process of the group is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (condition()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return condition()
}

describe('npm run serve (the end of npm start)', () => {
  let dir: string
  const groups: number[] = []
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kader-serve-'))
  })
  afterAll(async () => {
    for (const pgid of groups) if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL')
    await rm(dir, { recursive: true, force: true })
  })

  it(
    'stops every process it started when npm gets SIGTERM, and the database opens again',
    async () => {
      const dataDir = join(dir, 'data')
      const first = serve(dataDir)
      const pgid = first.child.pid as number
      groups.push(pgid)
      const url = await first.ready
      expect((await fetch(`${url}/api/v1/me`)).status).toBe(401) // up, and asking for a token

      process.kill(pgid, 'SIGTERM') // npm alone, as a process manager would
      expect(await waitFor(() => !groupAlive(pgid), 30_000)).toBe(true)

      const again = serve(dataDir)
      groups.push(again.child.pid as number)
      await again.ready
      process.kill(again.child.pid as number, 'SIGINT')
      expect(await waitFor(() => !groupAlive(again.child.pid as number), 30_000)).toBe(true)
    },
    SERVE_TIMEOUT_MS,
  )
})
