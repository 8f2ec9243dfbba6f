// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { saveVisit } from '../../src/data/visits'
import { saveHousehold, saveMember } from '../../src/data/write'
import PwsScreen from '../../src/ui/pws/PwsScreen'
import { localDate } from '../../src/ui/shared/today'
import { householdInput, memberInput, NOW, withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
afterEach(cleanup)

async function household() {
  const h = await saveHousehold(householdInput(), { now: NOW })
  if (!h.ok) throw new Error('household')
  return { today: localDate(new Date()), h }
}

function born(years: number): string {
  const d = new Date()
  d.setFullYear(d.getFullYear() - years)
  return localDate(d)
}

describe('PWS screen', () => {
  it('counts the month’s balita in SKDN and opens the people behind a number', async () => {
    const { today, h } = await household()
    const weighed = await saveMember(
      memberInput(h.record.id, { name: 'Rizky', sex: 'L', birthDate: born(2), relation: 'anak' }),
      {
        now: NOW,
        today,
      },
    )
    const notWeighed = await saveMember(
      memberInput(h.record.id, { name: 'Dewi', sex: 'P', birthDate: born(3), relation: 'anak' }),
      {
        now: NOW,
        today,
      },
    )
    if (!weighed.ok || !notWeighed.ok) throw new Error('members')
    const v = await saveVisit(
      { memberId: weighed.record.id, date: today, place: 'posyandu', parts: { balita: { weightKg: 12 } } },
      { now: new Date(), today },
    )
    if (!v.ok) throw new Error('visit')

    const user = userEvent.setup()
    renderScreen(<PwsScreen month={today.slice(0, 7)} />)
    const skdn = await screen.findByRole('region', { name: 'SKDN' }, { timeout: 10_000 })
    const row = (label: string) => within(skdn).getByText(label).closest('tr') as HTMLElement
    expect(within(row('S — semua balita')).getByRole('button').textContent).toBe('2')
    expect(within(row('D — ditimbang')).getByRole('button').textContent).toBe('1')
    // A share reads "1 of 2" and, in its own cell, "50 %" with the language's digits — never "/ 250 %".
    expect(row('D/S (partisipasi)').querySelector('.pws-percent')?.textContent).toBe('50\u00a0%')
    const coverage = screen.getByRole('region', { name: 'Cakupan skrining' })
    const balita = within(coverage).getByText('Balita (12–59 bulan)').closest('tr') as HTMLElement
    expect(balita.textContent).toContain('1 dari 2')
    expect(balita.querySelector('.pws-percent')?.textContent).toBe('50\u00a0%')
    await user.click(within(row('Belum ditimbang (S − D)')).getByRole('button'))
    const list = await screen.findByRole('dialog', { name: 'Belum ditimbang (S − D)' })
    expect(within(list).getByRole('link', { name: 'Dewi' }).getAttribute('href')).toBe(
      `#/anggota/${notWeighed.record.id}`,
    )
  })
  it('shows the PWS indicators below the report: a status, the chart on a tap, SKDN by sex and age', async () => {
    const { today, h } = await household()
    // Two adults of 40: one has her blood pressure taken today → PTM ≥ 15 y: 1 of 2 this year.
    const adults = await Promise.all(
      ['Sari', 'Budi'].map((name, i) =>
        saveMember(
          memberInput(h.record.id, {
            name,
            sex: i === 0 ? 'P' : 'L',
            birthDate: born(40),
            relation: i === 0 ? 'istri' : 'kepala',
          }),
          { now: NOW, today },
        ),
      ),
    )
    const [sari] = adults
    if (!sari?.ok) throw new Error('members')
    const v = await saveVisit(
      {
        memberId: sari.record.id,
        date: today,
        place: 'posyandu',
        parts: { dewasa: { systolicMmHg: 120, diastolicMmHg: 80 } },
      },
      { now: new Date(), today },
    )
    if (!v.ok) throw new Error('visit')

    const user = userEvent.setup()
    renderScreen(<PwsScreen month={today.slice(0, 7)} />)
    const section = await screen.findByRole(
      'region',
      { name: 'Indikator PWS — kumulatif sejak Januari' },
      { timeout: 10_000 },
    )
    const ptm = within(section).getByRole('button', { name: /Skrining PTM usia ≥ 15 tahun/ })
    expect(ptm.textContent).toContain('1/2 · 50 %')
    expect(ptm.getAttribute('aria-expanded')).toBe('false')
    await user.click(ptm)
    expect(ptm.getAttribute('aria-expanded')).toBe('true')
    expect(
      within(section).getByRole('img', { name: /Skrining PTM usia ≥ 15 tahun: cakupan kumulatif 50 %/ }),
    ).toBeTruthy()
    await user.click(within(section).getByRole('button', { name: 'Lihat siapa saja (1)' }))
    const list = await screen.findByRole('dialog', { name: 'Skrining PTM usia ≥ 15 tahun' })
    expect(within(list).getByRole('link', { name: 'Sari' })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'SKDN menurut jenis kelamin dan umur' })).toBeTruthy()
  })
})
