// Why a sync failed, as one typed error the UI can word (message key `sync.err.${reason}`) and the engine can
// decide on: retry with backoff, ask for a login, or stop until someone changes something. A failure that is not
// one of ours is named for what it is — the phone's storage is full, or a bug — never passed off as "offline".
import { isQuotaError, StorageError } from '../data/db'

export type SyncErrorReason =
  /** No network, DNS failure, connection refused or cut mid-response. Retried. */
  | 'offline'
  /** No complete answer within REQUEST_TIMEOUT_MS. Retried. */
  | 'timeout'
  /** 401: no token, revoked token, wrong password. The kader must log in again; the outbox is kept. */
  | 'unauthorized'
  /** 403: the token belongs to another work area than the device's data. Sync stops until the right login. */
  | 'forbidden'
  /** 5xx or an answer that is not the protocol's. Retried (a batch is idempotent; after a 503, not before its Retry-After). */
  | 'server'
  /** 429: the server asked us to wait (`retryAfterMs`). Retried. */
  | 'rate-limited'
  /** The phone's clock is too far from the server's: changes were refused until it is set right. */
  | 'clock-skew'
  /** 400, 404, 413, 415: a bug in the app or a server of another protocol version. Not retried. */
  | 'bad-request'
  /** Sync was asked for before any login on this device. */
  | 'not-logged-in'
  /** Login with an account of another work area while this device still holds unsent changes of its own. */
  | 'work-area-mismatch'
  /** Login with an account that has its own place on this phone ("Ganti kader"; `detail`: its number there). */
  | 'account-on-phone'
  /** The caller aborted the run (the scheduler stopped, the page was closed). */
  | 'aborted'
  /**
   * The phone's storage refused a pulled page or the run's bookkeeping (quota or disk full). Not retried after a
   * pause: nothing changes until the kader frees space; the next trigger (the button, coming online, the 5-minute
   * tick) tries again. What was stored before stays stored.
   */
  | 'storage-full'
  /**
   * Anything else that went wrong inside the app (a bug, a corrupt answer the checks missed). Not retried after a
   * pause — a bug fails the same way again; the next trigger tries once more. The error's name (never its message,
   * which may quote data) goes to `detail`.
   */
  | 'internal'

/** Reasons worth trying again after a pause: the same request may well succeed. */
export const RETRYABLE: ReadonlySet<SyncErrorReason> = new Set([
  'offline',
  'timeout',
  'server',
  'rate-limited',
])

export class SyncError extends Error {
  override readonly name = 'SyncError'
  constructor(
    readonly reason: SyncErrorReason,
    options?: ErrorOptions & { status?: number; detail?: string; retryAfterMs?: number },
  ) {
    super(`Sync error: ${reason}${options?.detail ? ` (${options.detail})` : ''}`, options)
    this.status = options?.status
    this.detail = options?.detail
    this.retryAfterMs = options?.retryAfterMs
  }
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined
  /** The server's `error.detail`, e.g. 'invalid-token', 'work-area-mismatch'. */
  readonly detail: string | undefined
  /** How long the server asked us to wait (Retry-After), for 'rate-limited'. */
  readonly retryAfterMs: number | undefined

  get retryable(): boolean {
    return RETRYABLE.has(this.reason)
  }
}

/** The failure as a SyncError: ours as it is, a full disk as 'storage-full', anything else as 'internal'. */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error
  if (error instanceof StorageError || isQuotaError(error))
    return new SyncError('storage-full', { cause: error })
  const name = error instanceof Error ? error.name : typeof error
  return new SyncError('internal', { cause: error, detail: name })
}
