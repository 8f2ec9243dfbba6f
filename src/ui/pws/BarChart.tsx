// A small horizontal bar chart: each row a label, a bar and the number written out, so no value is read from the
// bar's length alone. HTML rather than SVG text: a long label ("Anak prasekolah (60–71 bulan)") wraps instead of
// being cut, at 360 px and on paper alike.
export function BarChart({ label, bars }: { label: string; bars: { label: string; value: number }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  return (
    <figure className="bar-chart" aria-label={label}>
      {bars.map((b) => (
        <div key={b.label} className="bar-row">
          <span className="bar-label">{b.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar" style={{ width: `${(100 * b.value) / max}%` }} />
          </span>
          <span className="bar-value">{b.value}</span>
        </div>
      ))}
    </figure>
  )
}
