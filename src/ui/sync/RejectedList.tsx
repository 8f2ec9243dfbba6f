// "Perlu diperbaiki": the changes the server refused, each with why, a link to fix it, and "Buang perubahan" — a
// confirmation that says what will be lost (the record, its name, the refusal) before only that change is
// discarded (data/discard.ts). Back discards nothing; a second tap discards nothing more.
import { useEffect, useRef, useState } from 'react'
import { discardRejected, useDiscardPlan } from '../../data/discard'
import { useRejectedChanges } from '../../data/sync-hooks'
import type { RejectedChange } from '../../data/sync-state'
import { issueText, useT } from '../i18n'
import { paths } from '../router'
import { Dialog } from '../shared/Dialog'
import { syncNow } from './controller'
import { syncMessages } from './messages'

export function RejectedList() {
  const t = useT(syncMessages)
  const rejected = useRejectedChanges()
  const [asking, setAsking] = useState<RejectedChange>()
  if (!rejected || rejected.length === 0) return null
  const link = (entity: string, id: string) =>
    entity === 'households' ? paths.household(id) : entity === 'members' ? paths.member(id) : undefined
  return (
    <>
      <h3 className="section-title">{t('sync.rejectedTitle')}</h3>
      <ul className="rejected-list">
        {rejected.map((r) => {
          const href = link(r.entity, r.recordId)
          const what = `${t(`sync.entity.${r.entity}`)} — ${r.name ?? t('discard.noName')}`
          return (
            <li key={r.changeId}>
              {href ? <a href={href}>{what}</a> : what}: {whyOf(t, r)}
              <button type="button" className="button secondary" onClick={() => setAsking(r)}>
                {t('discard.open')}
              </button>
            </li>
          )
        })}
      </ul>
      {asking && <DiscardDialog change={asking} onClose={() => setAsking(undefined)} />}
    </>
  )
}

type T = ReturnType<typeof useT<keyof (typeof syncMessages)['id']>>

function whyOf(t: T, r: RejectedChange): string {
  return (
    r.issues.map((i) => `${i.path}: ${issueText(t, i.message)}`).join('; ') || t(`sync.reject.${r.reason}`)
  )
}

function DiscardDialog({ change, onClose }: { change: RejectedChange; onClose: () => void }) {
  const t = useT(syncMessages)
  const plan = useDiscardPlan(change.seq)
  const [busy, setBusy] = useState(false)
  const back = useRef<HTMLButtonElement>(null)
  useEffect(() => back.current?.focus(), [])
  // Fixed, sent or discarded meanwhile (another tab): nothing left to ask about.
  useEffect(() => {
    if (plan === null && !busy) onClose()
  }, [plan, busy, onClose])

  const discard = async () => {
    if (busy) return
    setBusy(true)
    const result = await discardRejected(change.seq).catch(() => undefined)
    // A household that left goes at the next pull, which no new change would start.
    if (result?.ok && result.record === 'left') void syncNow().catch(() => undefined)
    onClose()
  }

  const body = (
    <>
      <p>
        <strong>
          {t(`sync.entity.${change.entity}`)} — {change.name ?? t('discard.noName')}
        </strong>
      </p>
      <p>{t('discard.why', { why: whyOf(t, change) })}</p>
      {plan && (
        <p>
          {t(plan === 'left' && change.entity !== 'households' ? 'discard.leftMember' : `discard.${plan}`)}
        </p>
      )}
    </>
  )
  return (
    <Dialog id="discard" title={t('discard.title')} body={body}>
      <button ref={back} type="button" className="button primary" onClick={onClose}>
        {t('discard.back')}
      </button>
      {plan && plan !== 'dependents' && (
        <button type="button" className="button danger" onClick={discard} disabled={busy}>
          {busy ? t('discard.busy') : t('discard.confirm')}
        </button>
      )}
    </Dialog>
  )
}
