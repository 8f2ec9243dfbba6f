// A member's visits, newest first: date, place, kader and the key measurements of each screening part, each with a
// trend arrow against the previous valid visit that measured the same thing (↑ ↓ →, with words for screen
// readers). A visit replaced by a correction stays listed, greyed, marked "Dikoreksi", with a link to the
// correction; it is neither compared against nor drawn. For a child under 72 months at the latest visit the two
// KMS growth charts (BB/U and PB/U|TB/U) are drawn from the valid visits.
//
// GrowthChart pulls in the WHO tables, so it is loaded only when a child's charts are shown (an adult's history
// never loads them).
import './visit-history.css'
import { lazy, type MouseEvent, type ReactNode, Suspense, useMemo } from 'react'
import { useMemberVisits } from '../../data/visit-hooks'
import type { VisitRow } from '../../data/visits'
import { ageOn } from '../../domain/age'
import { formatDate, numberFormat, useI18n, useT } from '../i18n'
import { openDayMessages } from '../openday/messages'
import { paths } from '../router'
import type { GrowthChartPoint } from './GrowthChart'
import { historyMessages } from './history-messages'

const GrowthChart = lazy(() => import('./GrowthChart'))

export interface VisitHistoryProps {
  memberId: string
  birthDate: string
  sex: 'L' | 'P'
  /** Drawn under each visit (the findings and actions of that visit). */
  renderFindings?: (visit: VisitRow) => ReactNode
}

/** Charts up to this age (months) at the latest visit: bayi, balita and anak prasekolah. */
const CHART_MONTHS = 72
/** WHO's length ↔ height offset, used to compare a lying length with a standing height. */
const ADJUST_CM = 0.7

const PART_ORDER = ['balita', 'neonatus', 'remaja', 'dewasa', 'lansia', 'ibu_hamil', 'nifas'] as const

type MeasureId =
  | 'weight'
  | 'length'
  | 'height'
  | 'lengthOrHeight'
  | 'head'
  | 'arm'
  | 'waist'
  | 'bp'
  | 'gds'
  | 'hb'
  | 'temperature'

interface Measure {
  /** Names the label (history.measure.<id>). */
  id: MeasureId
  /** What a trend compares across visits: PB, TB and PB/TB are one series. */
  series: string
  /** The value compared: lying-length equivalent for PB/TB, systolic for TD. */
  compare: number
  /** Shown value without unit ("9,1", "120/80"). */
  text: (nf: Intl.NumberFormat) => string
  unit: string
}

type Payload = Record<string, unknown>

