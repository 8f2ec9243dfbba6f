// "Catat persalinan": how a pregnancy ended (data/delivery.ts recordDelivery). A live birth registers the baby in the
// same household with the mother linked, so KN1 is due at once; a keguguran ends the pregnancy without nifas.
import { useMemo, useState } from 'react'
import { babyRelation, recordDelivery } from '../../data/delivery'
import { draftKeys } from '../../data/drafts'
import { useMember } from '../../data/hooks'
import { uuidv7s } from '../../data/ids'
import type { FieldErrors } from '../../data/write'
import {
  BIRTH_ATTENDANTS,
  DELIVERY_PLACES,
  type Delivery,
  type Member,
  PREGNANCY_OUTCOMES,
} from '../../protocol/records'
import { RANGES, type Range } from '../../protocol/visit-parts'
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

type Outcome = Delivery['outcome']
type Place = NonNullable<Delivery['place']>
type Attendant = NonNullable<Delivery['attendant']>

interface Values {
  outcome: Outcome
  date: string
  time: string
  place: Place | ''
  attendant: Attendant | ''
  babyName: string
  babySex: 'L' | 'P' | ''
  weight: string
  length: string
  /** The baby's and the birth visit's ids, made when the form opened: a repeated Simpan stores them once. */
  ids: string[]
}

const pick = <T extends string>(all: readonly T[], v: unknown, fallback: T | ''): T | '' =>
  all.find((x) => x === v) ?? (v === '' ? '' : fallback)

function restore(stored: Record<string, unknown>, initial: Values): Values {
  const ids = stored.ids
  return {
    outcome: PREGNANCY_OUTCOMES.find((o) => o === stored.outcome) ?? initial.outcome,
    date: storedString(stored, 'date', initial.date),
    time: storedString(stored, 'time', initial.time),
    place: pick(DELIVERY_PLACES, stored.place, initial.place),
    attendant: pick(BIRTH_ATTENDANTS, stored.attendant, initial.attendant),
    babyName: storedString(stored, 'babyName', initial.babyName),
    babySex: pick(['L', 'P'] as const, stored.babySex, initial.babySex),
    weight: storedString(stored, 'weight', initial.weight),
    length: storedString(stored, 'length', initial.length),
    ids:
      Array.isArray(ids) && ids.length === 2 && ids.every((x) => typeof x === 'string') ? ids : initial.ids,
  }
}

/** A decimal as a kader types it ("3,1"), or undefined when empty; NaN when not a number. */
const decimal = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.replace(',', '.')))

function checkNumber(errors: FieldErrors, path: string, text: string, range: Range) {
  const n = decimal(text)
  if (n === undefined) return
  if (!Number.isFinite(n)) errors[path] = { key: 'err.visit.number' }
  else if (n < range.min || n > range.max)
    errors[path] = {
      key: 'err.visit.range',
      params: { min: String(range.min), max: String(range.max), unit: range.unit },
    }
}

