// The e2e tests drive Debian's Chromium (/usr/bin/chromium) through playwright-core, which downloads no browser.
// As root (CI containers) this installs it; anywhere else it says how, and fails.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = '/usr/bin/chromium'

if (existsSync(CHROMIUM)) process.exit(0)

if (process.getuid?.() === 0) {
  const install = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: 'inherit',
  })
  if (install.status === 0 && existsSync(CHROMIUM)) process.exit(0)
  console.error(`Installing Chromium with apt-get failed; ${CHROMIUM} is still missing.`)
  process.exit(1)
}

console.error('Chromium is missing. Run: sudo apt-get update && sudo apt-get install -y chromium')
process.exit(1)
