// Postnatal contact windows (KF for the mother, KN for the newborn) counted from the delivery, and the state of
// each contact on a given day. Times are local wall-clock; arithmetic is on whole minutes from 1970-01-01 via
// dates.ts, so the device's time zone never matters.
import { daysBetween, normalizeDate } from '../dates'
import type { Finding } from '../findings'
import { finding } from './common'

export type ContactState = 'upcoming' | 'due' | 'done' | 'missed'

/** A window bound: hours after the delivery instant, or the start of a day after delivery (delivery day = 0). */
export type WindowBound = { hours: number } | { day: number }

export interface ContactDefinition<C extends string> {
  contact: C
  /** Inclusive. */
  from: WindowBound
  /** Inclusive: { day: 7 } means through the end of day 7; { hours: 48 } means up to 48 h after delivery. */
  to: WindowBound
}

export interface ContactVisit<C extends string> {
  contact: C
  /** 'YYYY-MM-DD' */
  date: string
  /** 'HH:mm' when known */
  time?: string
}

export interface ContactWindow<C extends string> {
  contact: C
  /** Window start, 'YYYY-MM-DDTHH:mm' local. */
  opens: string
  /** Last minute of the window (inclusive), 'YYYY-MM-DDTHH:mm' local. */
  closes: string
  state: ContactState
  /** The visit recorded for this contact (the earliest, when recorded twice). */
  doneOn?: string
  /** For a done contact: whether the visit fell inside the window. */
  inWindow?: boolean
}

const MINUTES_PER_DAY = 1440
const EPOCH = '1970-01-01'

/**
 * Each contact's window and state. Without a delivery time, hour bounds widen to whole days (6 h → the delivery
 * day, 48 h → through day 2), since the window cannot be placed more exactly. Without `nowTime`, "now" is the
 * whole of `today`: a window still open at any moment of today is due, one that closed before today is missed.
 */
export function contactWindows<C extends string>(
  definitions: readonly ContactDefinition<C>[],
  delivery: { date: string; time?: string },
  visits: readonly ContactVisit<C>[],
  now: { today: string; time?: string },
): ContactWindow<C>[] {
  const birth = delivery.time === undefined ? undefined : toMinutes(delivery.date, delivery.time)
  const dayStart = (day: number) => toMinutes(delivery.date) + day * MINUTES_PER_DAY
  const start = (b: WindowBound) =>
    'day' in b
      ? dayStart(b.day)
      : birth === undefined
        ? dayStart(Math.floor(b.hours / 24))
        : birth + b.hours * 60
  const end = (b: WindowBound) =>
    'day' in b
      ? dayStart(b.day + 1)
      : birth === undefined
        ? dayStart(Math.ceil(b.hours / 24) + 1)
        : birth + b.hours * 60 + 1
  const nowFrom = toMinutes(now.today, now.time)
  const nowTo = now.time === undefined ? nowFrom + MINUTES_PER_DAY : nowFrom + 1

  return definitions.map((def) => {
    const opens = start(def.from)
    const closes = end(def.to)
    const window = { contact: def.contact, opens: fromMinutes(opens), closes: fromMinutes(closes - 1) }
    const visit = visits
      .filter((v) => v.contact === def.contact)
      .sort((a, b) => toMinutes(a.date, a.time) - toMinutes(b.date, b.time))[0]
    if (visit) {
      const at = toMinutes(visit.date, visit.time)
      const atEnd = visit.time === undefined ? at + MINUTES_PER_DAY : at + 1
      return { ...window, state: 'done', doneOn: visit.date, inWindow: at < closes && atEnd > opens }
    }
    if (nowTo <= opens) return { ...window, state: 'upcoming' }
    if (nowFrom >= closes) return { ...window, state: 'missed' }
    return { ...window, state: 'due' }
  })
}

function toMinutes(date: string, time?: string): number {
  const day = daysBetween(EPOCH, date) * MINUTES_PER_DAY
  if (time === undefined) return day
  const match = /^(\d{2}):(\d{2})$/.exec(time)
  const hours = Number(match?.[1])
  const minutes = Number(match?.[2])
  if (!match || hours > 23 || minutes > 59) throw new RangeError(`Not a time of day: '${time}'`)
  return day + hours * 60 + minutes
}

function fromMinutes(total: number): string {
  const day = Math.floor(total / MINUTES_PER_DAY)
  const rest = total - day * MINUTES_PER_DAY
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${normalizeDate(1970, 1, 1 + day)}T${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`
}

/** One finding per contact: missed or due → perhatian (kunjungan khusus, clinical-rules.md §3.1); done/upcoming → normal. */
export function contactFinding<C extends string>(
  prefix: string,
  w: ContactWindow<C>,
  source: string,
): Finding {
  const code = `${prefix}.${w.contact.toLowerCase()}.${w.state}`
  const span = `${w.opens.replace('T', ' ')} – ${w.closes.replace('T', ' ')}`
  switch (w.state) {
    case 'done':
      return finding(
        code,
        'normal',
        w.inWindow
          ? { id: `${w.contact} sudah (${w.doneOn})`, en: `${w.contact} done (${w.doneOn})` }
          : {
              id: `${w.contact} sudah (${w.doneOn}), di luar jendela ${span}`,
              en: `${w.contact} done (${w.doneOn}), outside its window ${span}`,
            },
        source,
      )
    case 'due':
      return finding(
        code,
        'perhatian',
        { id: `${w.contact} jatuh tempo sekarang (${span})`, en: `${w.contact} due now (${span})` },
        source,
      )
    case 'missed':
      return finding(
        code,
        'perhatian',
        { id: `${w.contact} terlewat (${span})`, en: `${w.contact} missed (${span})` },
        source,
      )
    case 'upcoming':
      return finding(
        code,
        'normal',
        { id: `${w.contact} akan datang (${span})`, en: `${w.contact} upcoming (${span})` },
        source,
      )
  }
}
