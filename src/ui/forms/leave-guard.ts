// Back on a form with changes asks first — the top bar's ‹ and the phone's own Back alike. While a form is dirty,
// one extra history entry with the same URL sits on top of the form's entry; the phone's Back pops it (a popstate
// with no hash change, so the screen stays) and the form asks. The top bar's back link asks through
// interceptLeave. Leaving pops the extra entry first, so the history holds no stale copy of the form.
import { useCallback, useEffect, useRef, useState } from 'react'
import { navigate } from '../router'

const GUARD = 'kaderFormGuard'

/** Where the kader wanted to go: the previous history entry, or a path. */
export type LeaveTarget = { back: true } | { path: string }

let active: ((target: LeaveTarget) => void) | undefined

/** The top bar's back link: true when a dirty form took over (it asks, then navigates itself). */
export function interceptLeave(path: string): boolean {
  if (!active) return false
  active({ path })
  return true
}

const onGuardEntry = () => (window.history.state as Record<string, unknown> | null)?.[GUARD] === true

/** Pops the guard entry, if the history has it on top, and resolves once the browser has moved. */
export function popGuardEntry(): Promise<void> {
  if (!onGuardEntry()) return Promise.resolve()
  return new Promise((resolve) => {
    window.addEventListener('popstate', () => resolve(), { once: true })
    window.history.back()
  })
}

/**
 * A dirty form's guard. `asking` is set while the form should ask (render LeaveDialog); `stay` and `leave` answer.
 * `release` is for a successful save: it pops the guard entry so the save can navigate with replace.
 */
export function useLeaveGuard(dirty: boolean) {
  const [asking, setAsking] = useState<LeaveTarget>()
  const releasing = useRef(false)

  useEffect(() => {
    if (!dirty) return
    // After a reload the guard entry is still on top (history state survives it): none is added twice.
    if (!onGuardEntry()) window.history.pushState({ ...window.history.state, [GUARD]: true }, '')
    const onPop = () => {
      if (!releasing.current && !onGuardEntry()) setAsking({ back: true })
    }
    window.addEventListener('popstate', onPop)
    active = setAsking
    return () => {
      window.removeEventListener('popstate', onPop)
      if (active === setAsking) active = undefined
    }
  }, [dirty])

  const stay = useCallback(() => {
    if (asking && 'back' in asking && !onGuardEntry())
      window.history.pushState({ ...window.history.state, [GUARD]: true }, '')
    setAsking(undefined)
  }, [asking])

  const release = useCallback(async () => {
    releasing.current = true
    try {
      await popGuardEntry()
    } finally {
      releasing.current = false
    }
  }, [])

  const leave = useCallback(async () => {
    const target = asking
    setAsking(undefined)
    if (!target) return
    if ('back' in target) {
      // The guard entry is gone already: this Back leaves the form's own entry.
      releasing.current = true
      window.history.back()
      return
    }
    await release()
    navigate(target.path, { replace: true })
  }, [asking, release])

  return { asking, stay, leave, release }
}
