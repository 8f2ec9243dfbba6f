import { describe, expect, it } from 'vitest'
import { PRIORITY, TASK_RULES } from '../../../src/domain/schedule'
import { makeMember, makeVisit, tasks } from './builders'

// A small household on 2024-06-12 (open day 2024-06-11): a mother 3 days after delivery, her newborn, a toddler
// not weighed, a father referred for high blood pressure 10 days ago.
const mother = makeMember({
  id: 'ibu',
  birthDate: '1994-02-02',
  hpht: '2023-09-01',
  deliveryDate: '2024-06-09',
})
const newborn = makeMember({ id: 'bayi', birthDate: '2024-06-09', sex: 'L' })
const toddler = makeMember({ id: 'balita', birthDate: '2022-08-20', sex: 'P' })
const father = makeMember({ id: 'ayah', birthDate: '1990-01-01', sex: 'L' })
const members = [mother, newborn, toddler, father]
const visits = [
  makeVisit(father, '2024-06-02', { dewasa: { systolicMmHg: 170, diastolicMmHg: 100 } }),
  makeVisit(mother, '2024-06-10', { dewasa: { systolicMmHg: 110, srq20: [false, false, false] } }),
]

describe('visitTasks', () => {
  it('puts overdue before due before upcoming, done and expired; then by priority and deadline', () => {
    const list = tasks('2024-06-12', { members, visits })
    expect(list.map((t) => `${t.state} ${t.priority} ${t.rule} ${t.memberId}`)).toEqual([
      'overdue 1 rujukan ayah', // referred 2024-06-02, follow-up due by 06-09
      'overdue 2 imunisasi balita', // nothing recorded: copy the Buku KIA
      'overdue 2 imunisasi bayi', // HB0 within 24 h
      'overdue 3 skrining_dewasa ayah', // never screened (registered before the app knew the date: no createdAt)
      'due 2 kf2 ibu',
      'due 2 kn2 bayi',
      'due 2 balita_timbang balita',
      'due 2 balita_timbang bayi', // born before the open day
      'upcoming 2 kf3 ibu',
      'upcoming 2 kn3 bayi',
      'done 3 skrining_dewasa ibu', // PTM and SRQ-20 two days ago
      'expired 1 kf1 ibu',
      'expired 1 kn1 bayi',
    ])
  })

  it('gives every task its member’s household, a source in clinical-rules.md and a unique id', () => {
    const list = tasks('2024-06-12', { members, visits })
    expect(new Set(list.map((t) => t.id)).size).toBe(list.length)
    for (const t of list) {
      expect(t.householdId).toBe('h1')
      expect(t.source).toMatch(/clinical-rules\.md §\d/)
      expect(t.priority).toBe(PRIORITY[t.rule])
      expect(t.id).toBe(`${t.rule}:${t.memberId}:${t.dueFrom}`)
    }
  })

  it('gives the same tasks whatever order the records come in', () => {
    const a = tasks('2024-06-12', { members, visits })
    const b = tasks('2024-06-12', { members: [...members].reverse(), visits: [...visits].reverse() })
    expect(b).toEqual(a)
  })

  it('ignores deleted visits and visits dated after today', () => {
    const toddlerWeighed = makeVisit(toddler, '2024-06-11', { balita: { weightKg: 10 } })
    const rows = (extra: object) => [{ ...toddlerWeighed, ...extra }]
    const balita = (v: typeof visits) =>
      tasks('2024-06-12', { members: [toddler], visits: v }).filter((t) => t.rule === 'balita_timbang')
    expect(balita(rows({}))).toEqual([])
    expect(balita(rows({ deleted: true }))).toHaveLength(1)
    expect(balita(rows({ date: '2024-06-13' }))).toHaveLength(1)
  })

  it('ignores visits dated before a corrected birth date, instead of failing the whole schedule', () => {
    const adult = makeMember({ id: 'adult', birthDate: '1980-01-01' })
    const visit = makeVisit(adult, '2024-05-02', { dewasa: { systolicMmHg: 160, diastolicMmHg: 100 } })
    const before = tasks('2024-06-12', { members: [adult], visits: [visit] })
    expect(before.map((t) => t.rule)).toContain('rujukan')
    const corrected = { ...adult, birthDate: '2024-06-01' }
    const after = tasks('2024-06-12', { members: [corrected], visits: [visit] })
    expect(after.map((t) => t.rule)).not.toContain('rujukan')
  })

  it('has a priority for every rule, 1 for referrals, the first days after birth and a death to report', () => {
    expect(Object.keys(PRIORITY).sort()).toEqual([...TASK_RULES].sort())
    expect(TASK_RULES.filter((r) => PRIORITY[r] === 1)).toEqual([
      'kn1',
      'kf1',
      'rujukan',
      'rujukan_segera',
      'lapor_kematian',
    ])
    expect(TASK_RULES.filter((r) => PRIORITY[r] === 3)).toEqual([
      'vitamin_a',
      'skrining_dewasa',
      'skrining_lansia',
    ])
  })
})