export default function DeliveryForm({ memberId }: { memberId: string }) {
  const { t } = useI18n(caseMessages)
  const tForm = useT(formMessages)
  const today = useToday()
  const mother = useMember(memberId)
  const [ids] = useState(() => uuidv7s(2, Date.now()))
  const motherName = mother ? mother.name : undefined
  const babyName = motherName === undefined ? '' : t('delivery.babyNameDefault', { name: motherName })
  const initial = useMemo<Values | undefined>(
    () =>
      motherName === undefined
        ? undefined
        : {
            outcome: 'lahir_hidup',
            date: today,
            time: '',
            place: '',
            attendant: '',
            babyName,
            babySex: '',
            weight: '',
            length: '',
            ids,
          },
    [motherName, babyName, today, ids],
  )

  const validate = (v: Values): { errors: FieldErrors; warnings: FieldErrors } => {
    const errors: FieldErrors = {}
    if (!v.date) errors.date = { key: 'err.required' }
    else if (v.date > today) errors.date = { key: 'err.deliveryDate.future' }
    else if (mother && v.date < mother.birthDate) errors.date = { key: 'err.deliveryDate.beforeBirth' }
    if (v.outcome !== 'keguguran') {
      if (v.place === '') errors.place = { key: 'err.required' }
      if (v.attendant === '') errors.attendant = { key: 'err.required' }
    }
    if (v.outcome === 'lahir_hidup') {
      if (!v.babyName.trim()) errors['baby.name'] = { key: 'err.required' }
      if (v.babySex === '') errors['baby.sex'] = { key: 'err.sex' }
      checkNumber(errors, 'baby.weightKg', v.weight, RANGES.balitaWeightKg)
      checkNumber(errors, 'baby.lengthCm', v.length, RANGES.balitaLengthCm)
    }
    return { errors, warnings: {} }
  }

  const f = useRecordForm<Values, Member>({
    initial,
    draft: { key: draftKeys.delivery(memberId), kind: 'member', path: paths.delivery(memberId) },
    label: () => (mother ? mother.name : undefined),
    restore,
    validate,
    save: (v, saved) => {
      const born = v.outcome !== 'keguguran'
      const delivery: Delivery = {
        date: v.date,
        outcome: v.outcome,
        ...(born && v.time ? { time: v.time } : {}),
        ...(born && v.place ? { place: v.place } : {}),
        ...(born && v.attendant ? { attendant: v.attendant } : {}),
      }
      const weightKg = decimal(v.weight)
      const lengthCm = decimal(v.length)
      const baby =
        v.outcome === 'lahir_hidup' && mother && v.babySex !== ''
          ? {
              name: v.babyName.trim(),
              sex: v.babySex,
              relation: babyRelation(mother),
              ...(weightKg !== undefined ? { weightKg } : {}),
              ...(lengthCm !== undefined ? { lengthCm } : {}),
            }
          : undefined
      const [babyId, visitId] = v.ids as [string, string]
      return recordDelivery(
        memberId,
        { delivery, ...(baby ? { baby } : {}) },
        { now: new Date(), today, babyId, visitId, ...(saved.draftId ? { draftId: saved.draftId } : {}) },
      )
    },
    // A baby registered: her page, where KN1 is due; otherwise back to the mother.
    savedPath: (record) => paths.member(record.id),
  })

  if (mother === undefined || !f.values) return <p className="loading">{t('common.loading')}</p>
  if (mother === null) {
    return (
      <main className="screen">
        <TopBar title={t('delivery.title')} back={paths.households()} />
        <p className="empty">{t('member.notFound')}</p>
      </main>
    )
  }
  const v = f.values
  const e = f.form.errors
  const born = v.outcome !== 'keguguran'
  return (
    <main className="screen">
      <TopBar title={t('delivery.title')} back={paths.member(mother.id)} />
      <p className="context">{mother.name}</p>
      <DraftNotice at={f.restoredAt} onDiscard={() => void f.discardDraft(tForm('draft.discardConfirm'))} />
      <form ref={f.formRef} className="form" onSubmit={f.submit} noValidate>
        <Choice
          legend={t('delivery.outcome')}
          options={PREGNANCY_OUTCOMES.map((o) => ({ value: o, label: t(`delivery.outcome.${o}`) }))}
          value={v.outcome}
          onChange={(outcome) => f.update({ outcome })}
          vertical
        />
        <TextField
          label={born ? t('delivery.date') : t('delivery.dateKeguguran')}
          type="date"
          min={mother.birthDate}
          max={today}
          value={v.date}
          onChange={(date) => f.update({ date })}
          error={e.date}
        />
        {born && (
          <>
            <TextField
              label={t('delivery.time')}
              type="time"
              value={v.time}
              onChange={(time) => f.update({ time })}
            />
            <Choice
              legend={t('delivery.place')}
              options={DELIVERY_PLACES.map((p) => ({ value: p, label: t(`delivery.place.${p}`) }))}
              value={v.place === '' ? undefined : v.place}
              onChange={(place) => f.update({ place })}
              error={e.place}
              vertical
            />
            <Choice
              legend={t('delivery.attendant')}
              options={BIRTH_ATTENDANTS.map((a) => ({ value: a, label: t(`delivery.attendant.${a}`) }))}
              value={v.attendant === '' ? undefined : v.attendant}
              onChange={(attendant) => f.update({ attendant })}
              error={e.attendant}
              vertical
            />
          </>
        )}
        {v.outcome === 'lahir_hidup' && (
          <section aria-label={t('delivery.baby')}>
            <h2 className="section-title">{t('delivery.baby')}</h2>
            <TextField
              label={t('delivery.babyName')}
              value={v.babyName}
              maxLength={100}
              onChange={(babyName) => f.update({ babyName })}
              error={e['baby.name']}
            />
            <Choice
              legend={t('delivery.babySex')}
              options={[
                { value: 'L' as const, label: t('sex.L') },
                { value: 'P' as const, label: t('sex.P') },
              ]}
              value={v.babySex === '' ? undefined : v.babySex}
              onChange={(babySex) => f.update({ babySex })}
              error={e['baby.sex']}
            />
            <TextField
              label={t('delivery.weight')}
              inputMode="decimal"
              value={v.weight}
              onChange={(weight) => f.update({ weight })}
              error={e['baby.weightKg']}
            />
            <TextField
              label={t('delivery.length')}
              inputMode="decimal"
              value={v.length}
              onChange={(length) => f.update({ length })}
              error={e['baby.lengthCm']}
            />
          </section>
        )}
        <FormActions saving={f.saving} failure={f.failure} />
      </form>
      {f.leaveDialog && <LeaveDialog {...f.leaveDialog} />}
    </main>
  )
}
