// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type * as z from 'zod/mini'
import { parse } from '../../src/data/validation'
import { daysBetween } from '../../src/domain/dates'
import { IBU_HAMIL_DANGER_SIGNS, type ScreeningPart } from '../../src/domain/screening'
import { PART_SCHEMAS } from '../../src/protocol/visit-parts'
import { translate } from '../../src/ui/i18n'
import { visitMessages } from '../../src/ui/visits/messages'
import { PartSection } from '../../src/ui/visits/parts'
import { withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(cleanup)

const VISIT = '2025-03-10'
type Payload = Record<string, unknown>

interface Opened {
  user: ReturnType<typeof userEvent.setup>
  /** The payload after the last change. */
  value: () => Payload
  confirmed: () => ReadonlySet<string>
}

type Member = { birthDate: string; sex: 'L' | 'P'; hpht?: string }
interface Seen {
  value: Payload
  confirmed: ReadonlySet<string>
}

/** One part section as the visit form renders it: payload state, schema errors, confirmations. */
function Harness({
  part,
  member,
  initial,
  seen,
}: {
  part: ScreeningPart
  member: Member
  initial: Payload
  seen: Seen
}) {
  const [value, setValue] = useState<Payload>(initial)
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set())
  seen.value = value
  seen.confirmed = confirmed
  const errors = parse(PART_SCHEMAS[part] as z.ZodMiniType<unknown>, value).errors
  return (
    <PartSection
      part={part}
      value={value}
      onChange={setValue}
      member={{ ...member, ageDays: daysBetween(member.birthDate, VISIT) }}
      visitDate={VISIT}
      errors={errors}
      confirmed={confirmed}
      onConfirm={(field, yes) =>
        setConfirmed((all) => {
          const next = new Set(all)
          if (yes) next.add(field)
          else next.delete(field)
          return next
        })
      }
    />
  )
}

function open(part: ScreeningPart, member: Member, initial: Payload = {}): Opened {
  const seen: Seen = { value: initial, confirmed: new Set() }
  const user = userEvent.setup()
  renderScreen(<Harness part={part} member={member} initial={initial} seen={seen} />)
  return { user, value: () => seen.value, confirmed: () => seen.confirmed }
}

const twoYearOld = { birthDate: '2023-03-01', sex: 'L' as const }
const CONFIRM = 'Ya, nilainya benar (sudah diukur ulang)'

