// The posyandu open day (hari buka): who is expected, the queue through the 5 langkah, the measures and services
// of each stage, penyuluhan topics, and the day's rekap (clinical-rules.md §1.1–1.2, §3).
export {
  type Attendance,
  attendanceOf,
  currentVisits,
  nextInQueue,
  openDayQueue,
  type QueueEntry,
} from './day'
export {
  type ExpectedReason,
  expectedReason,
  OPEN_DAY_GROUPS,
  type OpenDayGroup,
  openDayGroup,
  REGULAR_MONTHS,
} from './expected'
export { isMeasured, type MeasureKey, type MeasureSlot, measureSlots } from './measures'
export { openDayRekap, type Rekap, type RekapRow } from './rekap'
export { OPEN_DAY_SERVICES, type OpenDayService, type ServicePlan, servicePlan } from './services'
export { PENYULUHAN_TOPICS, type PenyuluhanTopic, suggestedTopics } from './topics'
export type { OpenDayMember, OpenDayVisit } from './types'
