// What became of one referral, asked by the kader: reached the facility (where, what was done), not yet, refused
// (why), moved away, died. One follow-up record; every outcome but "belum berangkat" closes the referral.
import { type FormEvent, useState } from 'react'
import { uuidv7 } from '../../data/ids'
import { saveFollowUp } from '../../data/visits'
import type { FieldErrors } from '../../data/write'
import { DESTINATIONS, type Destination, type Referral } from '../../domain/referrals'
import type { FollowUpOutcome } from '../../protocol/visits'
import { useI18n } from '../i18n'
import { Field, TextField } from '../shared/Field'
import { useSave } from '../shared/useSave'
import { referralMessages } from './messages'

/** The outcomes the form offers; sudah_ke_pustu/sudah_ke_puskesmas are older records' words for "sampai". */
const OFFERED: readonly FollowUpOutcome[] = ['sampai', 'belum_berangkat', 'menolak', 'pindah', 'meninggal']

export function FollowUpForm({
  referral,
  today,
  onDone,
}: {
  referral: Referral
  today: string
  onDone: () => void
}) {
  const { t } = useI18n(referralMessages)
  const [outcome, setOutcome] = useState<FollowUpOutcome>()
  const [facility, setFacility] = useState<Destination>(referral.destination)
  const [date, setDate] = useState(today)
  const [result, setResult] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  // The follow-up's id, made when the form opens: a repeated Simpan stores it once.
  const [saveId] = useState(() => uuidv7(Date.now()))
  const { saving, failure, run } = useSave()

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (saving) return
    const input = {
      visitId: referral.openedBy,
      problem: referral.problem,
      date,
      outcome,
      ...(outcome === 'sampai' ? { facility } : {}),
      result,
    }
    const done = await run(() => saveFollowUp(input, { now: new Date(), today, saveId }))
    if (!done) return
    if (!done.value.ok) return setErrors(done.value.errors)
    onDone()
  }

  return (
    <form className="form follow-up" onSubmit={submit} noValidate>
      <fieldset className={`field${errors.outcome ? ' field-error' : ''}`}>
        <legend>{t('referrals.outcome')}</legend>
        {OFFERED.map((o) => (
          <label key={o} className="checkbox">
            <input
              type="radio"
              name={`outcome-${referral.id}`}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {t(`followUp.${o}`)}
          </label>
        ))}
        {errors.outcome && (
          <p className="field-message" role="alert">
            {t(errors.outcome.key)}
          </p>
        )}
      </fieldset>
      {outcome === 'sampai' && (
        <Field label={t('followUp.facility')} error={errors.facility}>
          {(aria) => (
            <select {...aria} value={facility} onChange={(e) => setFacility(e.target.value as Destination)}>
              {DESTINATIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`destination.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <TextField
        label={t('followUp.date')}
        type="date"
        min={referral.openedOn}
        max={today}
        value={date}
        onChange={setDate}
        error={errors.date}
      />
      {(outcome === 'sampai' || outcome === 'menolak') && (
        <TextField
          label={t(outcome === 'menolak' ? 'followUp.reason' : 'followUp.done')}
          value={result}
          onChange={setResult}
          error={errors.result}
        />
      )}
      {failure && (
        <p className="form-failure" role="alert">
          {t(failure)}
        </p>
      )}
      <div className="referral-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {t('common.save')}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t('followUp.cancel')}
        </button>
      </div>
    </form>
  )
}
