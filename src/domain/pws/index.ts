// PWS dashboard and monthly report (issue 5 §4–§5): pwsMonth builds the figures, pwsCsv writes the laporan bulanan.
// Imports the growth engine (WHO tables): load with import('…/domain/pws') from the screens that need it.
export { CSV_SEPARATOR, pwsCsv } from './csv'
export { FLAG_LABELS, OVERLAY_LABELS, RISK_LABELS, STAGE_LABELS } from './labels'
export { pwsMonth } from './report'
export {
  type Count,
  FLAGS,
  type Flag,
  type PwsFollowUp,
  type PwsHousehold,
  type PwsInput,
  type PwsMember,
  type PwsNote,
  type PwsReport,
  type PwsVisit,
  type Ratio,
  type RegisterRow,
  RISKS,
  type Risk,
  type Skdn,
  type VisitTally,
} from './types'
