// Login and logout on the device. The account (token, user, the server's work area, base URL) is kept in meta
// 'syncAuth' (src/data/sync-state.ts). Logging in also adopts the server's work area:
//   - meta 'workArea' (the kader's area, meta.ts) takes the server's id and names; the kader's name is kept;
//   - households, visits and follow-ups made before the first login carry workAreaId 'wilayah-lokal'. They are
//     re-assigned in place to the server's id in the same transaction. None of them has ever been sent (sending
//     needs a login), so the outbox entry that will send each household already names workAreaId; the field is
//     stamped anew so that the new value is the household's latest. Visits and follow-ups are rewritten in place
//     too: they are immutable for the kader, but have not left the device yet.
// Logout is refused while changes wait in the outbox (sent first by the UI); a token the server refused (401) is
// forgotten, and the outbox kept for the next login.

import type { DeviceAccount } from '../data/crypto/accounts'
import { chosenAccount } from '../data/crypto/session'
import { addRecoveryKey, openWithRecoveryKey, recoveryAccount, setUpPin } from '../data/crypto/unlock'
import type { Vault } from '../data/crypto/vault'
import { accountOfUser } from '../data/crypto/vault-store'
import { getDb, type KaderDb } from '../data/db'
import { uuidv7 } from '../data/ids'
import { entriesOfRecords, outboxCounts } from '../data/outbox'
import { type WorkArea, workArea as workAreaSchema } from '../data/schemas'
import { AUTH_KEY, readMeta, type SyncAuth } from '../data/sync-state'
import type { LoginResponse } from '../protocol/wire'
import { loadClock, observe, saveClock, stampFields } from './clock'
import { SyncError } from './errors'
import { type FetchLike, request } from './transport'

/** The work-area id of a device that has never logged in (meta.ts). */
export const LOCAL_WORK_AREA = 'wilayah-lokal'

export interface AuthOptions {
  db?: KaderDb
  fetch?: FetchLike
  now?: () => number
  timeoutMs?: number
}

/**
 * Logs in and stores the account. Refuses (SyncError 'work-area-mismatch', nothing changed, the new token revoked)
 * when this device holds unsent changes made under another server work area: they must be sent by their own
 * kader first, or they would be refused or mixed into another kader's area.
 */
export async function login(
  baseUrl: string,
  username: string,
  password: string,
  opts: AuthOptions = {},
): Promise<SyncAuth> {
  const db = opts.db ?? getDb()
  const deviceId = await ensureDeviceId(db)
  const answer = await askLogin({ baseUrl, deviceId }, username, password, opts, chosenAccount()?.id)
  return storeLogin(db, answer, opts)
}

/** A login the server accepted, not stored yet: a new kader's, until her PIN is set ("Ganti kader"). */
export interface AcceptedLogin {
  baseUrl: string
  /** The device id of the new account's records (each account on the phone is a device of its own). */
  deviceId: string
  body: LoginResponse
  /** The server's clock at the answer (transport.ts): the device's clock observes it. */
  serverTimeMs: number
}

/**
 * "Ganti kader" → a kader new on this phone logs in online; her account, PIN and database are made after
 * (storeNewKaderLogin). Refused (SyncError 'account-on-phone', the token revoked) for an account that already has
 * its own place on this phone: its kader opens it with her PIN.
 */
export function loginNewKader(baseUrl: string, username: string, password: string, opts: AuthOptions = {}) {
  return askLogin({ baseUrl, deviceId: uuidv7() }, username, password, opts)
}

/**
 * The new kader's PIN makes her account and database, her login is stored there, and only then is the app unlocked:
 * the scheduler that starts on unlock runs at once and must find her token (not `not-logged-in`).
 */
export function addNewKader(
  accepted: AcceptedLogin,
  pin: string,
  kind: Vault['kind'],
): Promise<DeviceAccount> {
  return setUpPin(pin, kind, () => storeNewKaderLogin(accepted))
}

