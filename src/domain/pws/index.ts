// PWS dashboard and monthly report (issue 5 §4–§5): pwsMonth builds the figures, pwsCsv writes the laporan bulanan.
// Imports the growth engine (WHO tables): load with import('…/domain/pws') from the screens that need it.
export { CSV_SEPARATOR, pwsCsv } from './csv'
export {
  type AnnualTarget,
  type CumulativeSeries,
  cumulativeSeries,
  type MonthPoint,
  type PwsStatus,
  STATUS_LIGHT,
  type TrafficLight,
} from './cumulative'
export {
  AGE_GROUP_LABELS,
  GROUP_LABELS,
  INDICATOR_GROUPS,
  type IndicatorGroup,
  indicatorGroup,
  indicatorLabel,
  NUTRITION_LABELS,
  STATUS_LABELS,
} from './indicator-labels'
export {
  CUMULATIVE_DEFINITIONS,
  type IndicatorSeries,
  type PwsIndicators,
  type PwsTargets,
  pwsIndicators,
} from './indicators'
export { FLAG_LABELS, OVERLAY_LABELS, RISK_LABELS, STAGE_LABELS } from './labels'
export { type PosyanduFigures, puskesmasCsv } from './puskesmas-csv'
export { pwsMonth, pwsMonthAndIndicators } from './report'
export { AGE_GROUPS, type AgeGroup, NUTRITION, type Nutrition, type SkdnGroup } from './skdn-groups'
export {
  type AreaPeople,
  confirmedImplausible,
  type DuplicateNik,
  householdsWithoutGps,
  type ImplausibleItem,
  niksInSeveralAreas,
  type OverdueItem,
  overdueReferrals,
  type SupervisionMonth,
  supervisionMonth,
} from './supervision'
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
export type { VitaminARound } from './vitamin-a'
