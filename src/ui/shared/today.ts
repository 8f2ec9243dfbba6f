// The UI is the one place that reads the clock; it passes `today` down to the pure domain rules.
import { useEffect, useState } from 'react'

/** Local calendar date as YYYY-MM-DD. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Today's date, updated when the app stays open past midnight. */
export function useToday(): string {
  const [today, setToday] = useState(() => localDate(new Date()))
  useEffect(() => {
    const timer = setInterval(() => setToday(localDate(new Date())), 60_000)
    return () => clearInterval(timer)
  }, [])
  return today
}
