// "Ibu": links a child to their mother, picked among the women of the same household who are old enough to be
// (PREGNANCY_MIN_AGE_YEARS older than the child). The delivery record sets it for a baby it registers.
import type { Member } from '../../protocol/records'
import { useI18n } from '../i18n'
import { caseMessages } from '../members/case-messages'
import { Field } from '../shared/Field'

// The youngest age the member form asks about pregnancy at (MemberForm): the youngest a mother can be.
const MOTHER_MIN_AGE_YEARS = 10

const yearsBefore = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`

export function MotherPicker(props: {
  members: readonly Member[]
  ownId: string | undefined
  birthDate: string
  value: string
  onChange: (motherId: string) => void
}) {
  const { t } = useI18n(caseMessages)
  const { members, ownId, birthDate, value, onChange } = props
  const latest = birthDate ? yearsBefore(birthDate, MOTHER_MIN_AGE_YEARS) : undefined
  const women = members.filter(
    (m) => !m.deleted && m.sex === 'P' && m.id !== ownId && (latest === undefined || m.birthDate <= latest),
  )
  // A mother no longer in the list (moved household, deleted) stays chosen until the kader changes it.
  if (women.length === 0 && value === '') return null
  return (
    <Field label={t('member.motherPick')}>
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('member.motherNone')}</option>
          {women.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
          {value !== '' && !women.some((m) => m.id === value) && <option value={value}>—</option>}
        </select>
      )}
    </Field>
  )
}
