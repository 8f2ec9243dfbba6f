import { type RefObject, useCallback, useEffect, useState } from 'react'

/**
 * After a Simpan that failed, the first field marked invalid scrolls into view and takes focus — the message sits
 * next to it — or, when no field is marked, the form's failure message. Runs after the render that shows them.
 */
export function useRevealInvalid(form: RefObject<HTMLElement | null>): () => void {
  const [asked, setAsked] = useState(0)
  useEffect(() => {
    if (asked === 0 || !form.current) return
    const target =
      form.current.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current.querySelector<HTMLElement>('.form-failure')
    if (!target) return
    target.scrollIntoView?.({ block: 'center' }) // jsdom has none
    if (!target.matches('input, select, textarea, button')) target.tabIndex = -1
    target.focus({ preventScroll: true })
  }, [asked, form])
  return useCallback(() => setAsked((n) => n + 1), [])
}
