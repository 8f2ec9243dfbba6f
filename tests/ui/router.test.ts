import { describe, expect, it } from 'vitest'
import { parseRoute, paths } from '../../src/ui/router'

const ID = '0190f0e2-1234-7abc-8def-0123456789ab'

describe('routes', () => {
  it.each([
    [paths.households(), { name: 'households' }],
    [paths.household(ID), { name: 'household', id: ID }],
    [paths.householdNew(), { name: 'householdNew' }],
    [paths.householdNew(ID), { name: 'householdNew', saveId: ID }],
    [paths.householdEdit(ID), { name: 'householdEdit', id: ID }],
    [paths.memberNew(ID), { name: 'memberNew', householdId: ID }],
    [paths.memberNew(ID, ID), { name: 'memberNew', householdId: ID, saveId: ID }],
    [paths.drafts(), { name: 'drafts' }],
    [paths.openDay(), { name: 'openDay' }],
    [paths.openDay('2025-08-12'), { name: 'openDay', date: '2025-08-12' }],
    [paths.openDayPerson('2025-08-12', ID), { name: 'openDayPerson', date: '2025-08-12', memberId: ID }],
    [paths.openDayWalkIn('2025-08-12'), { name: 'openDayWalkIn', date: '2025-08-12' }],
    [paths.openDayWalkIn('2025-08-12', ID), { name: 'openDayWalkIn', date: '2025-08-12', saveId: ID }],
    [paths.openDayRekap('2025-08-12'), { name: 'openDayRekap', date: '2025-08-12' }],
    [paths.member(ID), { name: 'member', id: ID }],
    [paths.memberEdit(ID), { name: 'memberEdit', id: ID }],
    [paths.visitNew(ID), { name: 'visitNew', memberId: ID }],
    [paths.visitCorrect(ID), { name: 'visitCorrect', visitId: ID }],
    [paths.referrals(), { name: 'referrals' }],
    [paths.settings(), { name: 'settings' }],
    [paths.settings('rejected'), { name: 'settings', section: 'rejected' }],
    [paths.binaan(), { name: 'binaan' }],
    [paths.binaan('2025-08'), { name: 'binaan', month: '2025-08' }],
    [
      paths.binaanArea('bolang rw/2', '2025-08'),
      { name: 'binaanArea', areaId: 'bolang rw/2', month: '2025-08' },
    ],
  ])('%s round-trips', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route)
  })

  it('sends anything else to "not found"', () => {
    expect(parseRoute('#/rumah')).toEqual({ name: 'notFound' })
    expect(parseRoute('#/anggota/x/y/z')).toEqual({ name: 'notFound' })
    // A save id becomes a record id: a mangled one is no route.
    expect(parseRoute('#/rumah/baru/not-a-uuid')).toEqual({ name: 'notFound' })
    expect(parseRoute('#/posyandu/12-08-2025')).toEqual({ name: 'notFound' })
    expect(parseRoute('#/posyandu/2025-08-12/rekap/x')).toEqual({ name: 'notFound' })
    expect(parseRoute('#/binaan/2025-08/%E0%A4%A')).toEqual({ name: 'notFound' })
    expect(parseRoute('#/binaan/agustus')).toEqual({ name: 'notFound' })
  })
})
