import { type HouseholdStatus, MARKER_STYLE } from './status'

/** The marker as drawn on the map (status.ts markerHtml), for the legend. */
export function MarkerBadge({ status }: { status: HouseholdStatus }) {
  const { shape, glyph } = MARKER_STYLE[status]
  return (
    <span className={`hh-marker hh-${status} hh-${shape}`} aria-hidden="true">
      <span className="hh-glyph">{glyph}</span>
    </span>
  )
}
