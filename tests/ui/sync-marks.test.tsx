// @vitest-environment jsdom
// Every visit and follow-up shows its own sync mark on the member's screen: belum terkirim until acknowledged.
import { cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { getDb } from '../../src/data/db'
import { saveFollowUp, saveVisit } from '../../src/data/visits'
import { saveHousehold, saveMember } from '../../src/data/write'
import MemberDetail from '../../src/ui/members/MemberDetail'
import { householdInput, memberInput, NOW, withTestDb } from '../data/fixtures'
import { daysFromToday, renderScreen } from './render'

withTestDb()
afterEach(cleanup)

it("marks the member, each visit and each follow-up on their own, and shows 'terkirim' once acknowledged", async () => {
  const today = daysFromToday(0)
  const home = await saveHousehold(householdInput(), { now: NOW })
  if (!home.ok) throw new Error('household')
  const siti = await saveMember(memberInput(home.record.id), { now: NOW, today })
  if (!siti.ok) throw new Error('member')
  const visit = await saveVisit(
    {
      memberId: siti.record.id,
      date: today,
      place: 'rumah',
      parts: { dewasa: { systolicMmHg: 190, diastolicMmHg: 100 } },
    },
    { now: NOW, today },
  )
  if (!visit.ok) throw new Error('visit')
  const followUp = await saveFollowUp(
    { visitId: visit.record.id, findingCode: 'x', date: today, outcome: 'belum_berangkat' },
    { now: NOW, today },
  )
  if (!followUp.ok) throw new Error('follow-up')

  renderScreen(<MemberDetail id={siti.record.id} />)
  await screen.findByText(/Tindak lanjut .*: Belum berangkat/, {}, { timeout: 5_000 })
  await waitFor(() => expect(screen.getAllByText('belum terkirim')).toHaveLength(3))
  await getDb().outbox.clear() // what a push does once the server acknowledged everything
  await waitFor(() => expect(screen.getAllByText('terkirim')).toHaveLength(3))
})
