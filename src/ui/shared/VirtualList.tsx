// Renders only the rows in view (plus a few), so a list of 5,000 households costs the same as one of 20.
import { type ReactNode, useEffect, useRef, useState } from 'react'

const OVERSCAN = 6
// Before the first layout (and in jsdom, which has no layout) assume a phone-sized viewport.
const FALLBACK_HEIGHT = 640

interface Props<T> {
  items: readonly T[]
  rowHeight: number
  getKey: (item: T) => string
  renderRow: (item: T, index: number) => ReactNode
  label: string
}

export function VirtualList<T>({ items, rowHeight, getKey, renderRow, label }: Props<T>) {
  const ref = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(FALLBACK_HEIGHT)

  useEffect(() => {
    const el = ref.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || FALLBACK_HEIGHT))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN)
  const visible = items.slice(first, last)

  return (
    <div ref={ref} className="vlist" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul
        aria-label={label}
        style={{ height: items.length * rowHeight, position: 'relative', margin: 0, padding: 0 }}
      >
        {visible.map((item, i) => (
          <li
            key={getKey(item)}
            style={{
              position: 'absolute',
              top: (first + i) * rowHeight,
              height: rowHeight,
              left: 0,
              right: 0,
            }}
          >
            {renderRow(item, first + i)}
          </li>
        ))}
      </ul>
    </div>
  )
}