describe('balita section', () => {
  it('takes a comma as the decimal separator: "12,5" in BB is weightKg 12.5', async () => {
    const { user, value } = open('balita', twoYearOld)
    const bb = screen.getByLabelText('Berat badan (kg)')
    expect(bb).toHaveProperty('inputMode', 'decimal')
    await user.type(bb, '12,5')
    expect(value().weightKg).toBe(12.5)
    expect(bb).toHaveProperty('value', '12,5')
  })

  it('asks to confirm a 2-year-old at 25 kg, and withdraws the confirmation when the weight changes', async () => {
    const { user, confirmed } = open('balita', twoYearOld)
    const bb = screen.getByLabelText('Berat badan (kg)')
    await user.type(bb, '12')
    expect(screen.queryByLabelText(CONFIRM)).toBeNull()
    await user.clear(bb)
    await user.type(bb, '25')
    const box = screen.getByRole('alert')
    expect(box.textContent).toMatch(/BB\/U \+\d+,\d\d SD/)
    await user.click(within(box).getByLabelText(CONFIRM))
    expect(confirmed().has('weightKg')).toBe(true)
    expect(screen.getByLabelText(CONFIRM)).toHaveProperty('checked', true)
    await user.type(bb, '0')
    expect(confirmed().has('weightKg')).toBe(false)
  })

  it('shows the schema range error for a 300 cm height', async () => {
    const { user, value } = open('balita', twoYearOld)
    await user.type(screen.getByLabelText('Tinggi badan (TB) (cm)'), '300')
    expect(value().lengthCm).toBe(300)
    expect(screen.getByRole('alert').textContent).toContain('Tidak mungkin: harus 35–130 cm.')
    expect(screen.queryByLabelText(CONFIRM)).toBeNull()
  })

  it('defaults the position to lying under 24 months and stores it with the length', async () => {
    const { user, value } = open('balita', { birthDate: '2024-03-10', sex: 'P' })
    expect(screen.getByLabelText('Berbaring (PB)')).toHaveProperty('checked', true)
    expect(screen.getByLabelText('Berdiri (TB)')).toHaveProperty('checked', false)
    await user.type(screen.getByLabelText('Panjang badan (PB) (cm)'), '74,5')
    expect(value()).toEqual({ lengthCm: 74.5, position: 'lying' })
    await user.click(screen.getByLabelText('Berdiri (TB)'))
    expect(value().position).toBe('standing')
    expect(screen.getByLabelText('Tinggi badan (TB) (cm)')).toHaveProperty('value', '74,5')
  })

  it('defaults the position to standing from 24 months', () => {
    open('balita', twoYearOld)
    expect(screen.getByLabelText('Berdiri (TB)')).toHaveProperty('checked', true)
    expect(screen.getByLabelText('Berbaring (PB)')).toHaveProperty('checked', false)
  })

  it('offers the doses due at 2 months and ASI eksklusif, not LiLA or obat cacing', async () => {
    const { user, value } = open('balita', { birthDate: '2025-01-08', sex: 'L' })
    for (const dose of ['DPT-HB-Hib 1', 'OPV 2', 'PCV 1', 'RV 1'])
      expect(screen.getByLabelText(dose)).toBeTruthy()
    expect(screen.queryByLabelText('MR 1')).toBeNull()
    expect(screen.queryByLabelText('Lingkar lengan atas (LiLA) (cm)')).toBeNull()
    expect(screen.queryByText('Diberi obat cacing hari ini?')).toBeNull()
    expect(screen.getByText('Sejak lahir hanya diberi ASI (ASI eksklusif)?')).toBeTruthy()
    await user.click(screen.getByLabelText('PCV 1'))
    await user.click(screen.getByLabelText('RV 1'))
    expect(value().immunizations).toEqual([
      { antigen: 'PCV', dose: 1 },
      { antigen: 'RV', dose: 1 },
    ])
  })

  it('records "no danger signs" as an asked, empty list', async () => {
    const { user, value } = open('balita', twoYearOld)
    await user.click(screen.getByLabelText('Tidak ada tanda bahaya'))
    expect(value().dangerSigns).toEqual([])
    await user.click(screen.getByLabelText('Kejang'))
    expect(value().dangerSigns).toEqual(['kejang'])
    expect(screen.getByLabelText('Tidak ada tanda bahaya')).toHaveProperty('checked', false)
  })
})

describe('ibu hamil section', () => {
  const mother = { birthDate: '1996-05-01', sex: 'P' as const, hpht: '2024-10-01' }

  it('lists every pregnancy danger sign and records the ticked ones', async () => {
    const { user, value } = open('ibu_hamil', mother)
    const labels = IBU_HAMIL_DANGER_SIGNS.map((s) =>
      translate('id', `visit.ibuHamil.danger.${s}`, undefined, visitMessages),
    )
    for (const label of labels) expect(screen.getByLabelText(label)).toBeTruthy()
    await user.click(screen.getByLabelText('Perdarahan'))
    await user.click(screen.getByLabelText('Pandangan kabur'))
    expect(value().dangerSigns).toEqual(['pandangan_kabur', 'perdarahan'])
  })

  it("adds today's ANC contact in one tap, and refuses a diastolic above the systolic", async () => {
    const { user, value } = open('ibu_hamil', mother)
    await user.click(screen.getByRole('button', { name: '+ ANC hari ini' }))
    expect(value().ancContacts).toEqual([{ date: VISIT }])
    expect(screen.getByRole('button', { name: '+ ANC hari ini' })).toHaveProperty('disabled', true)
    await user.type(screen.getByLabelText('Tekanan darah atas (sistolik) (mmHg)'), '90')
    await user.type(screen.getByLabelText('Tekanan darah bawah (diastolik) (mmHg)'), '120')
    expect(screen.getByRole('alert').textContent).toContain('Diastolik (angka bawah) harus lebih kecil')
  })
})

