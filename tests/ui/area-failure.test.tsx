// @vitest-environment jsdom
// When the area worker dies, Jadwal and PWS say so and offer "Coba lagi" instead of "Memuat…" forever; the retry
// starts a new worker and the screen shows its result.
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { saveHousehold, saveMember } from '../../src/data/write'
import PwsScreen from '../../src/ui/pws/PwsScreen'
import ScheduleScreen from '../../src/ui/schedule/ScheduleScreen'
import { localDate } from '../../src/ui/shared/today'
import { FakeWorker, installFakeWorker } from '../data/fake-worker'
import { householdInput, memberInput, NOW, withTestDb } from '../data/fixtures'
import { renderScreen } from './render'

withTestDb()
const SASARAN_EN = 'Target people per life stage'
let uninstall: () => void
beforeAll(() => {
  uninstall = installFakeWorker('crash-on-call')
})
afterAll(() => uninstall())
afterEach(() => {
  cleanup()
  FakeWorker.behaviour = 'crash-on-call'
  // The bridge keeps its worker between tests: end it, so the next test's screen gets a new (crashing) one.
  FakeWorker.instances.at(-1)?.crash()
})

async function childOfTwo() {
  const h = await saveHousehold(householdInput({ headName: 'Ahmad Yani' }), { now: NOW })
  if (!h.ok) throw new Error('household')
  const birth = new Date()
  birth.setFullYear(birth.getFullYear() - 2)
  const child = await saveMember(
    memberInput(h.record.id, { name: 'Rizky', sex: 'L', birthDate: localDate(birth), relation: 'anak' }),
    { now: NOW, today: localDate(new Date()) },
  )
  if (!child.ok) throw new Error('member')
}

describe('a failed area computation', () => {
  it('Jadwal: says the schedule could not be worked out, and Coba lagi shows it', async () => {
    await childOfTwo()
    renderScreen(<ScheduleScreen />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Jadwal belum bisa dihitung.')
    expect(screen.queryByText('Memuat…')).toBeNull()

    FakeWorker.behaviour = 'compute'
    await userEvent.setup().click(screen.getByRole('button', { name: 'Coba lagi' }))
    expect(await screen.findByRole('region', { name: 'Terlambat' }, { timeout: 10_000 })).toBeTruthy()
    expect(screen.queryByText('Jadwal belum bisa dihitung.')).toBeNull()
  })

  it('PWS: says the figures could not be worked out, in English too, and Try again shows them', async () => {
    await childOfTwo()
    renderScreen(<PwsScreen />, 'en')
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The PWS figures could not be worked out.',
    )

    FakeWorker.behaviour = 'compute'
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { name: SASARAN_EN }, { timeout: 10_000 })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
