// A lost or stolen phone (server CLI `device wipe`): at the end of each sync run — after the push, so what the phone
// may send has been sent — the device asks whether it is marked. The UI then wipes it (data/crypto/wipe.ts).
import type { DeviceResponse } from '../protocol/wire'
import type { Run } from './run'
import { request } from './transport'

/** True when the server marked this device to wipe; false when not, or when the server cannot say (older). */
export async function wipeAsked(run: Run): Promise<boolean> {
  const answer = await request<DeviceResponse>('GET', '/device', undefined, {
    baseUrl: run.baseUrl,
    token: run.auth.token,
    fetch: run.opts.fetch,
    timeoutMs: run.opts.timeoutMs,
    signal: run.opts.signal,
    now: run.now,
  }).catch(() => undefined)
  return answer?.body.wipe === true
}
