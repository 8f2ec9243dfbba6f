// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { getWorkArea, saveWorkArea } from '../../src/data/meta'
import { saveVisit } from '../../src/data/visits'
import { saveHousehold, saveMember } from '../../src/data/write'
import type { Visit } from '../../src/protocol/visits'
import VisitHistory from '../../src/ui/visits/VisitHistory'
import { householdInput, memberInput, TODAY, withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
// Unmount before the database is deleted, so no live query outlives its test.
afterEach(cleanup)

let clock = Date.parse('2025-06-15T01:00:00.000Z')
function tick(): Date {
  clock += 60_000
  return new Date(clock)
}

async function seedMember(overrides: Parameters<typeof memberInput>[1]) {
  const h = await saveHousehold(householdInput(), { now: tick() })
  if (!h.ok) throw new Error('household not saved')
  const m = await saveMember(memberInput(h.record.id, overrides), { now: tick(), today: TODAY })
  if (!m.ok) throw new Error(`member not saved: ${JSON.stringify(m.errors)}`)
  return m.record
}

async function visit(memberId: string, input: Record<string, unknown>): Promise<Visit> {
  const result = await saveVisit({ memberId, place: 'posyandu', ...input }, { now: tick(), today: TODAY })
  if (!result.ok) throw new Error(`visit not saved: ${JSON.stringify(result.errors)}`)
  return result.record
}

const BALITA = { name: 'Adi', sex: 'L' as const, birthDate: '2024-01-10', relation: 'anak' as const }

async function seedBalita() {
  await saveWorkArea({ ...(await getWorkArea()), kaderName: 'Bu Sri' })
  const child = await seedMember(BALITA)
  const v1 = await visit(child.id, {
    date: '2024-11-10',
    parts: { balita: { weightKg: 8.5, lengthCm: 72, position: 'lying', armCm: 13.5 } },
  })
  const v2 = await visit(child.id, {
    date: '2025-01-10',
    parts: { balita: { weightKg: 9.1, lengthCm: 74.2, position: 'lying', armCm: 14.5 } },
  })
  const v3 = await visit(child.id, {
    date: '2025-03-10',
    place: 'rumah',
    parts: { balita: { weightKg: 19, lengthCm: 76, position: 'lying', armCm: 14 } },
  })
  const v4 = await visit(child.id, {
    date: '2025-03-10',
    place: 'rumah',
    supersedes: v3.id,
    note: 'BB salah ketik',
    parts: { balita: { weightKg: 9.4, lengthCm: 74.2, position: 'lying', armCm: 14 } },
  })
  return { child, v1, v2, v3, v4 }
}

/** The visits as listed, top to bottom. */
function listedVisits() {
  return waitFor(() => {
    const articles = screen.getAllByRole('article')
    expect(articles.length).toBeGreaterThan(0)
    return articles
  })
}

describe('VisitHistory', () => {
  it('lists the visits newest first with place, kader and measurements', async () => {
    const { child } = await seedBalita()
    renderScreen(<VisitHistory memberId={child.id} birthDate={child.birthDate} sex="L" />)
    await screen.findByText('BB salah ketik', { exact: false })
    const articles = await listedVisits()
    expect(articles.map((a) => within(a).getByRole('heading').textContent)).toEqual([
      '10 Mar 2025 · Kunjungan rumah',
      '10 Mar 2025 · Kunjungan rumah',
      '10 Jan 2025 · Posyandu',
      '10 Nov 2024 · Posyandu',
    ])
    const newest = articles[0] as HTMLElement
    expect(within(newest).getByText('Kader: Bu Sri')).toBeTruthy()
    expect(newest.textContent).toContain('BB 9,4 kg')
    expect(newest.textContent).toContain('PB 74,2 cm')
    expect(newest.textContent).toContain('LiLA 14 cm')
    expect(within(newest).getByText('Koreksi dari kunjungan 10 Mar 2025')).toBeTruthy()
  })

  it('shows an open day as one visit: the check-in its measurement completed is no correction', async () => {
    const child = await seedMember(BALITA)
    const came = await visit(child.id, { date: '2025-06-10', parts: {}, checkedIn: true })
    await visit(child.id, {
      date: '2025-06-10',
      supersedes: came.id,
      parts: { balita: { weightKg: 10.2 } },
      services: ['pmt'],
      topics: ['gizi_seimbang'],
    })
    const waiting = await seedMember({ ...BALITA, name: 'Bayu' })
    await visit(waiting.id, { date: '2025-06-10', parts: {}, checkedIn: true })
    renderScreen(<VisitHistory memberId={child.id} birthDate={child.birthDate} sex="L" />)
    await screen.findByText('Pelayanan: PMT')
    expect((await listedVisits()).length).toBe(1)
    expect(screen.getByText('Penyuluhan: Gizi seimbang (isi piringku)')).toBeTruthy()
    expect(screen.queryByText('Dikoreksi')).toBeNull()
    expect(screen.queryByText(/Koreksi dari/)).toBeNull()
    cleanup()
    renderScreen(<VisitHistory memberId={waiting.id} birthDate={waiting.birthDate} sex="L" />)
    expect(await screen.findByText('Datang ke posyandu (belum diukur)')).toBeTruthy()
  })

  it('greys a superseded visit as "Dikoreksi" with a link to its correction', async () => {
    const { child, v3, v4 } = await seedBalita()
    renderScreen(<VisitHistory memberId={child.id} birthDate={child.birthDate} sex="L" />)
    await screen.findByText('Dikoreksi')
    const articles = await listedVisits()
    const old = articles[1] as HTMLElement
    expect(old.closest('li')?.id).toBe(`visit-${v3.id}`)
    expect(old.closest('li')?.className).toContain('visit-superseded')
    expect(within(old).getByText('Dikoreksi')).toBeTruthy()
    // Only the superseded one is marked.
    expect(screen.getAllByText('Dikoreksi')).toHaveLength(1)
    // No trend arrows on the replaced visit.
    expect(old.querySelectorAll('[data-trend]')).toHaveLength(0)
    const link = within(old).getByRole('link', { name: 'Lihat koreksi' })
    await userEvent.setup().click(link)
    expect(document.activeElement?.id).toBe(`visit-${v4.id}`)
  })

  it('shows trend arrows against the previous valid visit, in words for screen readers', async () => {
    const { child } = await seedBalita()
    renderScreen(<VisitHistory memberId={child.id} birthDate={child.birthDate} sex="L" />)
    await screen.findByText('Dikoreksi')
    const [newest, , middle, oldest] = await listedVisits()
    const arrows = (a: HTMLElement | undefined) =>
      [...(a?.querySelectorAll('[data-trend]') ?? [])].map((e) => e.textContent)
    // 9.4 vs 9.1 (not the corrected 19): up; 74.2 vs 74.2: unchanged; 14 vs 14.5: down.
    expect(arrows(newest)).toEqual(['↑', '→', '↓'])
    expect(newest?.textContent).toContain('naik dari 9,1 kg')
    expect(newest?.textContent).toContain('tetap, sebelumnya 74,2 cm')
    expect(newest?.textContent).toContain('turun dari 14,5 cm')
    expect(arrows(middle)).toEqual(['↑', '↑', '↑'])
    // The first visit has nothing to compare with.
    expect(arrows(oldest)).toEqual([])
  })

  it('draws BB/U and PB/U charts for a child from the valid visits only', async () => {
    const { child } = await seedBalita()
    const { container } = renderScreen(
      <VisitHistory memberId={child.id} birthDate={child.birthDate} sex="L" />,
    )
    const wfa = await screen.findByRole('img', { name: /^Berat badan menurut umur/ })
    expect(wfa.getAttribute('aria-label')).toBe(
      'Berat badan menurut umur, 3 titik, terakhir 9,4 kg pada umur 1 th 2 bl',
    )
    const lhfa = screen.getByRole('img', { name: /^Panjang\/tinggi badan menurut umur/ })
    expect(lhfa.getAttribute('aria-label')).toBe(
      'Panjang/tinggi badan menurut umur, 3 titik, terakhir 74,2 cm pada umur 1 th 2 bl',
    )
    expect(container.querySelectorAll('path[data-sd]')).toHaveLength(10)
    expect(container.querySelectorAll('circle.gc-point')).toHaveLength(6)
  })

  it('shows an adult its blood pressure and glucose, and no growth chart', async () => {
    const adult = await seedMember({
      name: 'Pak Budi',
      sex: 'L',
      birthDate: '1970-05-01',
      relation: 'kepala',
    })
    await visit(adult.id, {
      date: '2025-02-01',
      parts: { dewasa: { weightKg: 70, heightCm: 165, systolicMmHg: 150, diastolicMmHg: 95, gdsMgDl: 180 } },
    })
    await visit(adult.id, {
      date: '2025-05-01',
      place: 'rumah',
      parts: { dewasa: { systolicMmHg: 135, diastolicMmHg: 85, gdsMgDl: 180 } },
    })
    renderScreen(<VisitHistory memberId={adult.id} birthDate={adult.birthDate} sex="L" />)
    const [latest, first] = await waitFor(() => {
      const articles = screen.getAllByRole('article')
      expect(articles).toHaveLength(2)
      return articles
    })
    expect(latest?.textContent).toContain('Dewasa')
    expect(latest?.textContent).toContain('TD 135/85 mmHg')
    expect(latest?.textContent).toContain('turun dari 150/95 mmHg')
    expect(latest?.textContent).toContain('GDS 180 mg/dL')
    expect(latest?.textContent).toContain('tetap, sebelumnya 180 mg/dL')
    expect(first?.textContent).toContain('BB 70 kg')
    expect(first?.textContent).toContain('TB 165 cm')
    expect(screen.queryByRole('img')).toBeNull()
    expect(screen.queryByText('Grafik pertumbuhan (KMS)')).toBeNull()
  })

  it('calls renderFindings under each visit', async () => {
    const { child } = await seedBalita()
    renderScreen(
      <VisitHistory
        memberId={child.id}
        birthDate={child.birthDate}
        sex="L"
        renderFindings={(v) => <p data-testid="findings">temuan {v.date}</p>}
      />,
    )
    await waitFor(() => expect(screen.getAllByTestId('findings')).toHaveLength(4))
    const articles = screen.getAllByRole('article')
    expect(within(articles[3] as HTMLElement).getByTestId('findings').textContent).toBe('temuan 2024-11-10')
  })

  it('says so when there are no visits yet', async () => {
    const child = await seedMember(BALITA)
    renderScreen(<VisitHistory memberId={child.id} birthDate={child.birthDate} sex="L" />)
    expect(await screen.findByText('Belum ada kunjungan.')).toBeTruthy()
  })
})
