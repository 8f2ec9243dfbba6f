// "Perlu diperbaiki": the changes the server refused, each with why, a link to fix it, and "Buang perubahan" — a
// confirmation that says what will be lost (the record, its name, the refusal) before only that change is
// discarded (data/discard.ts). Back discards nothing; a second tap discards nothing more.
import { useEffect, useRef, useState } from 'react'
import { discardRejected, useDiscardPlan } from '../../data/discard'
import { useRejectedChanges } from '../../data/sync-hooks'
import type { RejectedChange } from '../../data/sync-state'
import { useI18n } from '../i18n'
import { paths, useRoute } from '../router'
import { Dialog } from '../shared/Dialog'
import { syncNow } from './controller'
import { syncMessages } from './messages'
import { refusalText } from './refusal-text'

export function RejectedList() {
  const { t, lang } = useI18n(syncMessages)
  const rejected = useRejectedChanges()
  const [asking, setAsking] = useState<RejectedChange>()
  const route = useRoute()
  const title = useRef<HTMLHeadingElement>(null)
  const shown = rejected !== undefined && rejected.length > 0
  // Opened from the sync chip's "n ditolak": show the list, not the top of Settings, and say where she is.
  const opened = shown && route.name === 'settings' && route.section === 'rejected'
  useEffect(() => {
    if (!opened) return
    title.current?.scrollIntoView({ block: 'start' })
    title.current?.focus({ preventScroll: true })
  }, [opened])
  if (!shown) return null
  const link = (entity: string, id: string) =>
    entity === 'households' ? paths.household(id) : entity === 'members' ? paths.member(id) : undefined
  return (
    <>
      <h3 ref={title} tabIndex={-1} className="section-title rejected-title">
        {t('sync.rejectedTitle')}
      </h3>
      <ul className="rejected-list">
        {rejected.map((r) => {
          const href = link(r.entity, r.recordId)
          const what = `${t(`sync.entity.${r.entity}`)} — ${r.name ?? t('discard.noName')}`
          return (
            <li key={r.changeId}>
              {href ? <a href={href}>{what}</a> : what}
              <span className="rejected-why">{refusalText(lang, r)}</span>
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

function DiscardDialog({ change, onClose }: { change: RejectedChange; onClose: () => void }) {
  const { t, lang } = useI18n(syncMessages)
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
      <p>{t('discard.why', { why: refusalText(lang, change) })}</p>
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
