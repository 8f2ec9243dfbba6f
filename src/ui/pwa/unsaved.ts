// Which forms hold input that is not saved yet. The UpdateBanner reads it so that an update never reloads over a
// half-filled form, and while any form is dirty the browser asks before the tab is closed or reloaded.
import { useEffect } from 'react'

const dirtyForms = new Set<symbol>()
const listeners = new Set<() => void>()

function onBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault()
  // Older Chromium (Android WebView) needs returnValue set to show the prompt.
  event.returnValue = ''
}

function change(update: () => void) {
  const wasDirty = dirtyForms.size > 0
  update()
  const isDirty = dirtyForms.size > 0
  if (wasDirty === isDirty) return
  if (isDirty) window.addEventListener('beforeunload', onBeforeUnload)
  else window.removeEventListener('beforeunload', onBeforeUnload)
  for (const listener of listeners) listener()
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

/** A form calls this with whether its input differs from what is saved; it clears itself on unmount. */
export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return
    const form = Symbol('dirty form')
    change(() => dirtyForms.add(form))
    return () => change(() => dirtyForms.delete(form))
  }, [dirty])
}
