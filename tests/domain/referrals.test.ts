import { describe, expect, it } from 'vitest'
import type { Finding, FindingLevel } from '../../src/domain/findings'
import {
  openReferrals,
  type ReferralFollowUp,
  type ReferralVisit,
  referralDaysWaiting,
} from '../../src/domain/referrals'

const f = (code: string, level: FindingLevel = 'rujuk'): Finding => ({
  code,
  level,
  message: { id: code, en: code },
  source: 'test',
})

const visit = (
  id: string,
  memberId: string,
  date: string,
  findings: Finding[],
  extra: Partial<ReferralVisit> = {},
) => ({ id, memberId, date, findings, ...extra }) satisfies ReferralVisit

const followUp = (
  visitId: string,
  findingCode: string,
  date: string,
  outcome: ReferralFollowUp['outcome'],
): ReferralFollowUp => ({ visitId, findingCode, date, outcome })

const openCodes = (visits: ReferralVisit[], followUps: ReferralFollowUp[] = []) =>
  openReferrals(visits, followUps).map((r) => [r.memberId, r.visitId, r.findings.map((x) => x.code)])

describe('openReferrals', () => {
  it('lists the rujuk findings of each member’s latest visit, not the perhatian or normal ones', () => {
    const visits = [
      visit('a1', 'A', '2024-03-01', [f('kms.t'), f('bbu.kurang', 'perhatian'), f('tbu.normal', 'normal')]),
    ]
    expect(openCodes(visits)).toEqual([['A', 'a1', ['kms.t']]])
  })

  it('lets the latest visit decide: a later visit without rujuk clears the member', () => {
    const visits = [
      visit('a2', 'A', '2024-04-01', [f('kms.n', 'normal')]),
      visit('a1', 'A', '2024-03-01', [f('kms.t')]),
    ]
    expect(openReferrals(visits, [])).toEqual([])
  })

  it('drops a visit corrected by a later record (supersededBy)', () => {
    const visits = [
      visit('a1', 'A', '2024-03-01', [f('kms.t')], { supersededBy: 'a1b' }),
      visit('a1b', 'A', '2024-03-01', [f('kms.n', 'normal')]),
    ]
    expect(openReferrals(visits, [])).toEqual([])
  })

  it('drops a visit corrected by a later record (the correction’s supersedes)', () => {
    const visits = [
      visit('a1b', 'A', '2024-03-01', [f('kms.n', 'normal')], { supersedes: 'a1' }),
      visit('a1', 'A', '2024-03-01', [f('kms.t')]),
    ]
    expect(openReferrals(visits, [])).toEqual([])
  })

  it('falls back to the previous visit when the latest is superseded by one dated earlier', () => {
    const visits = [
      visit('a2', 'A', '2024-04-01', [f('kms.t')], { supersededBy: 'a2b' }),
      visit('a2b', 'A', '2024-03-30', [f('tbu.pendek')]),
    ]
    expect(openCodes(visits)).toEqual([['A', 'a2b', ['tbu.pendek']]])
  })

  it('closes a finding when a follow-up says the member went, and keeps the other open', () => {
    const visits = [visit('a1', 'A', '2024-03-01', [f('kms.t'), f('tbu.pendek')])]
    const followUps = [
      followUp('a1', 'kms.t', '2024-03-05', 'sudah_ke_pustu'),
      followUp('a1', 'tbu.pendek', '2024-03-05', 'belum_berangkat'),
    ]
    const [referral] = openReferrals(visits, followUps)
    expect(referral?.findings.map((x) => x.code)).toEqual(['tbu.pendek'])
    expect(referral?.lastFollowUp).toEqual(followUps[1])
  })

  it('closes the whole referral when every finding is closed (pustu or puskesmas)', () => {
    const visits = [visit('a1', 'A', '2024-03-01', [f('kms.t'), f('tbu.pendek')])]
    const followUps = [
      followUp('a1', 'kms.t', '2024-03-05', 'sudah_ke_pustu'),
      followUp('a1', 'tbu.pendek', '2024-03-09', 'sudah_ke_puskesmas'),
    ]
    expect(openReferrals(visits, followUps)).toEqual([])
  })

  it('keeps a finding open after belum_berangkat or menolak, and reports the latest follow-up', () => {
    const visits = [visit('a1', 'A', '2024-03-01', [f('kms.2t')])]
    const followUps = [
      followUp('a1', 'kms.2t', '2024-03-12', 'menolak'),
      followUp('a1', 'kms.2t', '2024-03-05', 'belum_berangkat'),
    ]
    const [referral] = openReferrals(visits, followUps)
    expect(referral?.findings.map((x) => x.code)).toEqual(['kms.2t'])
    expect(referral?.lastFollowUp?.outcome).toBe('menolak')
  })

  it('ignores follow-ups of another visit or another finding', () => {
    const visits = [
      visit('a2', 'A', '2024-04-01', [f('kms.t')]),
      visit('a1', 'A', '2024-03-01', [f('kms.t')]),
    ]
    const followUps = [
      followUp('a1', 'kms.t', '2024-03-05', 'sudah_ke_pustu'),
      followUp('a2', 'tbu.pendek', '2024-04-05', 'sudah_ke_pustu'),
    ]
    const [referral] = openReferrals(visits, followUps)
    expect(referral?.visitId).toBe('a2')
    expect(referral?.lastFollowUp).toBeUndefined()
  })

  it('sorts the longest waiting first', () => {
    const visits = [
      visit('c1', 'C', '2024-04-01', [f('balita.demam')]),
      visit('a1', 'A', '2024-02-01', [f('kms.t')]),
      visit('b1', 'B', '2024-03-01', [f('td.hipertensi')]),
      visit('d1', 'D', '2024-02-01', [f('kms.bgm')]),
    ]
    expect(openReferrals(visits, []).map((r) => r.memberId)).toEqual(['A', 'D', 'B', 'C'])
  })

  it('tells two same-day visits apart by id (UUID v7 sorts in creation order)', () => {
    const visits = [
      visit('0190a000-0000-7000-8000-000000000002', 'A', '2024-03-01', [f('balita.demam')]),
      visit('0190a000-0000-7000-8000-000000000001', 'A', '2024-03-01', [f('kms.t')]),
    ]
    expect(openReferrals(visits, [])[0]?.findings.map((x) => x.code)).toEqual(['balita.demam'])
  })
})

describe('referralDaysWaiting', () => {
  it('counts whole days since the visit, never below 0', () => {
    expect(referralDaysWaiting({ date: '2024-02-27' }, '2024-03-02')).toBe(4) // across 29 February
    expect(referralDaysWaiting({ date: '2024-03-02' }, '2024-03-02')).toBe(0)
    expect(referralDaysWaiting({ date: '2024-03-05' }, '2024-03-02')).toBe(0)
  })
})