/** The new kader's login, stored in her new account's database, opened by her keys. */
export async function storeNewKaderLogin(accepted: AcceptedLogin, opts: AuthOptions = {}): Promise<SyncAuth> {
  const db = opts.db ?? getDb()
  await db.meta.put({ key: 'deviceId', value: accepted.deviceId })
  return storeLogin(db, accepted, opts)
}

/** The new kader went back before setting her PIN: the server forgets the token. */
export async function cancelLogin(accepted: AcceptedLogin, opts: Pick<AuthOptions, 'fetch'> = {}) {
  const { baseUrl, body } = accepted
  await request('POST', '/logout', undefined, { baseUrl, token: body.token, fetch: opts.fetch }).catch(
    () => {},
  )
}

async function askLogin(
  device: { baseUrl: string; deviceId: string },
  username: string,
  password: string,
  opts: AuthOptions,
  ownAccountId?: string,
): Promise<AcceptedLogin> {
  const { baseUrl, deviceId } = device
  const answer = await request<LoginResponse>(
    'POST',
    '/login',
    { username, password, deviceId },
    { baseUrl, fetch: opts.fetch, timeoutMs: opts.timeoutMs },
  )
  const accepted = { baseUrl, deviceId, body: answer.body, serverTimeMs: answer.serverTimeMs }
  const elsewhere = await accountOfUser(answer.body.user.id)
  if (elsewhere && elsewhere.id !== ownAccountId) {
    await cancelLogin(accepted, opts)
    throw new SyncError('account-on-phone', { detail: String(elsewhere.number) })
  }
  return accepted
}

async function storeLogin(db: KaderDb, accepted: AcceptedLogin, opts: AuthOptions): Promise<SyncAuth> {
  const now = opts.now ?? Date.now
  const { baseUrl, deviceId, body, serverTimeMs } = accepted
  const { token, user, workArea } = body
  const auth: SyncAuth = { baseUrl, token, user, workArea, loggedInAt: new Date(now()).toISOString() }
  try {
    await db.transaction(
      'rw',
      [db.meta, db.households, db.visits, db.followUps, db.outbox, db.clocks],
      async () => {
        const previous = await readMeta<SyncAuth>(db, AUTH_KEY)
        if (previous && previous.workArea.id !== workArea.id && (await db.outbox.count()) > 0)
          throw new SyncError('work-area-mismatch', { detail: previous.workArea.id })
        await db.meta.put({ key: AUTH_KEY, value: auth })
        await adoptWorkArea(db, workArea, deviceId, now())
        if (Number.isFinite(serverTimeMs)) {
          const nowMs = Math.max(now(), serverTimeMs)
          const clock = await loadClock(db, deviceId)
          await saveClock(db, observe(clock, { millis: serverTimeMs, counter: 0, node: 'server' }, nowMs))
        }
      },
    )
  } catch (error) {
    if (error instanceof SyncError && error.reason === 'work-area-mismatch') await cancelLogin(accepted, opts)
    throw error
  }
  // From now on a forgotten PIN is recovered by logging in again (docs/security.md).
  if (body.recoveryKey) await addRecoveryKey(body.recoveryKey, { userId: user.id, deviceId })
  return auth
}

/**
 * "Lupa PIN?" on the lock screen: an online login of the account that last logged in on this device gives its
 * recovery key, which opens the vault; the kader then sets a new PIN (data/crypto/unlock.ts finishRecovery). The
 * login's new token is revoked at once: the device keeps the token it has. No recovery offline.
 */
