// A small horizontal bar chart in plain SVG: a label, a bar and the number written out, so no value is read from
// the bar's length alone.
export function BarChart({ label, bars }: { label: string; bars: { label: string; value: number }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const rowHeight = 22
  const width = 320
  const labelWidth = 150
  return (
    <svg
      className="bar-chart"
      role="img"
      aria-label={`${label}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}
      viewBox={`0 0 ${width} ${bars.length * rowHeight}`}
      width="100%"
    >
      {bars.map((b, i) => {
        const barWidth = ((width - labelWidth - 40) * b.value) / max
        const y = i * rowHeight
        return (
          <g key={b.label}>
            <text x={0} y={y + 15} fontSize="11">
              {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y + 4} width={barWidth} height={rowHeight - 8} className="bar" />
            <text x={labelWidth + barWidth + 4} y={y + 15} fontSize="11">
              {b.value}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
