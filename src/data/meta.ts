// Device-local settings in the meta table, one row per key: 'deviceId' (who made a change, stamped on every record
// and outbox entry) and 'workArea' (the kader's area). Neither syncs as a record; login replaces the work area.
import { reportInvalidRow } from './data-issues'
import { getDb, guardQuota } from './db'
import { uuidv7 } from './ids'
import { type WorkArea, workArea } from './schemas'

const DEVICE_ID = 'deviceId'
const WORK_AREA = 'workArea'

const DEFAULT_WORK_AREA: WorkArea = { id: 'wilayah-lokal', kabupaten: '', kecamatan: '', desa: '' }

/** Created on first use and kept for the life of the installation; joins the caller's transaction if any. */
export function getDeviceId(): Promise<string> {
  const db = getDb()
  return guardQuota(() =>
    db.transaction('rw', db.meta, async () => {
      const row = await db.meta.get(DEVICE_ID)
      if (typeof row?.value === 'string') return row.value
      const id = uuidv7()
      await db.meta.put({ key: DEVICE_ID, value: id })
      return id
    }),
  )
}

export async function getWorkArea(): Promise<WorkArea> {
  const row = await getDb().meta.get(WORK_AREA)
  if (row === undefined) return DEFAULT_WORK_AREA
  const parsed = workArea.safeParse(row.value)
  if (parsed.success) return parsed.data
  reportInvalidRow(
    'meta',
    WORK_AREA,
    parsed.error.issues.map((i) => i.path.join('.')),
  )
  return DEFAULT_WORK_AREA
}

export async function saveWorkArea(w: WorkArea): Promise<void> {
  const value = workArea.parse(w)
  await guardQuota(() => getDb().meta.put({ key: WORK_AREA, value }))
}

/** The name visits are signed with (settings); undefined until the kader has entered it. */
export async function getKaderName(): Promise<string | undefined> {
  return (await getWorkArea()).kaderName
}
