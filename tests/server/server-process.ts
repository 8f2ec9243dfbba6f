// One more server process for tests/server/stress.test.ts: the real server on DATABASE_URL, its tables in PG_SCHEMA,
// with rate limits the test's many requests never reach, and each push's transaction held open a random while
// (up to PUSH_JITTER_MS) once its desas are locked, so that pushes overlap. Prints its URL, and stops on SIGTERM.
import { setTimeout as sleep } from 'node:timers/promises'
import { startServer } from '../../server/index'

const roomy = { burst: 1_000_000, perMinute: 1_000_000 }
const server = await startServer({
  databaseUrl: process.env.DATABASE_URL,
  pgSchema: process.env.PG_SCHEMA,
  log: () => {},
  limits: { perToken: roomy, perLogin: roomy, perAddress: roomy },
  insidePush: async () => {
    await sleep(Math.random() * Number(process.env.PUSH_JITTER_MS ?? 0))
  },
})
console.log(server.url)
process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
})