describe('dewasa and lansia sections', () => {
  it('shows the range error for a 300 cm adult height and the IMT', async () => {
    const { user } = open('dewasa', { birthDate: '1990-01-01', sex: 'L' })
    await user.type(screen.getByLabelText('Berat badan (kg)'), '70')
    await user.type(screen.getByLabelText('Tinggi badan (cm)'), '300')
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent)
    expect(alerts).toContainEqual(expect.stringContaining('harus 30–230 cm'))
    await user.clear(screen.getByLabelText('Tinggi badan (cm)'))
    await user.type(screen.getByLabelText('Tinggi badan (cm)'), '170')
    expect(screen.getByText('IMT: 24,2')).toBeTruthy()
  })

  it('asks PUMA only from 40 years', () => {
    open('dewasa', { birthDate: '1990-01-01', sex: 'L' })
    expect(screen.queryByText('Skrining PPOK (PUMA)')).toBeNull()
    cleanup()
    open('dewasa', { birthDate: '1980-01-01', sex: 'L' })
    expect(screen.getByText('Skrining PPOK (PUMA)')).toBeTruthy()
  })

  it('says "not a number" for a typo like "7o"', async () => {
    const { user, value } = open('dewasa', { birthDate: '1990-01-01', sex: 'P' })
    await user.type(screen.getByLabelText('Berat badan (kg)'), '7o')
    expect(value().weightKg).toBeNaN()
    expect(screen.getByRole('alert').textContent).toContain('Isi angka, misalnya 12,5.')
  })

  it('lansia keeps the dewasa answers, SKILAS and AKS in one payload', async () => {
    const { user, value } = open('lansia', { birthDate: '1950-01-01', sex: 'P' })
    await user.type(screen.getByLabelText('Berat badan (kg)'), '52')
    await user.click(screen.getByLabelText('Tidak bisa dites'))
    const bathing = screen.getByRole('group', { name: 'Mandi' })
    await user.click(within(bathing).getByLabelText('1'))
    expect(value()).toEqual({ weightKg: 52, skilas: { whisperTest: 'tidak_bisa_dites' }, aks: { mandi: 1 } })
  })

  it('records an SRQ-20 answer at its item, the others unanswered', async () => {
    const { user, value } = open('dewasa', { birthDate: '1990-01-01', sex: 'P' })
    const item17 = screen.getByRole('group', { name: /^17\. / })
    await user.click(within(item17).getByLabelText('Ya'))
    const srq = value().srq20 as (boolean | null)[]
    expect(srq).toHaveLength(20)
    expect(srq[16]).toBe(true)
    expect(srq.filter((a) => a !== null)).toHaveLength(1)
  })
})

describe('every section', () => {
  const cases: [ScreeningPart, Member][] = [
    ['balita', { birthDate: '2024-08-20', sex: 'P' }],
    ['neonatus', { birthDate: '2025-03-05', sex: 'L' }],
    ['remaja', { birthDate: '2009-01-01', sex: 'P' }],
    ['dewasa', { birthDate: '1975-01-01', sex: 'P' }],
    ['lansia', { birthDate: '1950-01-01', sex: 'L' }],
    ['ibu_hamil', { birthDate: '1996-05-01', sex: 'P', hpht: '2024-10-01' }],
    ['nifas', { birthDate: '1996-05-01', sex: 'P' }],
  ]
  it.each(cases)('%s renders in Bahasa Indonesia, with no raw message key', (part, member) => {
    open(part, member)
    const container = document.body
    expect(container.textContent).not.toMatch(/\bvisit\.[a-zA-Z]/)
    expect(container.textContent?.length).toBeGreaterThan(50)
  })
})
