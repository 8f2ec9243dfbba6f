import { describe, expect, it } from 'vitest'
import { REFERRAL_FOLLOW_UP_DAYS } from '../../../src/domain/schedule'
import { makeFollowUp, makeMember, makeVisit, tasks, tasksOf } from './builders'

// Blood pressure 160/100 → 'td.hipertensi' (rujuk); GDS 250 → 'gds.tinggi' (rujuk): two referrals, one task.
const adult = makeMember({ id: 'pak', birthDate: '1970-02-02', sex: 'L' })
const referred = makeVisit(adult, '2024-06-01', {
  dewasa: { systolicMmHg: 160, diastolicMmHg: 100, gdsMgDl: 250 },
})
const RULES = ['rujukan', 'rujukan_segera'] as const

describe('referral follow-up', () => {
  it('is due from the next day for 7 days and overdue from day 8, for as long as it is open', () => {
    expect(REFERRAL_FOLLOW_UP_DAYS).toBe(7)
    const at = (today: string) => tasksOf(RULES, today, { members: [adult], visits: [referred] })[0]
    expect(at('2024-06-07')).toMatchObject({
      rule: 'rujukan',
      state: 'due',
      dueFrom: '2024-06-02',
      dueTo: '2024-06-08',
      priority: 1,
    })
    expect(at('2024-06-08')?.state).toBe('due')
    expect(at('2024-06-09')?.state).toBe('overdue')
    expect(at('2024-09-09')?.state).toBe('overdue') // an open referral never expires
    expect(at('2024-06-01')?.state).toBe('upcoming')
    expect(at('2024-06-07')?.reason.id).toBe(
      'Tindak lanjut rujukan sejak 1 Jun 2024: Tekanan darah, Gula darah',
    )
  })

  it('stays open after a later visit that did not re-measure the problems (weight only)', () => {
    const weightOnly = makeVisit(adult, '2024-06-10', { dewasa: { weightKg: 70 } })
    const [task] = tasksOf(RULES, '2024-06-12', { members: [adult], visits: [referred, weightOnly] })
    expect(task).toMatchObject({ state: 'overdue', dueFrom: '2024-06-02' })
  })

  it('is done once follow-ups close every referral, by the last closing follow-up', () => {
    const bp = makeFollowUp(referred, 'tekanan_darah', '2024-06-05', 'sampai')
    const gds = makeFollowUp(referred, 'gula_darah', '2024-06-06', 'menolak')
    const records = { members: [adult], visits: [referred], followUps: [bp, gds] }
    for (const today of ['2024-06-07', '2024-06-08', '2024-06-09']) {
      expect(tasksOf(RULES, today, records)[0]).toMatchObject({
        state: 'done',
        doneBy: gds.id,
        doneOn: '2024-06-06',
      })
    }
    expect(tasksOf(RULES, '2024-06-14', records)).toEqual([]) // a week after it was done
  })

  it('stays open while one referral has no closing follow-up', () => {
    const followUps = [
      makeFollowUp(referred, 'tekanan_darah', '2024-06-05', 'sampai'),
      makeFollowUp(referred, 'gula_darah', '2024-06-05', 'belum_berangkat'),
    ]
    const [task] = tasksOf(RULES, '2024-06-09', { members: [adult], visits: [referred], followUps })
    expect(task?.state).toBe('overdue')
    expect(task?.reason.en).toBe('Referral follow-up since 1 Jun 2024: Blood glucose')
  })

  it('is done by a later visit that re-measured both and found neither referring; a correction removes it', () => {
    const later = makeVisit(adult, '2024-06-05', {
      dewasa: { systolicMmHg: 118, diastolicMmHg: 76, gdsMgDl: 120 },
    })
    expect(tasksOf(RULES, '2024-06-09', { members: [adult], visits: [referred, later] })[0]).toMatchObject({
      state: 'done',
      doneBy: later.id,
    })
    const correction = makeVisit(
      adult,
      '2024-06-01',
      { dewasa: { systolicMmHg: 116 } },
      { supersedes: referred.id },
    )
    expect(tasksOf(RULES, '2024-06-09', { members: [adult], visits: [referred, correction] })).toEqual([])
  })

  it('an urgent referral (danger sign) is due the same day and listed before every other task', () => {
    const baby = makeMember({ id: 'bayi', birthDate: '2024-05-20' })
    const visit = makeVisit(baby, '2024-06-01', { neonatus: { dangerSigns: ['kejang'] } })
    const list = tasks('2024-06-01', { members: [baby, adult], visits: [visit, referred] })
    expect(list[0]).toMatchObject({
      rule: 'rujukan_segera',
      state: 'due',
      dueFrom: '2024-06-01',
      dueTo: '2024-06-02',
      priority: 1,
    })
    expect(list[0]?.reason.id).toBe(
      'Tindak lanjut rujukan sejak 1 Jun 2024: Tanda bahaya bayi baru lahir (segera)',
    )
  })

  it('ignores deleted follow-ups and those dated after today', () => {
    const deleted = [
      { ...makeFollowUp(referred, 'tekanan_darah', '2024-06-05', 'sampai'), deleted: true },
      makeFollowUp(referred, 'gula_darah', '2024-06-05', 'sampai'),
    ]
    expect(
      tasksOf(RULES, '2024-06-06', { members: [adult], visits: [referred], followUps: deleted })[0]?.state,
    ).toBe('due')
    const future = [
      makeFollowUp(referred, 'tekanan_darah', '2024-06-10', 'sampai'),
      makeFollowUp(referred, 'gula_darah', '2024-06-10', 'sampai'),
    ]
    expect(
      tasksOf(RULES, '2024-06-06', { members: [adult], visits: [referred], followUps: future })[0]?.state,
    ).toBe('due')
  })
})
