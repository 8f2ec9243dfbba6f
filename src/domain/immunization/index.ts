// Immunisation and the other services of a child's visit: the schedule (schedule.ts), each dose's state
// (status.ts), vitamin A, obat cacing and ASI eksklusif (services.ts), age ↔ date (age-dates.ts).
export { type AgeSpec, firstDateAtAge, lastDateAtAge } from './age-dates'
export {
  ANTIGENS,
  type Antigen,
  IMMUNIZATION_SCHEDULE,
  MIN_DAYS_BETWEEN_DOSES,
  type ScheduledDose,
} from './schedule'
export * from './services'
export * from './status'
