import { describe, expect, it } from 'vitest'
import { makeMember, makeVisit, tasksOf } from './builders'

// 34 years old on 2024-06-15; turned 19 on 2009-05-05; registered in the app on 2020-01-10.
const adult = makeMember({ id: 'dewasa', birthDate: '1990-05-05', createdAt: '2020-01-10T03:00:00.000Z' })
// A full dewasa screening: blood pressure (PTM) and the SRQ-20.
const screened = (date: string) =>
  makeVisit(adult, date, { dewasa: { systolicMmHg: 118, diastolicMmHg: 76, srq20: Array(20).fill(false) } })

describe('yearly screening of dewasa (PTM and SRQ-20, each from its own last screening)', () => {
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

  it('counts each instrument from its own last screening: a blood pressure is not an SRQ-20', () => {
    const bpOnly = makeVisit(adult, '2024-03-01', { dewasa: { systolicMmHg: 120, diastolicMmHg: 80 } })
    const visits = [screened('2023-09-01'), bpOnly]
    expect(tasksOf('skrining_dewasa', '2024-06-15', { members: [adult], visits })).toEqual([])
    const [task] = tasksOf('skrining_dewasa', '2024-08-25', { members: [adult], visits })
    expect(task).toMatchObject({ dueFrom: '2024-09-01', state: 'upcoming' })
    expect(task?.reason.id).toBe('Skrining tahunan: kesehatan jiwa (SRQ-20) — kunjungi atau ajak ke posyandu')
  })

  it('makes someone never screened due from registration — never overdue since a day before it — and resolves it', () => {
    expect(tasksOf('skrining_dewasa', '2020-01-20', { members: [adult] })[0]).toMatchObject({
      id: 'skrining_dewasa:dewasa:2020-01-10',
      state: 'due',
      dueTo: '2020-02-09',
    })
    const visit = screened('2020-01-20')
    expect(tasksOf('skrining_dewasa', '2020-01-20', { members: [adult], visits: [visit] })[0]).toMatchObject({
      id: 'skrining_dewasa:dewasa:2020-01-10',
      state: 'done',
      doneBy: visit.id,
    })
    expect(tasksOf('skrining_dewasa', '2020-02-10', { members: [adult], visits: [visit] })).toEqual([])
  })

  it('without a registration date counts from the start of the stage', () => {
    const unknown = makeMember({ id: 'lama', birthDate: '1990-05-05' })
    expect(tasksOf('skrining_dewasa', '2024-06-15', { members: [unknown] })[0]).toMatchObject({
      id: 'skrining_dewasa:lama:2009-05-05',
      state: 'overdue',
    })
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

describe('yearly screening of lansia (PTM, SRQ-20, SKILAS, AKS)', () => {
  // 67 years old, registered today; visited today with a full SKILAS and a blood pressure.
  const elder = makeMember({ id: 'lansia', birthDate: '1957-03-03', createdAt: '2024-06-15T01:00:00.000Z' })

  it('a visit with SKILAS leaves AKS and SRQ-20 due now — not "overdue since" the 60th birthday', () => {
    const today = makeVisit(elder, '2024-06-15', {
      lansia: { systolicMmHg: 130, diastolicMmHg: 85, skilas: { feelingDown: false } },
    })
    const [task] = tasksOf('skrining_lansia', '2024-06-15', { members: [elder], visits: [today] })
    expect(task).toMatchObject({ state: 'due', dueFrom: '2024-06-15' })
    expect(task?.reason.id).toBe(
      'Skrining tahunan lansia: kesehatan jiwa (SRQ-20), AKS — kunjungi atau ajak ke posyandu',
    )
    const full = makeVisit(elder, '2024-06-15', {
      lansia: {
        systolicMmHg: 130,
        diastolicMmHg: 85,
        srq20: Array(20).fill(false),
        skilas: { feelingDown: false },
        aks: { mandi: 1 },
      },
    })
    expect(tasksOf('skrining_lansia', '2024-06-15', { members: [elder], visits: [full] })[0]).toMatchObject({
      state: 'done',
      doneBy: full.id,
    })
    expect(tasksOf('skrining_dewasa', '2024-06-15', { members: [elder], visits: [full] })).toEqual([])
  })

  it('SKILAS and AKS start at 60 even after a recent dewasa screening', () => {
    const newElder = makeMember({
      id: 'baru60',
      birthDate: '1964-06-01',
      createdAt: '2020-01-01T00:00:00.000Z',
    })
    const visit = makeVisit(newElder, '2024-01-10', {
      dewasa: { systolicMmHg: 120, diastolicMmHg: 80, srq20: Array(20).fill(false) },
    })
    const [task] = tasksOf('skrining_lansia', '2024-06-05', { members: [newElder], visits: [visit] })
    expect(task).toMatchObject({ dueFrom: '2024-06-01', state: 'due' })
    expect(task?.reason.en).toBe(
      'Yearly older-person screening: SKILAS, ADL (AKS) — visit or invite to the posyandu',
    )
  })
})
