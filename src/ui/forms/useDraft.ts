// A form's draft (src/data/drafts.ts) as the kader types: read once when the form opens, written 400 ms after the
// last change and at once when the tab is hidden (Android may kill a hidden tab without another event), so that
// Back, a reload or an update finds the form as it was left.
import { useCallback, useEffect, useRef, useState } from 'react'
import { type Draft, type DraftKind, deleteDraft, getDraft, putDraft } from '../../data/drafts'
import { uuidv7 } from '../../data/ids'

/** Long enough to write once per pause in typing, short enough that a reload right after typing keeps it. */
export const DRAFT_DEBOUNCE_MS = 400

export interface DraftTarget {
  /** drafts.ts draftKeys; undefined while the form does not know it yet (its record is loading). */
  key: string | undefined
  kind: DraftKind
  /** The route that opens this form again. */
  path: string
  /** The save id when the route carries it (new-record forms); otherwise the draft's, or a new one. */
  saveId?: string
}

export interface DraftState {
  /** False until the stored draft (if any) has been read. */
  loaded: boolean
  /** The stored draft the form resumes from, if there was one. */
  restored: Draft | undefined
  /** The id the save gives a new record: the same for every save of this form, across reloads. */
  saveId: string
  /** Writes these values (debounced). */
  write: (values: Record<string, unknown>, label?: string) => void
  /** Whether the last values written are stored. */
  kept: boolean
  /** Stops writing and waits for a write in flight: call before a save, which deletes the draft itself. */
  pause: () => Promise<void>
  /** After a save that failed: writing goes on. */
  resume: () => void
  /** After a save that went through: nothing is written any more, not even on unmount. */
  close: () => void
  /** "Buang": deletes the draft and writes nothing more. */
  discard: () => Promise<void>
  /** Writes what is pending now (leaving the form). */
  flush: () => Promise<void>
}

export function useDraft(target: DraftTarget): DraftState {
  const { key, kind, path } = target
  const [loaded, setLoaded] = useState<{ key: string; draft: Draft | undefined }>()
  const [fresh] = useState(() => uuidv7())
  const [kept, setKept] = useState(true)
  const pending = useRef<{ values: Record<string, unknown>; label?: string }>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const chain = useRef<Promise<void>>(Promise.resolve())
  const state = useRef<'open' | 'paused' | 'closed'>('open')
  const current = loaded?.key === key ? loaded : undefined
  const saveId = target.saveId ?? current?.draft?.saveId ?? fresh

  useEffect(() => {
    if (key === undefined) return
    let live = true
    void getDraft(key).then((draft) => {
      if (live) setLoaded({ key, draft })
    })
    return () => {
      live = false
    }
  }, [key])

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current)
    const next = pending.current
    if (!next || key === undefined || state.current !== 'open') return chain.current
    pending.current = undefined
    const draft: Draft = {
      id: key,
      kind,
      path,
      saveId,
      values: next.values,
      updatedAt: new Date().toISOString(),
      ...(next.label ? { label: next.label } : {}),
    }
    chain.current = chain.current
      .then(() => (state.current === 'closed' ? undefined : putDraft(draft)))
      // A full phone: the form still holds the input, and the save says why it cannot store it.
      .catch(() => undefined)
      .then(() => setKept(pending.current === undefined))
    return chain.current
  }, [key, kind, path, saveId])

  const write = useCallback(
    (values: Record<string, unknown>, label?: string) => {
      if (state.current === 'closed') return
      pending.current = { values, label }
      setKept(false)
      clearTimeout(timer.current)
      if (state.current === 'open') timer.current = setTimeout(() => void flush(), DRAFT_DEBOUNCE_MS)
    },
    [flush],
  )

  // Hidden (another app, the screen off, the tab switched): Android may kill the tab without another event.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush()
    }
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', onHide)
    return () => {
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', onHide)
      void flush() // leaving the form (Back, a link): what was typed last is kept
    }
  }, [flush])

  const pause = useCallback(async () => {
    state.current = 'paused'
    clearTimeout(timer.current)
    await chain.current
  }, [])
  const resume = useCallback(() => {
    state.current = 'open'
    if (pending.current) void flush()
  }, [flush])
  const close = useCallback(() => {
    state.current = 'closed'
    clearTimeout(timer.current)
    pending.current = undefined
  }, [])
  const discard = useCallback(async () => {
    close()
    await chain.current
    if (key !== undefined) await deleteDraft(key)
  }, [close, key])

  return {
    loaded: current !== undefined,
    restored: current?.draft,
    saveId,
    write,
    kept,
    pause,
    resume,
    close,
    discard,
    flush,
  }
}
