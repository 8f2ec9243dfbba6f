import { describe, expect, it } from 'vitest'
import { TBC_CONTACT_DUE_DAYS, TBC_CONTACT_LAST_DAY } from '../../../src/domain/schedule'
import { makeMember, makeVisit, tasksOf } from './builders'

const index = makeMember({ id: 'ayah', householdId: 'h1', birthDate: '1975-01-01', sex: 'L' })
const mother = makeMember({ id: 'ibu', householdId: 'h1', birthDate: '1980-01-01' })
const child = makeMember({ id: 'anak', householdId: 'h1', birthDate: '2015-01-01' })
const neighbour = makeMember({ id: 'tetangga', householdId: 'h2', birthDate: '1980-01-01' })
const members = [index, mother, child, neighbour]
const terduga = (date: string) =>
  makeVisit(index, date, { dewasa: { tbcSymptoms: ['batuk_2_minggu', 'keringat_malam'] } })

describe('TBC household contacts', () => {
  it('gives every other member of the household one task, due for 14 days, overdue to day 90', () => {
    expect([TBC_CONTACT_DUE_DAYS, TBC_CONTACT_LAST_DAY]).toEqual([14, 90])
    const list = tasksOf('tbc_kontak', '2024-06-03', { members, visits: [terduga('2024-06-01')] })
    expect(list.map((t) => [t.memberId, t.state, t.dueFrom, t.dueTo, t.lastDay, t.priority])).toEqual([
      ['anak', 'due', '2024-06-01', '2024-06-15', '2024-08-30', 2],
      ['ibu', 'due', '2024-06-01', '2024-06-15', '2024-08-30', 2],
    ])
    expect(tasksOf('tbc_kontak', '2024-06-16', { members, visits: [terduga('2024-06-01')] })[0]?.state).toBe(
      'overdue',
    )
    expect(tasksOf('tbc_kontak', '2024-08-31', { members, visits: [terduga('2024-06-01')] })[0]?.state).toBe(
      'expired',
    )
  })

  it('gives the tasks once, however many terduga visits the episode has', () => {
    const visits = [terduga('2024-06-01'), terduga('2024-06-20')]
    expect(tasksOf('tbc_kontak', '2024-06-21', { members, visits }).map((t) => t.id)).toEqual([
      'tbc_kontak:anak:2024-06-01',
      'tbc_kontak:ibu:2024-06-01',
    ])
  })

  it('needs a terduga finding (≥ 2 symptoms), not one symptom', () => {
    const one = makeVisit(index, '2024-06-01', { dewasa: { tbcSymptoms: ['batuk_2_minggu'] } })
    expect(tasksOf('tbc_kontak', '2024-06-02', { members, visits: [one] })).toEqual([])
  })

  it('is done for an adult asked the TBC symptoms, for a child by any visit', () => {
    const asked = makeVisit(mother, '2024-06-05', { dewasa: { tbcSymptoms: [] } })
    const notAsked = makeVisit(mother, '2024-06-04', { dewasa: { systolicMmHg: 120 } })
    const childVisit = makeVisit(child, '2024-06-06', { remaja: { weightKg: 30 } })
    const visits = [terduga('2024-06-01'), notAsked, asked, childVisit]
    const list = tasksOf('tbc_kontak', '2024-06-06', { members, visits })
    expect(list.map((t) => [t.memberId, t.state, t.doneBy])).toEqual([
      ['anak', 'done', childVisit.id],
      ['ibu', 'done', asked.id],
    ])
  })

  it('treats two members with terduga findings in one episode as index cases, not contacts', () => {
    const hers = makeVisit(mother, '2024-06-10', { dewasa: { tbcSymptoms: ['demam_2_minggu', 'bb_turun'] } })
    const list = tasksOf('tbc_kontak', '2024-06-10', { members, visits: [terduga('2024-06-01'), hers] })
    expect(list.map((t) => t.memberId)).toEqual(['anak'])
  })

  it('starts a new episode after the last day, and reads a lansia part too', () => {
    const grandma = makeMember({ id: 'nenek', householdId: 'h3', birthDate: '1950-01-01' })
    const grandson = makeMember({ id: 'cucu', householdId: 'h3', birthDate: '2020-01-01' })
    const visits = [
      makeVisit(grandma, '2024-01-01', { lansia: { tbcSymptoms: ['batuk_2_minggu', 'batuk_darah'] } }),
      makeVisit(grandma, '2024-06-01', { lansia: { tbcSymptoms: ['batuk_2_minggu', 'batuk_darah'] } }),
    ]
    const list = tasksOf('tbc_kontak', '2024-06-02', { members: [grandma, grandson], visits })
    expect(list.map((t) => t.id)).toEqual(['tbc_kontak:cucu:2024-06-01'])
  })
})
