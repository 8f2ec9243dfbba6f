// One more server process for tests/server/stress.test.ts: the real server on DATABASE_URL, its tables in PG_SCHEMA,
// with rate limits the test's many requests never reach. Prints its URL, and stops on SIGTERM.
import { startServer } from '../../server/index'

const roomy = { burst: 1_000_000, perMinute: 1_000_000 }
const server = await startServer({
  databaseUrl: process.env.DATABASE_URL,
  pgSchema: process.env.PG_SCHEMA,
  log: () => {},
  limits: { perToken: roomy, perLogin: roomy, perAddress: roomy },
})
console.log(server.url)
process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
})
