// What every registration and visit form does around its fields, written once: the values and whether they
// changed, a draft kept as the kader types (useDraft), Back that asks (useLeaveGuard), one save whatever the
// number of taps (a save id made when the form opened, and useSave's lock), and after a failed Simpan the first
// invalid field in view with focus (useRevealInvalid).
import { type FormEvent, useCallback, useRef, useState } from 'react'
import type { FieldErrors, WriteResult } from '../../data/write'
import { useUnsavedGuard } from '../pwa'
import { navigate } from '../router'
import { useFormErrors } from '../shared/useFormErrors'
import { useSave } from '../shared/useSave'
import { useLeaveGuard } from './leave-guard'
import { type DraftTarget, useDraft } from './useDraft'
import { useRevealInvalid } from './useRevealInvalid'

export interface RecordFormOptions<V extends object, R> {
  /** The values before any edit: from the stored record, or the new form's; undefined while they load. */
  initial: V | undefined
  draft: DraftTarget
  /** What the Draf list calls this draft (the name typed so far). */
  label?: (values: V) => string | undefined
  /** The values of a stored draft over the initial ones, each checked for its type (an older app wrote it?). */
  restore: (stored: Record<string, unknown>, initial: V) => V
  validate: (values: V) => { errors: FieldErrors; warnings: FieldErrors }
  /** Extra reasons not to save yet, checked after validation (e.g. extreme values not confirmed). */
  blocked?: (values: V) => boolean
  save: (values: V, ids: { saveId: string; draftId: string | undefined }) => Promise<WriteResult<R>>
  /** Where the form goes once saved; undefined: it stays (the caller shows the result). */
  savedPath: (record: R) => string | undefined
  /** The values passed every check and the save starts (the caller may show what it will show once saved). */
  onSaving?: (values: V) => void
  /** The save did not go through (refused, or the phone is full): the form shows why. */
  onSaveFailed?: () => void
  onSaved?: (record: R) => void
}

export function useRecordForm<V extends object, R>(opts: RecordFormOptions<V, R>) {
  const draft = useDraft(opts.draft)
  const [edited, setEdited] = useState<V>()
  const [ignoreDraft, setIgnoreDraft] = useState(false)
  const [done, setDone] = useState(false)
  const { saving, failure, run, busy } = useSave()
  const formRef = useRef<HTMLFormElement>(null)
  const reveal = useRevealInvalid(formRef)

  const restored = !ignoreDraft && draft.restored ? draft.restored : undefined
  const base =
    opts.initial === undefined || !draft.loaded
      ? undefined
      : restored
        ? opts.restore(restored.values, opts.initial)
        : opts.initial
  const values = edited ?? base
  const dirty = !done && (edited !== undefined || restored !== undefined)
  const guard = useLeaveGuard(dirty)
  useUnsavedGuard(dirty, draft.kept)
  const form = useFormErrors(() => (values ? opts.validate(values) : { errors: {}, warnings: {} }))

  const { write } = draft
  const { label } = opts
  const setValues = useCallback(
    (next: V) => {
      setEdited(next)
      write(next as Record<string, unknown>, label?.(next))
    },
    [write, label],
  )
  const update = (patch: Partial<V>) => {
    if (!values) return
    setValues({ ...values, ...patch })
    form.setServerErrors({})
  }

  const finish = async (path: string | undefined) => {
    draft.close()
    setDone(true)
    await guard.release()
    if (path !== undefined) navigate(path, { replace: true })
  }

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    if (!values || busy()) return
    // Every field's message shows only when there is one: a render of the whole form less on the way to the save.
    if (form.hasErrors || opts.blocked?.(values)) {
      form.showAll()
      return reveal()
    }
    opts.onSaving?.(values)
    const result = await run(async () => {
      await draft.pause()
      return opts.save(values, { saveId: draft.saveId, draftId: opts.draft.key })
    })
    const outcome = result?.value
    if (!outcome?.ok) {
      opts.onSaveFailed?.()
      draft.resume()
      if (outcome) form.setServerErrors(outcome.errors)
      return reveal()
    }
    const record = outcome.record
    opts.onSaved?.(record)
    await finish(opts.savedPath(record))
  }

  /** Deletes the record (after the kader confirms `question`) and goes to `path`. */
  const remove = async (question: string, del: () => Promise<void>, path: string) => {
    if (!window.confirm(question)) return
    if (!(await run(del))) return
    await draft.discard()
    await finish(path)
  }

  /** "Buang draf": back to the stored record (or the empty form). */
  const discardDraft = async (question: string) => {
    if (!window.confirm(question)) return
    await draft.discard()
    setEdited(undefined)
    setIgnoreDraft(true)
  }

  const leaveDialog = guard.asking
    ? {
        onStay: guard.stay,
        onKeep: async () => {
          await draft.flush()
          await guard.leave()
        },
        onDiscard: async () => {
          await draft.discard()
          await guard.leave()
        },
      }
    : undefined

  return {
    values,
    setValues,
    update,
    form,
    dirty,
    saving,
    failure,
    formRef,
    submit,
    remove,
    /** The stored draft's time when the form resumed one. */
    restoredAt: restored?.updatedAt,
    discardDraft,
    /** Props for LeaveDialog while the form asks whether to leave. */
    leaveDialog,
    saveId: draft.saveId,
  }
}

/** A string from a stored draft, or the fallback when it is not one. */
export const storedString = (stored: Record<string, unknown>, name: string, fallback: string): string => {
  const value = stored[name]
  return typeof value === 'string' ? value : fallback
}

/** A boolean from a stored draft, or the fallback when it is not one. */
export const storedBoolean = (stored: Record<string, unknown>, name: string, fallback: boolean): boolean => {
  const value = stored[name]
  return typeof value === 'boolean' ? value : fallback
}
