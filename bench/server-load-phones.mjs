// The entry of a worker thread of simulated phones: workers do not inherit tsx's loader, so it is registered here.
import { register } from 'tsx/esm/api'

register()
await import('./server-load-phones.ts')
