import { describe, expect, it } from 'vitest'
import { REFERRAL_FOLLOW_UP_DAYS } from '../../../src/domain/schedule'
import { makeFollowUp, makeMember, makeVisit, tasksOf } from './builders'

// Blood pressure 160/100 → 'td.hipertensi' (rujuk); GDS 250 → 'gds.tinggi' (rujuk).
const adult = makeMember({ id: 'pak', birthDate: '1970-02-02', sex: 'L' })
const referred = makeVisit(adult, '2024-06-01', {
  dewasa: { systolicMmHg: 160, diastolicMmHg: 100, gdsMgDl: 250 },
})

describe('referral follow-up', () => {
  it('is due within 7 days of the referral and overdue from day 8', () => {
    expect(REFERRAL_FOLLOW_UP_DAYS).toBe(7)
    const at = (today: string) => tasksOf('rujukan', today, { members: [adult], visits: [referred] })[0]
    expect(at('2024-06-07')).toMatchObject({
      state: 'due',
      dueFrom: '2024-06-02',
      dueTo: '2024-06-08',
      priority: 1,
    })
    expect(at('2024-06-08')?.state).toBe('due') // 7 days after
    expect(at('2024-06-09')?.state).toBe('overdue') // 8 days after
    expect(at('2024-09-09')?.state).toBe('overdue') // an open referral never expires
    expect(at('2024-06-01')?.state).toBe('upcoming') // the day of the referral itself
    expect(at('2024-06-07')?.reason.id).toMatch(/^Tindak lanjut rujukan 01-06-2024: Tekanan darah 160\/100/)
  })

  it('is done once follow-ups close every referred finding, by the last closing follow-up', () => {
    const bp = makeFollowUp(referred, 'td.hipertensi', '2024-06-05', 'sudah_ke_pustu')
    const gds = makeFollowUp(referred, 'gds.tinggi', '2024-06-06', 'sudah_ke_puskesmas')
    const records = { members: [adult], visits: [referred], followUps: [bp, gds] }
    for (const today of ['2024-06-07', '2024-06-08', '2024-06-09']) {
      expect(tasksOf('rujukan', today, records)[0]).toMatchObject({
        id: 'rujukan:pak:2024-06-02',
        state: 'done',
        doneBy: gds.id,
        doneOn: '2024-06-06',
      })
    }
    expect(tasksOf('rujukan', '2024-06-14', records)).toEqual([]) // a week after it was done
  })

  it('stays open while a finding has no closing follow-up', () => {
    const followUps = [
      makeFollowUp(referred, 'td.hipertensi', '2024-06-05', 'sudah_ke_pustu'),
      makeFollowUp(referred, 'gds.tinggi', '2024-06-05', 'belum_berangkat'),
    ]
    const [task] = tasksOf('rujukan', '2024-06-09', { members: [adult], visits: [referred], followUps })
    expect(task?.state).toBe('overdue')
    expect(task?.reason.en).toMatch(/Random blood glucose 250/)
    expect(task?.reason.en).not.toMatch(/Blood pressure/)
  })

  it('is cleared by a later visit that no longer refers, and by a correction', () => {
    const later = makeVisit(adult, '2024-06-05', { dewasa: { systolicMmHg: 118, diastolicMmHg: 76 } })
    expect(tasksOf('rujukan', '2024-06-09', { members: [adult], visits: [referred, later] })).toEqual([])
    const correction = makeVisit(
      adult,
      '2024-06-01',
      { dewasa: { systolicMmHg: 116 } },
      { supersedes: referred.id },
    )
    expect(tasksOf('rujukan', '2024-06-09', { members: [adult], visits: [referred, correction] })).toEqual([])
  })

  it('follows up danger signs too', () => {
    const baby = makeMember({ id: 'bayi', birthDate: '2024-05-20' })
    const visit = makeVisit(baby, '2024-06-01', { neonatus: { dangerSigns: ['kejang'] } })
    expect(tasksOf('rujukan', '2024-06-02', { members: [baby], visits: [visit] })[0]).toMatchObject({
      state: 'due',
      priority: 1,
    })
  })

  it('ignores deleted follow-ups and those dated after today', () => {
    const both = [
      { ...makeFollowUp(referred, 'td.hipertensi', '2024-06-05', 'sudah_ke_pustu'), deleted: true },
      makeFollowUp(referred, 'gds.tinggi', '2024-06-05', 'sudah_ke_pustu'),
    ]
    expect(
      tasksOf('rujukan', '2024-06-06', { members: [adult], visits: [referred], followUps: both })[0]?.state,
    ).toBe('due')
    const future = [
      makeFollowUp(referred, 'td.hipertensi', '2024-06-10', 'sudah_ke_pustu'),
      makeFollowUp(referred, 'gds.tinggi', '2024-06-10', 'sudah_ke_pustu'),
    ]
    expect(
      tasksOf('rujukan', '2024-06-06', { members: [adult], visits: [referred], followUps: future })[0]?.state,
    ).toBe('due')
  })
})
