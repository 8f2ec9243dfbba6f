// Puts the first-sync dataset on the reference server the way a phone would: pushes through the sync API (500
// changes per request, households before members before visits), each field stamped at the record's updatedAt.

import { formatHlc } from '../src/protocol/hlc'
import type { Change, PushResponse } from '../src/protocol/wire'
import { DATA_DEVICE, type Dataset } from './generate'

const META = new Set(['id', 'createdAt', 'updatedAt', 'deviceId', 'version'])
const PUSH_BATCH = 500

function changeOf(entity: Change['entity'], record: { id: string; updatedAt: string }, n: number): Change {
  const hlc = formatHlc({ millis: Date.parse(record.updatedAt), counter: 0, node: DATA_DEVICE })
  const fields: Change['fields'] = {}
  const inserted = entity === 'visits' || entity === 'followUps'
  for (const [name, value] of Object.entries(record)) {
    if (META.has(name) || value === undefined || (inserted && name === 'deleted')) continue
    fields[name] = { value, hlc }
  }
  const changeId = `${record.id.slice(0, 24)}${n.toString(16).padStart(12, '0')}`
  return { changeId, entity, recordId: record.id, fields }
}

/** Pushes every record of `data`; throws when the server refuses one. Returns the number of requests. */
export async function seedServer(
  baseUrl: string,
  credentials: { username: string; password: string },
  data: Pick<Dataset, 'households' | 'members' | 'visits'>,
): Promise<number> {
  const login = await fetch(`${baseUrl}/api/v1/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...credentials, deviceId: DATA_DEVICE }),
  })
  if (!login.ok) throw new Error(`seed login: ${login.status} ${await login.text()}`)
  const { token } = (await login.json()) as { token: string }
  let n = 0
  const changes: Change[] = [
    ...data.households.map((r) => changeOf('households', r, n++)),
    ...data.members.map((r) => changeOf('members', r, n++)),
    ...data.visits.map((r) => changeOf('visits', r, n++)),
  ]
  let requests = 0
  for (let i = 0; i < changes.length; i += PUSH_BATCH) {
    const res = await fetch(`${baseUrl}/api/v1/changes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ changes: changes.slice(i, i + PUSH_BATCH) }),
    })
    requests += 1
    if (!res.ok) throw new Error(`seed push: ${res.status} ${await res.text()}`)
    const body = (await res.json()) as PushResponse
    const refused = body.results.filter((r) => r.status !== 'accepted')
    if (refused.length > 0) throw new Error(`seed push refused: ${JSON.stringify(refused.slice(0, 3))}`)
  }
  return requests
}
