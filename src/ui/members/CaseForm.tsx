// "Tutup kasus": a person who moved away, died or cannot be found is closed, never deleted (data/write.ts
// setMemberClosure). From the date they leave the schedule and the PWS sasaran; their history stays, and the member
// screen can reopen the case.
import { useState } from 'react'
import { draftKeys } from '../../data/drafts'
import { useMember } from '../../data/hooks'
import { type FieldErrors, setMemberClosure } from '../../data/write'
import { CLOSE_REASONS, type CloseReason, type Member } from '../../protocol/records'
import { DraftNotice } from '../forms/DraftNotice'
import { LeaveDialog } from '../forms/LeaveDialog'
import { formMessages } from '../forms/messages'
import { storedString, useRecordForm } from '../forms/useRecordForm'
import { useI18n, useT } from '../i18n'
import { paths } from '../router'
import { TextField } from '../shared/Field'
import { FormActions } from '../shared/FormActions'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { Choice } from '../visits/parts/Choice'
import { caseMessages } from './case-messages'

interface Values {
  reason: CloseReason | ''
  date: string
  note: string
}

function restore(stored: Record<string, unknown>, initial: Values): Values {
  return {
    reason: CLOSE_REASONS.find((r) => r === stored.reason) ?? initial.reason,
    date: storedString(stored, 'date', initial.date),
    note: storedString(stored, 'note', initial.note),
  }
}

export default function CaseForm({ memberId }: { memberId: string }) {
  const { t } = useI18n(caseMessages)
  const tForm = useT(formMessages)
  const today = useToday()
  const member = useMember(memberId)
  const [initial] = useState<Values>(() => ({ reason: '', date: today, note: '' }))

  const validate = (v: Values): { errors: FieldErrors; warnings: FieldErrors } => {
    const errors: FieldErrors = {}
    if (v.reason === '') errors.reason = { key: 'err.required' }
    if (!v.date) errors.date = { key: 'err.required' }
    else if (v.date > today) errors.date = { key: 'err.closure.future' }
    else if (member && v.date < member.birthDate) errors.date = { key: 'err.closure.beforeBirth' }
    return { errors, warnings: {} }
  }

  const f = useRecordForm<Values, Member>({
    initial: member ? initial : undefined,
    draft: { key: draftKeys.caseClose(memberId), kind: 'member', path: paths.caseClose(memberId) },
    label: () => (member ? member.name : undefined),
    restore,
    validate,
    save: (v) =>
      setMemberClosure(
        memberId,
        { reason: v.reason as CloseReason, date: v.date, ...(v.note.trim() ? { note: v.note.trim() } : {}) },
        { now: new Date(), today },
      ),
    savedPath: () => paths.member(memberId),
  })

  if (member === undefined || !f.values) return <p className="loading">{t('common.loading')}</p>
  if (member === null) {
    return (
      <main className="screen">
        <TopBar title={t('case.title')} back={paths.households()} />
        <p className="empty">{t('member.notFound')}</p>
      </main>
    )
  }
  const v = f.values
  return (
    <main className="screen">
      <TopBar title={t('case.title')} back={paths.member(member.id)} />
      <p className="context">{member.name}</p>
      <DraftNotice at={f.restoredAt} onDiscard={() => void f.discardDraft(tForm('draft.discardConfirm'))} />
      <form ref={f.formRef} className="form" onSubmit={f.submit} noValidate>
        <p className="field-hint">{t('case.hint')}</p>
        <Choice
          legend={t('case.reason')}
          options={CLOSE_REASONS.map((r) => ({ value: r, label: t(`case.reason.${r}`) }))}
          value={v.reason === '' ? undefined : v.reason}
          onChange={(reason) => f.update({ reason })}
          error={f.form.errors.reason}
          vertical
        />
        <TextField
          label={t('case.date')}
          type="date"
          min={member.birthDate}
          max={today}
          value={v.date}
          onChange={(date) => f.update({ date })}
          error={f.form.errors.date}
        />
        <TextField
          label={v.reason === 'pindah' ? t('case.note.pindah') : t('case.note')}
          value={v.note}
          maxLength={160}
          onChange={(note) => f.update({ note })}
        />
        <FormActions saving={f.saving} failure={f.failure} />
      </form>
      {f.leaveDialog && <LeaveDialog {...f.leaveDialog} />}
    </main>
  )
}
