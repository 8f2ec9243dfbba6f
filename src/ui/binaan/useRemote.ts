import { useCallback, useEffect, useState } from 'react'

export interface Remote<T> {
  value?: T
  error?: unknown
  retry: () => void
}

/**
 * What a server read answers, loaded when `key` changes and again on retry; the previous answer is dropped at once so
 * that another month's figures never show under this month's title. Aborted when the screen goes.
 */
export function useRemote<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Remote<T> {
  const [state, setState] = useState<{ key: string; value?: T; error?: unknown }>({ key })
  const [attempt, setAttempt] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is read anew for each key; attempt re-runs it.
  useEffect(() => {
    const controller = new AbortController()
    setState({ key })
    load(controller.signal).then(
      (value) => !controller.signal.aborted && setState({ key, value }),
      (error: unknown) => !controller.signal.aborted && setState({ key, error }),
    )
    return () => controller.abort()
  }, [key, attempt])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return state.key === key ? { value: state.value, error: state.error, retry } : { retry }
}
