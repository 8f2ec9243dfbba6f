import { describe, expect, it } from 'vitest'
import { makeMember, makeVisit, tasksOf } from './builders'

// 34 years old on 2024-06-15; turned 19 on 2009-05-05.
const adult = makeMember({ id: 'dewasa', birthDate: '1990-05-05' })
const screened = (date: string) => makeVisit(adult, date, { dewasa: { systolicMmHg: 118 } })

describe('yearly screening of dewasa', () => {
  it('gives no task 11 months after a screening, an overdue one after 13 months', () => {
    expect(
      tasksOf('skrining_dewasa', '2024-06-15', { members: [adult], visits: [screened('2023-07-15')] }),
    ).toEqual([])
    expect(
      tasksOf('skrining_dewasa', '2024-06-15', { members: [adult], visits: [screened('2023-05-15')] })[0],
    ).toMatchObject({
      id: 'skrining_dewasa:dewasa:2024-05-15',
      state: 'overdue',
      dueFrom: '2024-05-15',
      dueTo: '2024-06-14',
      priority: 3,
    })
  })

  it('is due in the month after the anniversary, upcoming the week before', () => {
    const visits = [screened('2023-06-10')]
    expect(tasksOf('skrining_dewasa', '2024-06-15', { members: [adult], visits })[0]?.state).toBe('due')
    expect(tasksOf('skrining_dewasa', '2024-06-03', { members: [adult], visits })[0]?.state).toBe('upcoming')
    expect(tasksOf('skrining_dewasa', '2024-06-02', { members: [adult], visits })).toEqual([])
  })

  it('makes someone never screened overdue from the start of the stage, and resolves it', () => {
    expect(tasksOf('skrining_dewasa', '2024-06-15', { members: [adult] })[0]).toMatchObject({
      id: 'skrining_dewasa:dewasa:2009-05-05',
      state: 'overdue',
    })
    const visit = screened('2024-06-15')
    expect(tasksOf('skrining_dewasa', '2024-06-15', { members: [adult], visits: [visit] })[0]).toMatchObject({
      id: 'skrining_dewasa:dewasa:2009-05-05',
      state: 'done',
      doneBy: visit.id,
    })
    expect(tasksOf('skrining_dewasa', '2024-06-23', { members: [adult], visits: [visit] })).toEqual([])
  })

  it('resolves an overdue yearly window with the next screening', () => {
    const visits = [screened('2023-05-15'), screened('2024-06-20')]
    expect(tasksOf('skrining_dewasa', '2024-06-20', { members: [adult], visits })[0]).toMatchObject({
      id: 'skrining_dewasa:dewasa:2024-05-15',
      state: 'done',
      doneBy: visits[1]?.id,
    })
  })

  it('gives no yearly screening to remaja or children', () => {
    const remaja = makeMember({ id: 'remaja', birthDate: '2008-01-01' })
    expect(tasksOf(['skrining_dewasa', 'skrining_lansia'], '2024-06-15', { members: [remaja] })).toEqual([])
  })
})

describe('yearly screening of lansia (SKILAS + AKS)', () => {
  const elder = makeMember({ id: 'lansia', birthDate: '1950-03-03' })

  it('needs both SKILAS and AKS on the lansia part', () => {
    const bpOnly = makeVisit(elder, '2024-03-01', { lansia: { systolicMmHg: 130 } })
    expect(tasksOf('skrining_lansia', '2024-06-15', { members: [elder], visits: [bpOnly] })[0]).toMatchObject(
      {
        id: 'skrining_lansia:lansia:2010-03-03',
        state: 'overdue',
      },
    )
    const full = makeVisit(elder, '2024-03-01', {
      lansia: { skilas: { feelingDown: false }, aks: { mandi: 1 } },
    })
    expect(tasksOf('skrining_lansia', '2024-06-15', { members: [elder], visits: [full] })).toEqual([])
    expect(tasksOf('skrining_dewasa', '2024-06-15', { members: [elder], visits: [full] })).toEqual([])
  })

  it('starts at 60 even after a recent dewasa screening', () => {
    const newElder = makeMember({ id: 'baru60', birthDate: '1964-06-01' })
    const visit = makeVisit(newElder, '2024-01-10', { dewasa: { systolicMmHg: 120 } })
    expect(
      tasksOf('skrining_lansia', '2024-06-05', { members: [newElder], visits: [visit] })[0],
    ).toMatchObject({
      dueFrom: '2024-06-01',
      state: 'due',
    })
  })
})
