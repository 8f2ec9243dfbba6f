// The growth module: WHO z-scores, Kemenkes categories, KMS weight monitoring and the findings built from them.
// The UI loads it with import('…/domain/growth') so the WHO tables (tables.generated.ts, ≈ 19 KB gzipped) stay out
// of the first screen.
export { type Category, categorize, muacCategory } from './categories'
export {
  type GrowthChartGeometry,
  type GrowthChartInput,
  type GrowthChartPoint,
  growthChart,
  type PlottedPoint,
} from './chart'
export { CURVE_SDS, CURVES_LAST_DAY, type CurvePoint, type CurveSd, growthCurves } from './curves'
export { type GrowthFindingsInput, growthFindings } from './findings'
export {
  isBgm,
  KBM_GRAMS,
  kbmGrams,
  twoT,
  type Weighing,
  type WeighingStatus,
  weightGainStatus,
} from './monitoring'
export {
  DAYS_PER_MONTH,
  type Indicator,
  type Position,
  type Sex,
  type ZFailure,
  type ZResult,
  type ZScoreInput,
  zScore,
} from './zscore'