export async function recoverWithLogin(
  baseUrl: string,
  username: string,
  password: string,
  opts: Pick<AuthOptions, 'fetch' | 'timeoutMs'> = {},
): Promise<void> {
  const account = await recoveryAccount()
  if (!account) throw new SyncError('unauthorized', { detail: 'no-recovery-key' })
  const answer = await request<LoginResponse>(
    'POST',
    '/login',
    { username, password, deviceId: account.deviceId },
    { baseUrl, fetch: opts.fetch, timeoutMs: opts.timeoutMs },
  )
  const { token, user, recoveryKey } = answer.body
  await request('POST', '/logout', undefined, { baseUrl, token, fetch: opts.fetch }).catch(() => {})
  // Another kader's password opens nothing here: her recovery key is not the one this vault was wrapped with.
  if (user.id !== account.userId || !recoveryKey)
    throw new SyncError('unauthorized', { detail: 'other-account' })
  await openWithRecoveryKey(recoveryKey)
}

/**
 * Logging out while changes made on this phone have not reached the server (waiting, or refused and not yet
 * corrected): refused, with their count. The UI sends what it can first (ui/sync/controller.ts logout); the kader
 * sends or corrects the rest before another account takes the phone.
 */
export class UnsentChangesError extends Error {
  override readonly name = 'UnsentChangesError'
  constructor(readonly count: number) {
    super(`${count} changes not sent`)
  }
}

/**
 * Revokes the token on the server when it can (offline, the token is just forgotten). Refuses with
 * UnsentChangesError while the outbox holds anything.
 */
export async function logout(opts: AuthOptions = {}): Promise<void> {
  const db = opts.db ?? getDb()
  const { waiting, rejected } = await outboxCounts(db)
  if (waiting + rejected > 0) throw new UnsentChangesError(waiting + rejected)
  const auth = await readMeta<SyncAuth>(db, AUTH_KEY)
  if (!auth?.token) return
  await request('POST', '/logout', undefined, {
    baseUrl: auth.baseUrl,
    token: auth.token,
    fetch: opts.fetch,
    timeoutMs: opts.timeoutMs ?? 10_000,
  }).catch(() => {})
  const { token: _revoked, ...rest } = auth
  await db.meta.put({ key: AUTH_KEY, value: rest })
}

async function ensureDeviceId(db: KaderDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('deviceId')
    if (typeof row?.value === 'string') return row.value
    const id = uuidv7()
    await db.meta.put({ key: 'deviceId', value: id })
    return id
  })
}

async function adoptWorkArea(db: KaderDb, area: LoginResponse['workArea'], deviceId: string, nowMs: number) {
  const old = (await db.meta.get('workArea'))?.value as Partial<WorkArea> | undefined
  const next = workAreaSchema.parse({
    id: area.id,
    kabupaten: area.kabupaten,
    kecamatan: area.kecamatan,
    desa: area.desa,
    ...(area.dusun ? { dusun: area.dusun } : {}),
    ...(area.rw ? { rw: area.rw } : {}),
    ...(area.rt ? { rt: area.rt } : {}),
    ...(old?.kaderName ? { kaderName: old.kaderName } : {}),
    ...(old?.posyandu ? { posyandu: old.posyandu } : {}),
  })
  await db.meta.put({ key: 'workArea', value: next })

  const homes = await db.households.where('workAreaId').equals(LOCAL_WORK_AREA).toArray()
  for (const h of homes) {
    await db.households.put({ ...h, workAreaId: area.id })
    await stampFields(db, 'households', h.id, ['workAreaId'], deviceId, nowMs)
    const entries = await entriesOfRecords(db, [h.id])
    if (!entries.some((e) => e.changedFields.includes('workAreaId'))) {
      // Not expected (a household is always created with its outbox entry), but then the field must still go.
      await db.outbox.add({
        changeId: uuidv7(nowMs),
        entity: 'households',
        recordId: h.id,
        version: h.version,
        changedFields: ['workAreaId'],
        at: new Date(nowMs).toISOString(),
        deviceId,
      })
    }
  }
  await db.visits.where('workAreaId').equals(LOCAL_WORK_AREA).modify({ workAreaId: area.id })
  await db.followUps.where('workAreaId').equals(LOCAL_WORK_AREA).modify({ workAreaId: area.id })
}
