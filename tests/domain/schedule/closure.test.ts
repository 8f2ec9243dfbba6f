import { describe, expect, it } from 'vitest'
import { makeMember, makeVisit, states, tasks } from './builders'

// A closed case leaves the schedule from its date; a mother's or baby's death is reported to the bidan (issue 12).
describe('a closed case', () => {
  const child = makeMember({ id: 'anak', birthDate: '2024-01-10', sex: 'L' })
  const weighed = makeVisit(child, '2024-05-02', { balita: { weightKg: 6 } })

  it('has tasks while open, none from the day it closed', () => {
    expect(tasks('2024-06-20', { members: [child], visits: [weighed] }).length).toBeGreaterThan(0)
    const moved = { ...child, closure: { reason: 'pindah' as const, date: '2024-06-20' } }
    expect(tasks('2024-06-20', { members: [moved], visits: [weighed] })).toEqual([])
    // The day before the closure's date it still had them; reopened (no closure) they are back.
    expect(tasks('2024-06-19', { members: [moved], visits: [weighed] }).length).toBeGreaterThan(0)
  })

  it('asks to report a baby’s death to the bidan at once, until reported', () => {
    const died = { ...child, closure: { reason: 'meninggal' as const, date: '2024-06-20' } }
    const [report] = tasks('2024-06-20', { members: [died], visits: [weighed] })
    expect(report).toMatchObject({ rule: 'lapor_kematian', state: 'due', priority: 1, dueTo: '2024-06-21' })
    expect(report?.reason.id).toMatch(/bayi meninggal — lapor segera ke bidan/)
    expect(states(tasks('2024-06-25', { members: [died], visits: [weighed] }))).toEqual({
      lapor_kematian: 'overdue',
    })
    const reported = { ...died, closure: { ...died.closure, reportedOn: '2024-06-21' } }
    expect(states(tasks('2024-06-21', { members: [reported], visits: [weighed] }))).toEqual({
      lapor_kematian: 'done',
    })
  })

  it('asks to report a pregnant woman’s death; not a man’s of 50', () => {
    const ibu = makeMember({
      id: 'ibu',
      birthDate: '1995-03-01',
      hpht: '2024-03-01',
      closure: { reason: 'meninggal', date: '2024-06-20' },
    })
    expect(states(tasks('2024-06-20', { members: [ibu] }))).toEqual({ lapor_kematian: 'due' })
    const man = makeMember({
      id: 'pak',
      birthDate: '1974-03-01',
      sex: 'L',
      closure: { reason: 'meninggal', date: '2024-06-20' },
    })
    expect(tasks('2024-06-20', { members: [man] })).toEqual([])
  })

  it('is no TBC household contact once moved away', () => {
    const index = makeMember({ id: 'index', birthDate: '1980-01-01', sex: 'L' })
    const terduga = makeVisit(index, '2024-06-18', {
      dewasa: { tbcSymptoms: ['batuk_2_minggu', 'keringat_malam'] },
    })
    const contact = makeMember({ id: 'kontak', birthDate: '1985-01-01' })
    const contactTasks = (m: typeof contact) =>
      tasks('2024-06-20', { members: [index, m], visits: [terduga] }).filter(
        (t) => t.rule === 'tbc_kontak' && t.memberId === 'kontak',
      )
    expect(contactTasks(contact)).toHaveLength(1)
    expect(contactTasks({ ...contact, closure: { reason: 'pindah', date: '2024-06-19' } })).toEqual([])
  })
})
