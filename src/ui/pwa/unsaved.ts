// Which forms hold input that is not saved yet. The UpdateBanner reads it so that an update never reloads over a
// half-filled form, and while any form has input not yet kept even as a draft (drafts.ts) the browser asks before
// the tab is closed or reloaded — once the draft is written, a reload brings the form back as it was.
import { useEffect } from 'react'

const dirtyForms = new Set<symbol>()
/** Dirty forms whose input is not in IndexedDB yet. */
const unkept = new Set<symbol>()
const listeners = new Set<() => void>()

function onBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault()
  // Older Chromium (Android WebView) needs returnValue set to show the prompt.
  event.returnValue = ''
}

function change(update: () => void) {
  const wasDirty = dirtyForms.size > 0
  const wasUnkept = unkept.size > 0
  update()
  const isUnkept = unkept.size > 0
  if (wasUnkept !== isUnkept) {
    if (isUnkept) window.addEventListener('beforeunload', onBeforeUnload)
    else window.removeEventListener('beforeunload', onBeforeUnload)
  }
  if (wasDirty !== dirtyForms.size > 0) for (const listener of listeners) listener()
}

export function hasUnsavedForms(): boolean {
  return dirtyForms.size > 0
}

export function subscribeUnsavedForms(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/**
 * A form calls this with whether its input differs from what is saved, and whether that input is kept as a draft
 * already; it clears itself on unmount.
 */
export function useUnsavedGuard(dirty: boolean, kept = false): void {
  useEffect(() => {
    if (!dirty) return
    const form = Symbol('dirty form')
    change(() => dirtyForms.add(form))
    return () => change(() => dirtyForms.delete(form))
  }, [dirty])
  useEffect(() => {
    if (!dirty || kept) return
    const form = Symbol('input not kept')
    change(() => unkept.add(form))
    return () => change(() => unkept.delete(form))
  }, [dirty, kept])
}
