import { describe, expect, it } from 'vitest'
import { DEFAULT_CLINICAL_SETTINGS } from '../../../src/domain/clinical-settings'
import { makeMember, makeVisit, states, tasksOf } from './builders'

// HPHT 2024-01-01, default settings: TM1 0–12 wk (to 2024-03-31), TM2 13–24 wk (to 2024-06-23), TM3 from 25 wk
// (2024-06-24) to the HPL 2024-10-08; [1, 2, 3] contacts.
const bumil = makeMember({ id: 'bumil', hpht: '2024-01-01' })
const ANC = ['anc_tm1', 'anc_tm2', 'anc_tm3'] as const
const anc = (recorded: string, ...dates: string[]) =>
  makeVisit(bumil, recorded, { ibu_hamil: { ancContacts: dates.map((date) => ({ date })) } })

describe('ANC contacts per trimester', () => {
  it('places the trimesters by the settings', () => {
    const list = tasksOf(ANC, '2024-03-28', { members: [bumil] })
    expect(list.map((t) => [t.rule, t.dueFrom, t.dueTo, t.state, t.priority])).toEqual([
      ['anc_tm1', '2024-01-01', '2024-03-31', 'due', 2],
      ['anc_tm2', '2024-04-01', '2024-06-23', 'upcoming', 2],
    ])
    expect(tasksOf('anc_tm3', '2024-06-20', { members: [bumil] })[0]).toMatchObject({
      dueFrom: '2024-06-24',
      dueTo: '2024-10-08',
    })
  })

  it('makes a missed TM1 contact overdue in TM2', () => {
    const list = tasksOf(ANC, '2024-04-15', { members: [bumil] })
    expect(states(list)).toEqual({ anc_tm1: 'overdue', anc_tm2: 'due' })
    expect(list[0]?.reason.id).toBe('ANC trimester 1: 0/1 kunjungan — ajak periksa ke bidan')
  })

  it('is done when the trimester has its contacts, by the visit that recorded the last one needed', () => {
    const visit = anc('2024-02-20', '2024-02-10')
    expect(tasksOf('anc_tm1', '2024-02-20', { members: [bumil], visits: [visit] })[0]).toMatchObject({
      state: 'done',
      doneBy: visit.id,
      doneOn: '2024-02-10',
    })
    const one = anc('2024-05-01', '2024-04-20')
    const two = anc('2024-05-20', '2024-04-20', '2024-05-18')
    expect(tasksOf('anc_tm2', '2024-05-01', { members: [bumil], visits: [one] })[0]?.reason.id).toMatch(
      /1\/2/,
    )
    expect(tasksOf('anc_tm2', '2024-05-20', { members: [bumil], visits: [one, two] })[0]).toMatchObject({
      state: 'done',
      doneBy: two.id,
      doneOn: '2024-05-18',
    })
  })

  it('resolves a missed trimester when she is back in ANC care', () => {
    const back = anc('2024-04-22', '2024-04-20')
    const list = tasksOf(ANC, '2024-04-22', { members: [bumil], visits: [back] })
    expect(states(list)).toEqual({ anc_tm1: 'done', anc_tm2: 'due' })
    expect(list.find((t) => t.rule === 'anc_tm1')).toMatchObject({
      doneBy: back.id,
      reason: { en: expect.stringMatching(/0\/1/) },
    })
  })

  it('follows the 2-1-3 split when the settings say so', () => {
    const settings = { ...DEFAULT_CLINICAL_SETTINGS, ancPerTrimester: [2, 1, 3] as const }
    const visit = anc('2024-02-20', '2024-02-10')
    expect(tasksOf('anc_tm1', '2024-04-02', { members: [bumil], visits: [visit], settings })[0]?.state).toBe(
      'overdue',
    )
  })

  it('ends with the pregnancy', () => {
    const delivered = { ...bumil, deliveryDate: '2024-09-30' }
    expect(tasksOf(ANC, '2024-10-01', { members: [delivered] })).toEqual([])
    expect(
      tasksOf(ANC, '2024-10-01', { members: [makeMember({ id: 'l', sex: 'L', hpht: '2024-01-01' })] }),
    ).toEqual([])
  })
})
