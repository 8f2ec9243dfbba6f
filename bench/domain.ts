// `npm run bench:domain`: the pure rules at pustu scale in Node, no browser — the schedule of 20,000 members and the
// PWS month (with and without the cumulative indicators) of 20,000 people and 100,000 visits. Prints times (the
// first run includes JIT warm-up) and checks each result is whole, so a fast wrong answer cannot pass for a figure.
import { DEFAULT_CLINICAL_SETTINGS } from '../src/domain/clinical-settings'
import { CUMULATIVE_DEFINITIONS, pwsMonth, pwsMonthAndIndicators } from '../src/domain/pws'
import { visitTasks } from '../src/domain/schedule'
import { pwsArea } from './domain/pws-area'
import { SCHEDULE_TODAY, scheduleArea } from './domain/schedule-area'

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(`bench:domain: ${what}`)
}

/** Runs `work` `runs` times; prints wall and CPU time of each run. */
function timed<T>(label: string, runs: number, work: () => T): T {
  const times: string[] = []
  let result: T | undefined
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now()
    const cpu = process.cpuUsage()
    result = work()
    const used = process.cpuUsage(cpu)
    times.push(
      `${(performance.now() - start).toFixed(0)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)})`,
    )
  }
  console.log(`${label}: ${times.join(', ')}`)
  return result as T
}

const schedule = scheduleArea()
check(schedule.members.length === 20_000 && schedule.visits.length === 100_000, 'schedule area size')
const list = timed('visitTasks, 20,000 members / 100,000 visits', 3, () =>
  visitTasks({
    ...schedule,
    followUps: [],
    calendar: { openDay: { week: 2, weekday: 2 } }, // the second Tuesday
    settings: DEFAULT_CLINICAL_SETTINGS,
    today: SCHEDULE_TODAY,
  }),
)
check(list.length > 0 && new Set(list.map((t) => t.id)).size === list.length, 'tasks empty or ids repeated')

const input = pwsArea()
check(input.members.length === 20_000 && input.visits.length === 100_000, 'PWS area size')
const report = timed('pwsMonth, 20,000 members / 100,000 visits', 4, () => pwsMonth(input))
check(report.sasaran.total.value === 20_000, 'sasaran total')
const { skdn } = report
check(skdn.D.value === skdn.N.value + skdn.T.value + skdn.O.value + skdn.B.value, 'D = N + T + O + B')
const both = timed('pwsMonthAndIndicators, same area', 3, () => pwsMonthAndIndicators(input))
check(
  Object.keys(both.indicators.series).join() === CUMULATIVE_DEFINITIONS.map((d) => d.id).join(),
  'every cumulative indicator has a series',
)
check(
  both.indicators.skdnGroups.reduce((n, g) => n + g.counts.S.value, 0) === both.report.skdn.S.value,
  'SKDN groups add up to S',
)
