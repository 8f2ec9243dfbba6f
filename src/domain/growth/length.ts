// Length or height: the 0.7 cm rule (clinical-rules.md §6.4). Under 731 days WHO expects a length measured lying,
// from 731 days a height measured standing; a measurement taken the other way is adjusted by 0.7 cm before it is
// read against the tables — by the z-scores (zscore.ts) and on the growth chart (chart.ts) alike.

/** From this age in days WHO expects standing height (24 months); before it, recumbent length. */
export const HEIGHT_FROM_DAY = 731
/** cm a lying length exceeds a standing height of the same child. */
export const LYING_MINUS_STANDING_CM = 0.7

export type Position = 'lying' | 'standing'

/**
 * The length or height WHO's tables expect at `ageDays` (the rounded age in days): a standing height before 731
 * days + 0.7 cm, a lying length from 731 days − 0.7 cm; unchanged when the position is unknown (anthro's rule).
 */
export function adjustedLength(lengthCm: number, position: Position | undefined, ageDays: number): number {
  if (position === 'standing' && ageDays < HEIGHT_FROM_DAY) return lengthCm + LYING_MINUS_STANDING_CM
  if (position === 'lying' && ageDays >= HEIGHT_FROM_DAY) return lengthCm - LYING_MINUS_STANDING_CM
  return lengthCm
}
