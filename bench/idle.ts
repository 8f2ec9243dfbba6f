// Waits until a phone's Chromium — its browser process and every process under it (renderers, the network and
// storage services) — has used next to no CPU for a moment. A timed step that starts right after a reload would
// otherwise also measure what the app still does after it (the area worker reading the area, the household list's
// decrypts), and that share grows with the machine's load: the cold starts measure that work, not the writes.
import { readdirSync, readFileSync } from 'node:fs'

/** The kernel's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100

interface Proc {
  pid: number
  ppid: number
  ticks: number
}

function processes(): Proc[] {
  const out: Proc[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // The command name may hold spaces: the fields after it start past its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.push({ pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // The process ended while the list was read.
    }
  }
  return out
}

/** CPU ticks used so far by the browser running on `profile` and all its descendants. */
function browserTicks(profile: string): number {
  const all = processes()
  const roots = all.filter((p) => {
    try {
      return readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').includes(`--user-data-dir=${profile}`)
    } catch {
      return false
    }
  })
  const inTree = new Set(roots.map((p) => p.pid))
  for (let grew = true; grew; ) {
    grew = false
    for (const p of all)
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid)
        grew = true
      }
  }
  return all.reduce((sum, p) => sum + (inTree.has(p.pid) ? p.ticks : 0), 0)
}

/**
 * Resolves once the browser on `profile` used under 5 % of one core over two windows of half a second in a row, or
 * after `timeoutMs`. The milliseconds waited, and whether it got quiet.
 */
export async function waitForIdle(
  profile: string,
  timeoutMs = 30_000,
): Promise<{ ms: number; quiet: boolean }> {
  const windowMs = 500
  const maxTicks = (0.05 * windowMs * TICKS_PER_S) / 1000
  const start = Date.now()
  let quietWindows = 0
  let before = browserTicks(profile)
  while (Date.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs))
    const now = browserTicks(profile)
    quietWindows = now - before <= maxTicks ? quietWindows + 1 : 0
    before = now
    if (quietWindows >= 2) return { ms: Date.now() - start, quiet: true }
  }
  return { ms: Date.now() - start, quiet: false }
}
