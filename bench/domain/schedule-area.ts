// The schedule's synthetic work area: 5,000 households × 4 members = 20,000 members with 5 visits each = 100,000
// visits: balita weighed monthly (z-scores, N/T), adults with blood pressure (some referred), pregnant women with
// ANC contacts, lansia with SKILAS/AKS, a few TBC index cases — about 4,600 children under five, twice the share of
// a real area.
import type { ScheduleMember, ScheduleVisit } from '../../src/domain/schedule'

export const SCHEDULE_TODAY = '2024-06-20'
const HOUSEHOLDS = 5_000
const VISITS_PER_MEMBER = 5

export function scheduleArea() {
  let seed = 42
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
  const pad = (n: number) => String(n).padStart(2, '0')
  const members: ScheduleMember[] = []
  const visits: ScheduleVisit[] = []
  let visitId = 0
  const visit = (memberId: string, date: string, parts: ScheduleVisit['parts']) => {
    visitId += 1
    visits.push({ id: `v${String(visitId).padStart(7, '0')}`, memberId, date, parts })
  }
  // The 5 months before TODAY, one visit a month.
  const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']
  for (let h = 0; h < HOUSEHOLDS; h++) {
    const householdId = `h${h}`
    const father: ScheduleMember = {
      id: `${householdId}-a`,
      householdId,
      birthDate: `19${60 + (h % 40)}-03-04`,
      sex: 'L',
    }
    const pregnant = h % 10 === 0
    const mother: ScheduleMember = {
      id: `${householdId}-b`,
      householdId,
      birthDate: `19${70 + (h % 30)}-07-08`,
      sex: 'P',
      ...(pregnant ? { hpht: `2024-0${1 + (h % 4)}-10` } : {}),
    }
    const child: ScheduleMember = {
      id: `${householdId}-c`,
      householdId,
      birthDate: `20${19 + (h % 5)}-${pad(1 + (h % 12))}-15`,
      sex: h % 2 ? 'L' : 'P',
    }
    const fourth: ScheduleMember = {
      id: `${householdId}-d`,
      householdId,
      birthDate: h % 3 ? `19${40 + (h % 20)}-11-11` : `20${10 + (h % 8)}-05-05`,
      sex: 'P',
    }
    members.push(father, mother, child, fourth)
    for (let i = 0; i < VISITS_PER_MEMBER; i++) {
      const date = `${months[i]}-${pad(5 + Math.floor(random() * 20))}`
      const systolic = 100 + Math.floor(random() * 80)
      const tbc = random() < 0.002 ? (['batuk_2_minggu', 'keringat_malam'] as const) : undefined
      visit(father.id, date, {
        dewasa: { systolicMmHg: systolic, ...(tbc ? { tbcSymptoms: [...tbc] } : {}) },
      })
      visit(
        mother.id,
        date,
        pregnant
          ? { ibu_hamil: { lilaCm: 24, ancContacts: i % 2 ? [{ date }] : [] } }
          : { dewasa: { systolicMmHg: systolic - 10 } },
      )
      visit(child.id, date, {
        balita: {
          weightKg: 8 + i * 0.2 + random(),
          lengthCm: 75 + i,
          position: 'lying',
          ...(i === 0 ? { immunizations: [{ antigen: 'MR', dose: 1 }] } : {}),
          ...(random() < 0.3 ? { vitaminA: true } : {}),
        },
      })
      visit(
        fourth.id,
        date,
        h % 3
          ? { lansia: { systolicMmHg: systolic, skilas: { feelingDown: false }, aks: { mandi: 1 } } }
          : { remaja: {} },
      )
    }
  }
  return { members, visits }
}
