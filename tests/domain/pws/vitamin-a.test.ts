import { describe, expect, it } from 'vitest'
import { pwsIndicators } from '../../../src/domain/pws/indicators'
import { makeHousehold, makeInput, makeMember, makeVisit } from './builders'

// Vitamin A per round, COUNTED BY HAND; ages in completed months on the round month's last day (29-02-2024,
// 31-08-2024).
//   va1 born 10-01-2024: Feb 1 month (too young) · Aug 7 months, bayi — capsule 10-08-2024 ✓
//   va2 born 20-08-2023: Feb 6 months, bayi — capsule 05-02-2024 ✓ · Aug 12 months, balita — capsule 30-07-2024 is
//       July's, not the round's ✗
//   va3 born 15-09-2019: Feb 53 months, balita ✓ (14-02-2024) · Aug 59 months, balita ✓ (14-08-2024)
//   va4 born 01-07-2019: Feb 55 months, balita ✗ · Aug 62 months (too old) — capsule 02-08-2024 not counted
//   va5 born 01-09-2023: Feb 5 months (too young) · Aug 11 months, bayi ✗
// February: bayi 1/1 (va2), balita 1/2 (va3 of va3 va4), total 2/3.
// August: bayi 1/2 (va1 of va1 va5), balita 1/2 (va3 of va2 va3), total 2/4.
const capsule = (id: string, memberId: string, date: string) =>
  makeVisit(id, memberId, date, { balita: { vitaminA: true } })
const input = makeInput({
  households: [makeHousehold('h1')],
  members: [
    makeMember('va1', 'h1', 'L', '2024-01-10'),
    makeMember('va2', 'h1', 'P', '2023-08-20'),
    makeMember('va3', 'h1', 'L', '2019-09-15'),
    makeMember('va4', 'h1', 'P', '2019-07-01'),
    makeMember('va5', 'h1', 'L', '2023-09-01'),
  ],
  visits: [
    capsule('c1', 'va1', '2024-08-10'),
    capsule('c2', 'va2', '2024-02-05'),
    capsule('c3', 'va2', '2024-07-30'),
    capsule('c4', 'va3', '2024-02-14'),
    capsule('c5', 'va3', '2024-08-14'),
    capsule('c6', 'va4', '2024-08-02'),
    makeVisit('c7', 'va4', '2024-02-14', { balita: { vitaminA: false } }),
  ],
  month: '2024-08',
})

const frac = (r: { numerator: { memberIds: string[] }; denominator: { memberIds: string[] } }) => [
  r.numerator.memberIds,
  r.denominator.memberIds,
]

describe('vitamin A per round (February, August)', () => {
  const [feb, aug] = pwsIndicators(input).vitaminA

  it('February: bayi 6–11 months and balita 12–59 months on 29-02', () => {
    expect(feb?.round).toBe('2024-02')
    expect(frac(feb?.bayi ?? never())).toEqual([['va2'], ['va2']])
    expect(frac(feb?.balita ?? never())).toEqual([['va3'], ['va3', 'va4']])
    expect(frac(feb?.total ?? never())).toEqual([
      ['va2', 'va3'],
      ['va2', 'va3', 'va4'],
    ])
  })

  it('August: a capsule in July is not the round’s; a child past 59 months is not a sasaran', () => {
    expect(aug?.round).toBe('2024-08')
    expect(frac(aug?.bayi ?? never())).toEqual([['va1'], ['va1', 'va5']])
    expect(frac(aug?.balita ?? never())).toEqual([['va3'], ['va2', 'va3']])
    expect(aug?.total.value).toBe(0.5)
  })

  it('lists only the rounds of the year up to the reported month', () => {
    expect(pwsIndicators({ ...input, month: '2024-03' }).vitaminA.map((r) => r.round)).toEqual(['2024-02'])
    expect(pwsIndicators({ ...input, month: '2024-01' }).vitaminA).toEqual([])
  })
})

function never(): never {
  throw new Error('round missing')
}