const num = (p: Payload | undefined, key: string): number | undefined => {
  const v = p?.[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

function simple(id: MeasureId, value: number | undefined, unit: string): Measure[] {
  return value === undefined ? [] : [{ id, series: id, compare: value, text: (nf) => nf.format(value), unit }]
}

/** The key measurements stored in one part's payload, in a fixed order. */
function measuresOf(part: Payload): Measure[] {
  const skilas = typeof part.skilas === 'object' && part.skilas ? (part.skilas as Payload) : undefined
  const length = num(part, 'lengthCm')
  const position = part.position === 'lying' || part.position === 'standing' ? part.position : undefined
  const systolic = num(part, 'systolicMmHg')
  const diastolic = num(part, 'diastolicMmHg')
  const out: Measure[] = [...simple('weight', num(part, 'weightKg'), 'kg')]
  if (length !== undefined)
    out.push({
      id: position === 'lying' ? 'length' : position === 'standing' ? 'height' : 'lengthOrHeight',
      series: 'length',
      compare: position === 'standing' ? length + ADJUST_CM : length,
      text: (nf) => nf.format(length),
      unit: 'cm',
    })
  out.push(...simple('height', num(part, 'heightCm'), 'cm'))
  out.push(...simple('head', num(part, 'headCm'), 'cm'))
  out.push(...simple('arm', num(part, 'armCm') ?? num(part, 'lilaCm') ?? num(skilas, 'lilaCm'), 'cm'))
  out.push(...simple('waist', num(part, 'waistCm'), 'cm'))
  if (systolic !== undefined || diastolic !== undefined)
    out.push({
      id: 'bp',
      series: 'bp',
      compare: systolic ?? Number.NaN,
      text: (nf) =>
        `${systolic === undefined ? '–' : nf.format(systolic)}/${diastolic === undefined ? '–' : nf.format(diastolic)}`,
      unit: 'mmHg',
    })
  out.push(...simple('gds', num(part, 'gdsMgDl'), 'mg/dL'))
  out.push(...simple('hb', num(part, 'hbGdl'), 'g/dL'))
  out.push(...simple('temperature', num(part, 'temperatureC'), '°C'))
  return out
}

type KnownPart = (typeof PART_ORDER)[number]

/** The visit's parts in form order; a part this version does not know (a newer phone's) comes last, by its name. */
function partsOf(visit: VisitRow): { part: KnownPart | string; measures: Measure[] }[] {
  const parts = (visit.parts ?? {}) as Record<string, unknown>
  const names = [...PART_ORDER, ...Object.keys(parts).filter((k) => !isKnownPart(k))]
  return names.flatMap((part) => {
    const payload = parts[part]
    return typeof payload === 'object' && payload ? [{ part, measures: measuresOf(payload as Payload) }] : []
  })
}

function isKnownPart(part: string): part is KnownPart {
  return (PART_ORDER as readonly string[]).includes(part)
}

type Direction = 'up' | 'down' | 'same'
interface Trend {
  direction: Direction
  previous: Measure
}

const ARROW: Record<Direction, string> = { up: '↑', down: '↓', same: '→' }

/**
 * For every valid visit, each series' trend against the latest older valid visit that has that series. Values
 * equal to 0.01 count as unchanged.
 */
function trendsOf(visits: VisitRow[]): Map<string, Map<string, Trend>> {
  const valid = visits.filter((v) => !v.supersededBy)
  const bySeries = valid.map((v) => {
    const series = new Map<string, Measure>()
    for (const { measures } of partsOf(v))
      for (const m of measures)
        if (!series.has(m.series) && Number.isFinite(m.compare)) series.set(m.series, m)
    return series
  })
  const out = new Map<string, Map<string, Trend>>()
  valid.forEach((v, i) => {
    const trends = new Map<string, Trend>()
    for (const [series, m] of bySeries[i] ?? []) {
      const previous = bySeries
        .slice(i + 1)
        .find((s) => s.has(series))
        ?.get(series)
      if (!previous) continue
      const delta = Math.round((m.compare - previous.compare) * 100) / 100
      trends.set(series, { direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same', previous })
    }
    out.set(v.id, trends)
  })
  return out
}

function chartPoints(visits: VisitRow[]): { wfa: GrowthChartPoint[]; lhfa: GrowthChartPoint[] } {
  const wfa: GrowthChartPoint[] = []
  const lhfa: GrowthChartPoint[] = []
  for (const v of visits) {
    if (v.supersededBy) continue
    const balita = (v.parts as Record<string, unknown> | undefined)?.balita as Payload | undefined
    const weight = num(balita, 'weightKg')
    const length = num(balita, 'lengthCm')
    if (weight !== undefined) wfa.push({ date: v.date, value: weight })
    if (length !== undefined) {
      const position = balita?.position
      lhfa.push(
        position === 'lying' || position === 'standing'
          ? { date: v.date, value: length, position }
          : { date: v.date, value: length },
      )
    }
  }
  return { wfa, lhfa }
}

function monthsAt(birthDate: string, date: string): number | undefined {
  try {
    return ageOn(birthDate, date).totalMonths
  } catch {
    return undefined
  }
}

function focusVisit(event: MouseEvent<HTMLAnchorElement>, visitId: string) {
  const target = document.getElementById(`visit-${visitId}`)
  if (!target) return
  event.preventDefault()
  target.scrollIntoView?.({ block: 'start', behavior: 'smooth' })
  target.focus({ preventScroll: true })
}

/** An open-day check-in with nothing else in it (openday, langkah 1). */
const checkInOnly = (v: VisitRow) =>
  v.checkedIn === true &&
  Object.keys(v.parts).length === 0 &&
  !v.note &&
  !v.services?.length &&
  !v.topics?.length

export default function VisitHistory({ memberId, birthDate, sex, renderFindings }: VisitHistoryProps) {
  const { t, lang } = useI18n(historyMessages)
  const tOpenDay = useT(openDayMessages)
  const stored = useMemberVisits(memberId)
  // A check-in the person's measurement completed says nothing the measurement does not: it is not a correction.
  const visits = useMemo(() => stored?.filter((v) => !(v.supersededBy && checkInOnly(v))), [stored])
  const checkIns = useMemo(() => new Set((stored ?? []).filter(checkInOnly).map((v) => v.id)), [stored])
  const trends = useMemo(() => (visits ? trendsOf(visits) : undefined), [visits])
  const points = useMemo(() => (visits ? chartPoints(visits) : undefined), [visits])
  if (!visits || !trends || !points) return <p className="loading">{t('common.loading')}</p>
  if (visits.length === 0) return <p className="empty">{t('history.empty')}</p>

  const nf = numberFormat(lang, 2)
  const latest = visits[0]
  const months = latest ? monthsAt(birthDate, latest.date) : undefined
  const showCharts = months !== undefined && months < CHART_MONTHS
  const dateOf = new Map(visits.map((v) => [v.id, v.date]))

  return (
    <div className="visit-history">
      {showCharts && (
        <section className="visit-charts" aria-labelledby={`charts-${memberId}`}>
          <h3 id={`charts-${memberId}`} className="visit-charts-title">
            {t('history.charts')}
          </h3>
          <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
            <GrowthChart sex={sex} birthDate={birthDate} indicator="wfa" points={points.wfa} />
            <GrowthChart sex={sex} birthDate={birthDate} indicator="lhfa" points={points.lhfa} />
          </Suspense>
        </section>
      )}
      <ol className="visit-list">
        {visits.map((v) => {
          const superseded = v.supersededBy !== undefined
          const visitTrends = trends.get(v.id)
          const correctedDate =
            v.supersedes && !checkIns.has(v.supersedes) ? dateOf.get(v.supersedes) : undefined
          return (
            <li
              key={v.id}
              id={`visit-${v.id}`}
              tabIndex={-1}
              className={superseded ? 'visit visit-superseded' : 'visit'}
            >
              <article aria-labelledby={`visit-${v.id}-title`}>
                <h3 id={`visit-${v.id}-title`} className="visit-title">
                  {formatDate(v.date, lang)} · {t(`history.place.${v.place}`)}
                </h3>
                {v.supersededBy !== undefined && (
                  <p className="visit-corrected">
                    <span className="badge badge-corrected">{t('history.corrected')}</span>{' '}
                    <a href={paths.member(memberId)} onClick={(e) => focusVisit(e, v.supersededBy as string)}>
                      {t('history.seeCorrection')}
                    </a>
                  </p>
                )}
                {correctedDate && (
                  <p className="muted visit-meta">
                    {t('history.correctionOf', { date: formatDate(correctedDate, lang) })}
                  </p>
                )}
                {v.kader && <p className="muted visit-meta">{t('history.kader', { name: v.kader })}</p>}
                <dl className="visit-parts">
                  {partsOf(v).map(({ part, measures }) => (
                    <div key={part} className="visit-part">
                      <dt>{isKnownPart(part) ? t(`history.part.${part}`) : part}</dt>
                      <dd>
                        {measures.length === 0 ? (
                          <span className="muted">{t('history.noMeasures')}</span>
                        ) : (
                          <ul className="measures">
                            {measures.map((m) => {
                              const trend = superseded ? undefined : visitTrends?.get(m.series)
                              return (
                                <li key={m.id} className="measure">
                                  <abbr title={t(`history.measure.${m.id}.name`)}>
                                    {t(`history.measure.${m.id}`)}
                                  </abbr>{' '}
                                  {m.text(nf)} {m.unit}
                                  {trend && (
                                    <>
                                      {' '}
                                      <span
                                        className={`trend trend-${trend.direction}`}
                                        aria-hidden="true"
                                        data-trend={trend.direction}
                                      >
                                        {ARROW[trend.direction]}
                                      </span>
                                      <span className="visually-hidden">
                                        {' '}
                                        {t(`history.trend.${trend.direction}`, {
                                          prev: `${trend.previous.text(nf)} ${trend.previous.unit}`,
                                        })}
                                      </span>
                                    </>
                                  )}
                                </li>
                              )
                            })}
                          </ul>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
                {checkInOnly(v) && (
                  <p className="muted visit-meta">{tOpenDay('openDay.history.checkedIn')}</p>
                )}
                {v.services?.length ? (
                  <p className="visit-meta">
                    {tOpenDay('openDay.history.services', {
                      list: v.services.map((x) => tOpenDay(`measure.service.${x}`)).join(', '),
                    })}
                  </p>
                ) : null}
                {v.topics?.length ? (
                  <p className="visit-meta">
                    {tOpenDay('openDay.history.topics', {
                      list: v.topics.map((x) => tOpenDay(`topic.${x}`)).join(', '),
                    })}
                  </p>
                ) : null}
                {v.note && <p className="visit-note">{t('history.note', { note: v.note })}</p>}
                {renderFindings?.(v)}
              </article>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
