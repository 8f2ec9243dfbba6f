import { useRef, useState } from 'react'
import { StorageError } from '../../data/db'
import type { ErrorKey } from '../../protocol/error-messages'

/**
 * Runs a write for a form: `saving` while it runs, and a full phone becomes a message key in `failure`
 * (the input stays in the form, so nothing typed is lost) instead of an unhandled error. A second tap while a
 * write runs does nothing (`busy()`): React disables the button only after the next render, taps come sooner.
 */
export function useSave() {
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<ErrorKey>()
  const lock = useRef(false)
  /** `{ value }` when the write went through, undefined when the phone refused it or a write was running. */
  const run = async <T>(write: () => Promise<T>): Promise<{ value: T } | undefined> => {
    if (lock.current) return undefined
    lock.current = true
    setSaving(true)
    setFailure(undefined)
    try {
      return { value: await write() }
    } catch (error) {
      if (error instanceof StorageError) {
        setFailure(`err.${error.reason}`)
        return undefined
      }
      throw error
    } finally {
      lock.current = false
      setSaving(false)
    }
  }
  return { saving, failure, run, busy: () => lock.current }
}
