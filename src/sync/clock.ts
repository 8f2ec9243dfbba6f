// The device's hybrid logical clock (src/protocol/hlc.ts) and the per-field stamps of households and members.
//   meta 'hlc'       — the clock's last stamp (formatted), so that stamps keep increasing across app restarts;
//   clocks (db.ts)   — per record `${entity}:${recordId}`: each field's stamp and, for unacknowledged local edits,
//                      the stamp each edit replaced (the conflict log's "base").
// Every function here joins the caller's Dexie transaction (write.ts saves, the sync engine's pages), so a record,
// its stamps, the clock and the outbox entry are written together or not at all.
import type { KaderDb } from '../data/db'
import type { FieldClocks } from '../data/schemas'
import { formatHlc, HLC_MAX_COUNTER, type Hlc, initHlc, isHlc, parseHlc, receiveHlc } from '../protocol/hlc'

export const HLC_META_KEY = 'hlc'

export const clockKey = (entity: string, recordId: string): string => `${entity}:${recordId}`

/** The device's clock; a new one (time 0) on first use or when the stored stamp belongs to another node. */
export async function loadClock(db: KaderDb, node: string): Promise<Hlc> {
  const row = await db.meta.get(HLC_META_KEY)
  if (isHlc(row?.value)) {
    const h = parseHlc(row.value)
    if (h.node === node) return h
    return { ...h, node }
  }
  return initHlc(node)
}

export async function saveClock(db: KaderDb, clock: Hlc): Promise<void> {
  await db.meta.put({ key: HLC_META_KEY, value: formatHlc(clock) })
}

/**
 * A local edit's stamp: like sendHlc, but never refused. sendHlc throws when the clock is more than
 * HLC_MAX_DRIFT_MS ahead of the wall clock — exactly what happens to a phone whose clock is hours behind once it
 * has pulled stamps from correct phones. A kader's save must never fail for that: the stamp stays just after the
 * newest one seen (the server checks drift against its own clock, which is the check that matters).
 */
export function tick(clock: Hlc, nowMs: number): Hlc {
  if (nowMs > clock.millis) return { millis: nowMs, counter: 0, node: clock.node }
  if (clock.counter < HLC_MAX_COUNTER) return { ...clock, counter: clock.counter + 1 }
  return { millis: clock.millis + 1, counter: 0, node: clock.node }
}

/**
 * Advances the clock past a stamp seen elsewhere (a pulled field, the server's time). `nowMs` should be the best
 * estimate of the real time (the later of the device's and the server's clock): receiveHlc refuses stamps far
 * ahead of it, which for a phone whose clock is behind would otherwise refuse every correct stamp.
 */
export function observe(clock: Hlc, remote: Hlc | string, nowMs: number): Hlc {
  try {
    return receiveHlc(clock, remote, nowMs)
  } catch {
    // A stamp too far ahead even of the server's time is not trusted to move our clock.
    return clock
  }
}

/**
 * Stamps `fields` of one record with one new stamp from the device clock, inside the caller's transaction, and
 * remembers each field's previous stamp as its base until the server acknowledges the edit. Returns the stamp.
 */
export async function stampFields(
  db: KaderDb,
  entity: string,
  recordId: string,
  fields: readonly string[],
  node: string,
  nowMs: number,
): Promise<string> {
  const clock = tick(await loadClock(db, node), nowMs)
  await saveClock(db, clock)
  const stamp = formatHlc(clock)
  const key = clockKey(entity, recordId)
  const row: FieldClocks = (await db.clocks.get(key)) ?? { key, hlcs: {} }
  const base = { ...row.base }
  const hlcs = { ...row.hlcs }
  for (const f of fields) {
    if (!Object.hasOwn(base, f)) base[f] = hlcs[f] ?? null
    hlcs[f] = stamp
  }
  await db.clocks.put({ key, hlcs, base })
  return stamp
}
